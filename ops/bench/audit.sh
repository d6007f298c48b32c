#!/usr/bin/env bash
# The audit log: sealing throughput and lag while clients are updated at issue 4's command rate (32 connections,
# direct); sealing one million events appended at once; audit search p99 with a million events in the store; the
# rate of /api/audit/verify, of the export, and of the offline verifier; and, in the same run, PostgreSQL's own rate
# reading the same events. Starts its own stack (lib.sh), writes its section of docs/benchmarks.md and stops
# everything. Loopback only; bounded by BENCH_SECONDS per wrk run (default 15) and BENCH_EVENTS (default 1000000).
#
#   ops/bench/audit.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export WPM_DEFAULT_CLIENT_LIMIT=1000000 WPM_RATE_LIMIT_AUTH_ACCOUNT_CAPACITY=1000
EVENTS="${BENCH_EVENTS:-1000000}"
start_bench_stack
DIRECT=http://localhost:18081
SETUP=(node ops/bench/commands-setup.mjs)
"${SETUP[@]}" setup "$BENCH_DIR" "$BASE" 10 10 100
"${SETUP[@]}" tokens "$BENCH_DIR" "$BASE"
AGENCY="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).history.agencyId)' "$BENCH_DIR/fixture.json")"
[[ -f ops/audit-verifier/target/audit-verifier.jar ]] || mvn -q -o -B -pl ops/audit-verifier package -DskipTests
now_ms() { date +%s%3N; }
count() { bench_psql -c "$1"; }
wait_sealed() { # → ms until every event is sealed (gives up after 15 minutes)
  local start; start="$(now_ms)"
  until [[ "$(count "SELECT count(*) FROM event_store.domain_event_entry e WHERE NOT EXISTS (SELECT 1 FROM event_store.audit_leaf l WHERE l.global_index = e.global_index)")" == 0 ]]; do
    (( $(now_ms) - start < 900000 )) || { echo "bench: events still unsealed after 15 minutes" >&2; exit 1; }
    sleep 0.2
  done
  echo $(( $(now_ms) - start ))
}
wait_sealed >/dev/null

# 1. sealing beside the command load: updates at 32 connections for the run, then lag per event from its timestamp
#    to its seal (the sealer's clock_timestamp()), and how long the last one waited after the load stopped
WARM="${BENCH_WARMUP_SECONDS:-120}"
BENCH_MODE=update BENCH_CLIENTS="$BENCH_DIR/all.txt" wrk -t2 -c32 -d"${WARM}s" -s ops/bench/commands.lua "$DIRECT" >/dev/null
wait_sealed >/dev/null
from_index="$(count "SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry")"
BENCH_MODE=update BENCH_CLIENTS="$BENCH_DIR/all.txt" wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s ops/bench/commands.lua "$DIRECT" >"$BENCH_DIR/wrk.txt"
after_load="$(wait_sealed)"
cmd_rate="$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$BENCH_DIR/wrk.txt")"
cmd_p99="$(awk '/^ +99%/ {print $2}' "$BENCH_DIR/wrk.txt")"
read -r sealed lag50 lag99 lagmax rate <<<"$(count "
  SELECT count(*), round(percentile_cont(0.5) WITHIN GROUP (ORDER BY lag)::numeric, 1),
         round(percentile_cont(0.99) WITHIN GROUP (ORDER BY lag)::numeric, 1), round(max(lag)::numeric, 1),
         round(count(*) / greatest(extract(epoch FROM max(sealed_at) - min(sealed_at)), 0.001)::numeric)
  FROM (SELECT extract(epoch FROM l.sealed_at - e.time_stamp::timestamptz) * 1000 AS lag, l.sealed_at
        FROM event_store.audit_leaf l JOIN event_store.domain_event_entry e ON e.global_index = l.global_index
        WHERE e.global_index > $from_index) x" | tr '|' ' ')"

# 2. a million events at once (ClientDetailsUpdated of 100 clients of one agency, as the command side stores them,
#    metadata in clear), then: how fast the sealer takes them, and how fast PostgreSQL alone reads them
node -e '
  const f = JSON.parse(require("fs").readFileSync(process.argv[1])); const h = f.history; const per = Math.ceil(Number(process.argv[2]) / h.groups.new.length);
  const ids = h.groups.new.map(id => `(\x27${id}\x27)`).join(",");
  // in transactions of 50,000 events each (100 clients × 500), as an import would commit them
  for (let from = 1; from <= per; from += 500) { const to = Math.min(per, from + 499);
  console.log(`INSERT INTO event_store.domain_event_entry (event_identifier, meta_data, payload, payload_type, time_stamp,
      aggregate_identifier, sequence_number, type)
    SELECT gen_random_uuid()::text,
      convert_to(json_build_object(\x27agencyId\x27, \x27${h.agencyId}\x27, \x27correlationId\x27, \x27bench-\x27 || (s / 5),
        \x27clientIp\x27, \x27198.51.100.1\x27, \x27userAgent\x27, \x27bench\x27)::text, \x27UTF8\x27),
      convert_to(json_build_object(\x27clientId\x27, c.id, \x27agencyId\x27, \x27${h.agencyId}\x27, \x27name\x27, \x27History client\x27,
        \x27website\x27, null, \x27industry\x27, \x27Retail\x27, \x27contactEmail\x27, null, \x27notes\x27, \x27audit bench \x27 || s)::text, \x27UTF8\x27),
      \x27com.webprometrics.events.clients.ClientDetailsUpdated\x27,
      to_char(clock_timestamp() AT TIME ZONE \x27UTC\x27, \x27YYYY-MM-DD"T"HH24:MI:SS.US"Z"\x27), c.id, s, \x27Client\x27
    FROM (VALUES ${ids}) c(id), generate_series(${from}, ${to}) s;`); }' "$BENCH_DIR/fixture.json" "$EVENTS" >"$BENCH_DIR/million.sql"
# the sealer takes them as their transactions commit, beside the query side's processors reading them too
before_bulk="$(count "SELECT count(*) FROM event_store.domain_event_entry")"
bulk_start="$(now_ms)"
bench_psql -f "$BENCH_DIR/million.sql"
append_ms=$(( $(now_ms) - bulk_start ))
bulk=$(( $(count "SELECT count(*) FROM event_store.domain_event_entry") - before_bulk ))
tail_ms="$(wait_sealed)"
bulk_ms=$(( append_ms + tail_ms ))
total="$(count "SELECT count(*) FROM event_store.domain_event_entry")"
start="$(now_ms)"; bench_psql -c "\\copy (SELECT e.payload, e.meta_data FROM event_store.domain_event_entry e ORDER BY global_index) TO '/dev/null'"; pg_ms=$(( $(now_ms) - start ))

# the query side projects them too; the searches below need its audit read model caught up
head="$(count "SELECT max(global_index) FROM event_store.domain_event_entry")"
for _ in $(seq 1 600); do "${SETUP[@]}" ryw "$BENCH_DIR" "$BASE" "$head" >/dev/null 2>&1 && break; done
# and a checkpoint covering them (taken every 30 s)
until [[ "$(count "SELECT count(*) FROM event_store.audit_log_leaf WHERE agency_id = '$AGENCY' AND agency_size >= (SELECT size FROM event_store.audit_agency WHERE agency_id = '$AGENCY')")" != 0 ]]; do sleep 1; done
bench_psql -c "VACUUM (ANALYZE)"

TOKEN="$(head -1 "$BENCH_DIR/h600.txt" | cut -d' ' -f1)"
agency_events="$(count "SELECT size FROM event_store.audit_agency WHERE agency_id = '$AGENCY'")"

# 3. verify, export, offline verifier
curl_ms() { curl -s -o "$2" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$1" | awk '{printf "%.0f", $1 * 1000}'; }
verify_ms="$(curl_ms "$BASE/api/audit/verify" "$BENCH_DIR/verify.json")"
verified="$(node -e 'const v = JSON.parse(require("fs").readFileSync(process.argv[1])); if (!v.ok) { console.error(JSON.stringify(v)); process.exit(1) } console.log(v.eventsChecked)' "$BENCH_DIR/verify.json")"
export_ms="$(curl_ms "$BASE/api/audit/export" "$BENCH_DIR/export.ndjson")"
export_mb="$(du -m "$BENCH_DIR/export.ndjson" | cut -f1)"
exported="$(( $(wc -l <"$BENCH_DIR/export.ndjson") - 3 ))"
curl -s "$BASE/api/audit/checkpoint-key" >"$BENCH_DIR/key.json"
# as auditors run it: ./wpm audit verify (the serial collector; G1's barriers and threads made the same run 1.4× slower)
start="$(now_ms)"; ./wpm audit verify "$BENCH_DIR/export.ndjson" --key "$BENCH_DIR/key.json" >"$BENCH_DIR/offline.txt"; offline_ms=$(( $(now_ms) - start ))

# 4. search p99 with a million events in the store: the filters an auditor uses, rotated, 8 connections, gateway
CLIENT="$(head -1 "$BENCH_DIR/new.txt" | cut -d' ' -f2)"
USER_ID="$(count "SELECT actor_id FROM query.audit_events WHERE agency_id = '$AGENCY' AND actor_id IS NOT NULL LIMIT 1")"
DAY_START="$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)"; DAY_END="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
cat >"$BENCH_DIR/queries.txt" <<QUERIES
/api/audit/events
/api/audit/events?aggregateType=client&aggregateId=$CLIENT
/api/audit/events?eventType=ClientDetailsUpdated&limit=100
/api/audit/events?correlationId=bench-100000
/api/audit/events?actor=$USER_ID
/api/audit/events?from=$DAY_START&to=$DAY_END&limit=20
/api/audit/events?aggregateType=user
/api/audit/events?eventType=ClientCreated
QUERIES
BENCH_TOKEN="$TOKEN" BENCH_QUERIES="$BENCH_DIR/queries.txt" wrk -t2 -c8 -d5s -s ops/bench/audit-search.lua "$BASE" >/dev/null
BENCH_TOKEN="$TOKEN" BENCH_QUERIES="$BENCH_DIR/queries.txt" wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" --latency -s ops/bench/audit-search.lua "$BASE" >"$BENCH_DIR/search.txt"
wrk_line() { echo "$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$1") $(awk '/^ +50%/ {print $2}' "$1") $(awk '/^ +99%/ {print $2}' "$1") $(awk '/Non-2xx/ {print $NF}' "$1" | grep . || echo 0)"; }
read -r s_rate s_p50 s_p99 s_errors <<<"$(wrk_line "$BENCH_DIR/search.txt")"
# one auditor at a time: the latency of a search itself, without 8 requests queueing for 2 cores
BENCH_TOKEN="$TOKEN" BENCH_QUERIES="$BENCH_DIR/queries.txt" wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency -s ops/bench/audit-search.lua "$BASE" >"$BENCH_DIR/search1.txt"
read -r s1_rate s1_p50 s1_p99 s1_errors <<<"$(wrk_line "$BENCH_DIR/search1.txt")"

rate() { node -e 'console.log(Math.round(Number(process.argv[1]) / Math.max(Number(process.argv[2]), 1) * 1000).toLocaleString("en-US"))' "$1" "$2"; }
write_section audit "$(machine_line)

| measurement | result |
|---|---|
| commands beside the sealer (PATCH client, 32 connections, direct, ${SECONDS_PER_RUN} s) | **${cmd_rate}/s**, p99 ${cmd_p99} |
| their events sealed | ${sealed} at ${rate}/s; lag from the event's time to its seal p50 **${lag50} ms**, p99 **${lag99} ms**, max ${lagmax} ms; the last sealed ${after_load} ms after the load stopped |
| ${bulk} events appended at once (20 transactions, \`psql -f\`, ${append_ms} ms), sealed as they committed | all sealed ${bulk_ms} ms after the first append, ${tail_ms} ms after the last commit: **$(rate "$bulk" "$bulk_ms") events/s**, while the query side's processors read them too |
| PostgreSQL alone reading the store's ${total} events (payload and metadata, \`\\\\copy\` to /dev/null) | ${pg_ms} ms: **$(rate "$total" "$pg_ms") events/s** |
| \`GET /api/audit/verify\`, agency of ${agency_events} events | ${verify_ms} ms: **$(rate "$verified" "$verify_ms") events/s** |
| \`GET /api/audit/export\` (${export_mb} MB) | ${export_ms} ms: **$(rate "$exported" "$export_ms") events/s** |
| offline verifier (\`./wpm audit verify FILE --key KEY\`, JVM start included, the export above) | ${offline_ms} ms: **$(rate "$exported" "$offline_ms") events/s** — $(grep -v "^note:" "$BENCH_DIR/offline.txt" | head -1 | cut -c1-60) |
| audit search, ${total} events in the store, 8 filters rotated via the gateway, ${SECONDS_PER_RUN} s, 1 connection | ${s1_rate} req/s, p50 ${s1_p50}, **p99 ${s1_p99}**, non-2xx ${s1_errors} |
| the same, 8 connections | ${s_rate} req/s, p50 ${s_p50}, **p99 ${s_p99}**, non-2xx ${s_errors} |"
