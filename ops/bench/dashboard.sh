#!/usr/bin/env bash
# Dashboard latency through the gateway for a client with 2 years × 5 integrations × 20 metrics of daily data,
# and the CSV import rate that puts the data there, next to pgbench of the dashboard's main read on the same
# server in the same run. The data goes the way a user's would: five CSV integrations, each sent one long-format
# file (date,metric,value) of 730 days × 20 metrics = 14,600 lines through the gateway; the events they record
# are projected into query.metrics_daily by the normal processor.
#
# "50 concurrent users" is measured two ways: 50 users who each wait a random 0.5–1.5 s between dashboard loads
# (wrk with think time, the issue's target: p99 < 25 ms), and 50 connections sending back to back (saturation).
# Starts its own stack (see lib.sh), writes its section of docs/benchmarks.md and stops everything.
#
#   ops/bench/dashboard.sh                    # 15 s per run (30 s for the think-time run), 90 s warm-up
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
start_bench_stack

node - "$BENCH_DIR/ids" "$BASE" <<'JS'
const [out, base] = process.argv.slice(2);
const json = { 'Content-Type': 'application/json' };
const call = async (path, body, token) => {
  const r = await fetch(base + path, { method: 'POST', headers: token ? { ...json, Authorization: 'Bearer ' + token } : json,
    body: JSON.stringify(body) });
  if (r.status >= 300) throw new Error(path + ' answered ' + r.status + ' ' + await r.text());
  return r.json();
};
const METRICS = ['sessions', 'users', 'new_users', 'engaged_sessions', 'page_views', 'engagement_seconds', 'conversions',
  'revenue', 'transactions', 'add_to_carts', 'leads', 'calls', 'impressions', 'clicks', 'link_clicks', 'video_views',
  'cost', 'organic_impressions', 'organic_clicks', 'position_x_impressions'];
const MONEY = new Set(['revenue', 'cost', 'engagement_seconds', 'position_x_impressions']);
function csv(seed) {
  const lines = ['date,metric,value'];
  const end = new Date(); end.setUTCHours(0, 0, 0, 0);
  for (let d = 730; d >= 1; d--) {
    const day = new Date(end.getTime() - d * 86400000);
    const date = day.toISOString().slice(0, 10);
    const wave = 1 + 0.2 * Math.sin((day.getTime() / 86400000 + seed) / 9);
    METRICS.forEach((m, i) => {
      const v = (100 + 37 * i + seed * 11) * wave * (day.getUTCDay() % 6 === 0 ? 0.7 : 1);
      lines.push(`${date},${m},${MONEY.has(m) ? v.toFixed(2) : Math.round(v)}`);
    });
  }
  return lines.join('\n') + '\n';
}
(async () => {
  const signup = await call('/api/auth/signup', { agencyName: 'Bench Agency', name: 'Bench',
    email: `bench-${Date.now()}@bench.test`, password: 'benchmark passphrase' });
  const token = signup.accessToken;
  const client = await call('/api/clients', { name: 'Big Client' }, token);
  const files = [];
  const integrations = [];
  for (let i = 0; i < 5; i++) {
    integrations.push((await call(`/api/clients/${client.id}/integrations`, { provider: 'csv', accountName: 'feed ' + i },
      token)).id);
    files.push(csv(i));
  }
  let rows = 0, millis = 0, position = 0;
  for (let i = 0; i < 5; i++) {
    const form = new FormData();
    form.append('file', new Blob([files[i]], { type: 'text/csv' }), `feed-${i}.csv`);
    const started = performance.now();
    const r = await fetch(`${base}/api/integrations/${integrations[i]}/import`, { method: 'POST',
      headers: { Authorization: 'Bearer ' + token }, body: form });
    millis += performance.now() - started;
    const body = await r.json();
    if (r.status !== 200 || body.rowsRejected !== 0) throw new Error('import answered ' + r.status + ' ' + JSON.stringify(body));
    rows += body.rowsAccepted;
    position = Math.max(position, body.position);
  }
  require('fs').writeFileSync(out, JSON.stringify({ token, agencyId: signup.agencyId, clientId: client.id,
    importRows: rows, importMillis: Math.round(millis), position }));
})().catch(e => { console.error(e); process.exit(1); });
JS
field() { node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1]))[process.argv[2]])' "$BENCH_DIR/ids" "$1"; }
TOKEN="$(field token)"; CLIENT="$(field clientId)"; AGENCY="$(field agencyId)"
IMPORT_ROWS="$(field importRows)"; IMPORT_MS="$(field importMillis)"; POSITION="$(field position)"
IMPORT_RATE=$(( IMPORT_ROWS * 1000 / IMPORT_MS ))

TO="$(date -u -d yesterday +%F)"
FROM_30="$(date -u -d '30 days ago' +%F)"; FROM_365="$(date -u -d '365 days ago' +%F)"
URL_30="$BASE/api/clients/$CLIENT/dashboard?from=$FROM_30&to=$TO&compare=previous"
URL_365="$BASE/api/clients/$CLIENT/dashboard?from=$FROM_365&to=$TO&compare=previous"
# wait (bounded) until the metrics projection has every imported day
status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H "X-Min-Position: $POSITION" "$URL_30")"
for _ in $(seq 1 20); do [[ "$status" == 200 ]] && break; sleep 1
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H "X-Min-Position: $POSITION" "$URL_30")"; done
[[ "$status" == 200 ]] || { echo "dashboard answered $status" >&2; exit 1; }
ROWS="$(bench_psql -c "SELECT count(*) FROM query.metrics_daily WHERE client_id = '$CLIENT'")"
bench_psql -c "VACUUM ANALYZE query.metrics_daily" >/dev/null

cat >"$BENCH_DIR/think.lua" <<'LUA'
-- each connection is a user who waits 0.5–1.5 s between dashboard loads
math.randomseed(os.time())
function delay() return math.random(500, 1500) end
LUA

WARMUP="${BENCH_WARMUP_SECONDS:-90}"
warm_up "$URL_30" "$WARMUP"
warm_up "$URL_365" 15
# light loads first, each after a pause: the JIT's and the collector's work left over from saturating load would
# otherwise land in the next run's tail (measured: p99 ×2–3 right after the warm-up)
settle() { sleep "${BENCH_SETTLE_SECONDS:-15}"; }
THINK_SECONDS=$(( SECONDS_PER_RUN * 2 ))
settle; read -r t_rps t_avg t_p50 t_p99 t_err <<<"$(SECONDS_PER_RUN=$THINK_SECONDS run_wrk "$URL_30" "$CONNECTIONS" "$THREADS" "$BENCH_DIR/think.lua")"
settle; read -r u_rps u_avg u_p50 u_p99 u_err <<<"$(SECONDS_PER_RUN=$THINK_SECONDS run_wrk "$URL_365" "$CONNECTIONS" "$THREADS" "$BENCH_DIR/think.lua")"
settle; read -r c_rps c_avg c_p50 c_p99 _ <<<"$(run_wrk "$URL_30" 1 1)"
read -r a_rps a_avg a_p50 a_p99 a_err <<<"$(run_wrk "$URL_30")"
read -r b_rps b_avg b_p50 b_p99 b_err <<<"$(run_wrk "$URL_365")"

# PostgreSQL alone: the dashboard's main statement (DashboardQueries.sums: per-day and per-provider sums of the
# range and its previous period in one GROUPING SETS query), without the services, JSON or HTTP around it
SUMS_SQL="$(bench_psql -c "SELECT string_agg('sum(' || column_name || ')', ', ' ORDER BY ordinal_position)
  FROM information_schema.columns WHERE table_schema = 'query' AND table_name = 'metrics_daily' AND ordinal_position > 7")"
sums_sql() { # from → SQL of the dashboard read for from..$TO with its previous period
  cat <<SQL
SELECT grouping(date), date, provider, current, array_agg(DISTINCT currency) FILTER (WHERE currency IS NOT NULL), $SUMS_SQL
  FROM (SELECT *, date >= date '$1' AS current FROM query.metrics_daily
         WHERE client_id = '$CLIENT' AND agency_id = '$AGENCY'
           AND date BETWEEN date '$1' - (date '$TO' - date '$1' + 1) AND '$TO') m
 GROUP BY GROUPING SETS ((date), (provider, current));
SQL
}
sums_sql "$FROM_30" >"$BENCH_DIR/sums30.sql"; sums_sql "$FROM_365" >"$BENCH_DIR/sums365.sql"
read -r pg_tps pg_lat <<<"$(run_pgbench "$BENCH_DIR/sums30.sql")"
read -r pg365_tps pg365_lat <<<"$(run_pgbench "$BENCH_DIR/sums365.sql")"

write_section dashboard "## Dashboard latency and CSV import — \`ops/bench/dashboard.sh\`

$(machine_line)
One client with 5 CSV integrations, each sent one long-format file of 730 days × 20 metrics (14,600 lines) through
the gateway: ${IMPORT_ROWS} CSV rows imported in ${IMPORT_MS} ms (**${IMPORT_RATE} rows/s**, parsing, validation, one
\`DailyMetricsRecorded\` per day and integration appended in the request). The metrics processor projected them into
${ROWS} rows of \`query.metrics_daily\` (one per integration and day, a column per metric).
\`GET /api/clients/{id}/dashboard?compare=previous\` through the gateway (KPIs for the range and the previous period,
daily series, per-provider breakdown, freshness), after ${WARMUP} s of warm-up load; the light loads run first, each
after a ${BENCH_SETTLE_SECONDS:-15} s pause.
Target from issue 3: p99 < 25 ms at 50 concurrent users.

| what | req/s | avg | p50 | p99 | non-2xx |
|---|---|---|---|---|---|
| PostgreSQL alone: the dashboard's sums statement, 30 days + previous 30 (pgbench, ${CONNECTIONS} clients, back to back) | ${pg_tps} | ${pg_lat} | | | |
| PostgreSQL alone: the same for 365 days + previous 365 | ${pg365_tps} | ${pg365_lat} | | | |
| **${CONNECTIONS} users, 0.5–1.5 s think time, last 30 days** | ${t_rps} | ${t_avg} | ${t_p50} | ${t_p99} | ${t_err} |
| ${CONNECTIONS} users, 0.5–1.5 s think time, last 365 days | ${u_rps} | ${u_avg} | ${u_p50} | ${u_p99} | ${u_err} |
| ${CONNECTIONS} connections back to back (saturation), last 30 days | ${a_rps} | ${a_avg} | ${a_p50} | ${a_p99} | ${a_err} |
| ${CONNECTIONS} connections back to back (saturation), last 365 days | ${b_rps} | ${b_avg} | ${b_p50} | ${b_p99} | ${b_err} |
| 1 connection, last 30 days | ${c_rps} | ${c_avg} | ${c_p50} | ${c_p99} | |"
