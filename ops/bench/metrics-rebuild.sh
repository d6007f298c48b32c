#!/usr/bin/env bash
# Metrics projection rebuild rate: how fast query.metrics_daily is rebuilt from the event store, two ways, next to
# what PostgreSQL alone does with the same data in the same run.
#
#  1. processor replay: the `metrics` tracking processor catching up on BENCH_EVENTS DailyMetricsRecorded events
#     that appear at once (batched writes: one INSERT … SELECT FROM unnest … ON CONFLICT per Axon batch);
#  2. online rebuild (ops API): POST /api/ops/processors/metrics/rebuild — reads the log by global position,
#     COPYs into a new table, builds its keys and swaps it in while queries keep being answered.
#
# The events are written straight into event_store.domain_event_entry with generate_series (1,400 integrations ×
# 760 days of 20 metrics, the last 30 of them recorded twice as providers revise recent days): this measures
# projecting, not syncing. Starts its own stack (see lib.sh), writes its section of docs/benchmarks.md, stops.
#
#   ops/bench/metrics-rebuild.sh                      # ~1.06M events
#   BENCH_INTEGRATIONS=140 ops/bench/metrics-rebuild.sh   # ~106k events, a quick look
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
INTEGRATIONS="${BENCH_INTEGRATIONS:-1400}"
start_bench_stack

node - "$BENCH_DIR/ids" "$BASE" <<'JS'
const [out, base] = process.argv.slice(2);
const json = { 'Content-Type': 'application/json' };
(async () => {
  const r = await fetch(base + '/api/auth/signup', { method: 'POST', headers: json, body: JSON.stringify({
    agencyName: 'Bench Ops', name: 'Ops', email: 'ops@bench.test', password: 'benchmark passphrase' }) });
  const signup = await r.json();
  if (r.status !== 201) throw new Error('signup answered ' + r.status);
  const client = await (await fetch(base + '/api/clients', { method: 'POST',
    headers: { ...json, Authorization: 'Bearer ' + signup.accessToken }, body: JSON.stringify({ name: 'Rebuilt' }) })).json();
  require('fs').writeFileSync(out, JSON.stringify({ token: signup.accessToken, agencyId: signup.agencyId, clientId: client.id }));
})().catch(e => { console.error(e); process.exit(1); });
JS
field() { node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1]))[process.argv[2]])' "$BENCH_DIR/ids" "$1"; }
AGENCY="$(field agencyId)"; CLIENT="$(field clientId)"
# the platform role OPS is an operator's grant on the machine; a token issued after it carries OPS
./wpm ops grant ops@bench.test >/dev/null
TOKEN="$(curl -sf -H 'Content-Type: application/json' -d '{"email":"ops@bench.test","password":"benchmark passphrase"}' \
  "$BASE/api/auth/login" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).accessToken))')"

metrics_position() { # the metrics processor's token index (lowest over segments)
  bench_psql -c "SELECT coalesce(min((convert_from(token, 'UTF8')::json->>'index')::bigint), -1)
                   FROM query.token_entry WHERE processor_name = 'metrics'"
}
now_ms() { date +%s%3N; }

# Generated in one transaction, so the processor sees all of it at once when it commits.
GEN_START=$(now_ms)
bench_psql <<SQL
CREATE TEMP TABLE gen AS
SELECT gen_random_uuid() AS integration_id, (ARRAY['ga4','google-ads','meta-ads','search-console','csv'])[1 + i % 5] AS provider
  FROM generate_series(1, $INTEGRATIONS) i;
INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
    payload_type, payload_revision, payload, meta_data)
SELECT gen_random_uuid()::text, g.integration_id::text, s.seq, 'Integration',
       to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
       'com.webprometrics.events.integrations.DailyMetricsRecorded', NULL,
       convert_to(json_build_object('integrationId', g.integration_id, 'agencyId', '$AGENCY'::uuid, 'clientId', '$CLIENT'::uuid,
         'provider', g.provider, 'date', current_date - 800 + s.day, 'currency', 'USD',
         'metrics', json_build_object(
           'sessions', 100 + s.day % 97, 'users', 80 + s.day % 89, 'new_users', 40 + s.day % 31, 'engaged_sessions', 60 + s.day % 41,
           'page_views', 300 + s.day % 211, 'engagement_seconds', 5000 + s.day % 977, 'conversions', s.day % 13 + s.rev,
           'revenue', round((s.day % 1000) * 1.37 + s.rev, 2), 'transactions', s.day % 11, 'add_to_carts', s.day % 17,
           'leads', s.day % 7, 'calls', s.day % 5, 'impressions', 10000 + s.day % 5003, 'clicks', 300 + s.day % 301,
           'link_clicks', 250 + s.day % 251, 'video_views', 900 + s.day % 401, 'cost', round((s.day % 500) * 0.91, 2),
           'organic_impressions', 4000 + s.day % 3001, 'organic_clicks', 120 + s.day % 119,
           'position_x_impressions', round((4000 + s.day % 3001) * 7.5, 2)))::text, 'UTF8'),
       convert_to('{"agencyId":"$AGENCY"}', 'UTF8')
  FROM gen g,
       LATERAL (SELECT d AS day, d - 1 AS seq, 0 AS rev FROM generate_series(1, 760) d
                UNION ALL SELECT 730 + d, 759 + d, 1 FROM generate_series(1, 30) d) s;
SQL
GEN_MS=$(( $(now_ms) - GEN_START ))
HEAD="$(bench_psql -c "SELECT max(global_index) FROM event_store.domain_event_entry")"
EVENTS="$(bench_psql -c "SELECT count(*) FROM event_store.domain_event_entry
  WHERE payload_type = 'com.webprometrics.events.integrations.DailyMetricsRecorded'")"
ALL_EVENTS="$(bench_psql -c "SELECT count(*) FROM event_store.domain_event_entry")"

# 1. processor replay: from the commit until the processor's token reaches the head
REPLAY_START=$(now_ms)
until [[ "$(metrics_position)" -ge "$HEAD" ]]; do
  (( $(now_ms) - REPLAY_START < 1800000 )) || { echo "processor did not catch up in 30 min" >&2; exit 1; }
  sleep 0.2
done
REPLAY_MS=$(( $(now_ms) - REPLAY_START ))
ROWS="$(bench_psql -c "SELECT count(*) FROM query.metrics_daily")"
REPLAY_RATE=$(( EVENTS * 1000 / REPLAY_MS ))

# 2. online rebuild through the ops API
curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/ops/processors/metrics/rebuild" >"$BENCH_DIR/rebuild.json"
REBUILD_ID="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).rebuildId)' "$BENCH_DIR/rebuild.json")"
while :; do
  curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/ops/rebuilds/$REBUILD_ID" >"$BENCH_DIR/status.json"
  PHASE="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).phase)' "$BENCH_DIR/status.json")"
  [[ "$PHASE" == done || "$PHASE" == failed ]] && break
  sleep 0.5
done
[[ "$PHASE" == done ]] || { cat "$BENCH_DIR/status.json" >&2; exit 1; }
read -r R_SECONDS R_LOADED R_RATE R_PHASES <<<"$(node -e 'const s = JSON.parse(require("fs").readFileSync(process.argv[1]));
  console.log(s.durationSeconds, s.eventsLoaded, s.eventsPerSecond, Object.entries(s.phaseSeconds).map(([k, v]) => k + " " + v + " s").join(", ").replace(/ /g, "_"))' "$BENCH_DIR/status.json")"
REBUILD_RATE="$(node -e 'console.log(Math.round(process.argv[1] / process.argv[2]))' "$R_LOADED" "$R_SECONDS")"
ROWS_AFTER="$(bench_psql -c "SELECT count(*) FROM query.metrics_daily")"

# PostgreSQL alone, same data, same run: read the payloads by position; write the rows with one INSERT … SELECT
read_start=$(now_ms)
bench_psql -c "SELECT count(*), sum(length(payload)) FROM event_store.domain_event_entry
  WHERE payload_type = 'com.webprometrics.events.integrations.DailyMetricsRecorded'" >/dev/null
PG_READ_RATE=$(( EVENTS * 1000 / ($(now_ms) - read_start) ))
write_start=$(now_ms)
bench_psql -c "CREATE TABLE query.bench_copy AS SELECT * FROM query.metrics_daily; ALTER TABLE query.bench_copy
  ADD PRIMARY KEY (integration_id, date); CREATE INDEX ON query.bench_copy (client_id, date); DROP TABLE query.bench_copy" >/dev/null
PG_WRITE_RATE=$(( ROWS_AFTER * 1000 / ($(now_ms) - write_start) ))

write_section metrics-rebuild "## Metrics projection rebuild — \`ops/bench/metrics-rebuild.sh\`

$(machine_line)
${EVENTS} \`DailyMetricsRecorded\` events (${INTEGRATIONS} integrations × 760 days × 20 metrics, the last 30 days of each recorded
twice; ${ALL_EVENTS} events in the store), written into \`event_store.domain_event_entry\` by SQL in ${GEN_MS} ms, projected
into ${ROWS} rows of \`query.metrics_daily\` (one per integration and day). Target from issue 3: ≥ 40,000 events/s.

| path | events | time | events/s |
|---|---|---|---|
| PostgreSQL alone: read every payload by position (one \`SELECT\`) | ${EVENTS} | | ${PG_READ_RATE} |
| PostgreSQL alone: write the ${ROWS_AFTER} rows into a new table with both keys (\`CREATE TABLE AS\` + indexes) | | | ${PG_WRITE_RATE} rows/s |
| processor replay (\`metrics\` tracking processor, batches of 500, one \`unnest\` upsert per batch) | ${EVENTS} | ${REPLAY_MS} ms | ${REPLAY_RATE} |
| **online rebuild** (\`POST /api/ops/processors/metrics/rebuild\`: keyset read + \`COPY\` + keys + swap) | ${R_LOADED} | ${R_SECONDS} s | **${REBUILD_RATE}** |

The online rebuild's own figure over all positions read (the ops API's \`eventsPerSecond\`): ${R_RATE}/s; its phases: ${R_PHASES//_/ }."
