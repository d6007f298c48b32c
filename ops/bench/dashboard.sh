#!/usr/bin/env bash
# Dashboard latency through the gateway for a client with 2 years × 5 providers × 20 metrics of daily data
# (73,000 rows in query.metrics_daily) at 50 concurrent users, next to pgbench of the main aggregate on the
# same server in the same run. The five integrations are connected through the API; their two years of rows
# are written straight into the read model with generate_series (this measures reading, not syncing).
# Starts its own stack (see lib.sh), writes its section of docs/benchmarks.md and stops everything.
#
#   ops/bench/dashboard.sh                    # 15 s per run, 50 connections, 90 s warm-up
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
(async () => {
  const signup = await call('/api/auth/signup', { agencyName: 'Bench Agency', name: 'Bench',
    email: `bench-${Date.now()}@bench.test`, password: 'benchmark passphrase' });
  const client = await call('/api/clients', { name: 'Big Client' }, signup.accessToken);
  const integrations = [];
  for (let i = 0; i < 5; i++) {
    integrations.push((await call(`/api/clients/${client.id}/integrations`, { provider: 'csv', accountName: 'feed ' + i },
      signup.accessToken)).id);
  }
  require('fs').writeFileSync(out, JSON.stringify({ token: signup.accessToken, agencyId: signup.agencyId,
    clientId: client.id, integrations }));
})().catch(e => { console.error(e); process.exit(1); });
JS
field() { node -e 'const v = JSON.parse(require("fs").readFileSync(process.argv[1]))[process.argv[2]]; console.log(Array.isArray(v) ? v.join(" ") : v)' "$BENCH_DIR/ids" "$1"; }
TOKEN="$(field token)"; AGENCY="$(field agencyId)"; CLIENT="$(field clientId)"; read -r -a INTEGRATIONS <<<"$(field integrations)"

# wait until the integrations projection has the five rows, then fill two years of 20 metrics per integration
for _ in $(seq 1 100); do
  [[ "$(bench_psql -c "SELECT count(*) FROM query.integrations_view WHERE client_id = '$CLIENT'")" == 5 ]] && break
  sleep 0.2
done
PROVIDERS=(ga4 google-ads meta-ads search-console csv)
for i in "${!INTEGRATIONS[@]}"; do
  bench_psql <<SQL
UPDATE query.integrations_view SET provider = '${PROVIDERS[$i]}', last_sync_at = now(), last_success_at = now()
 WHERE integration_id = '${INTEGRATIONS[$i]}';
INSERT INTO query.metrics_daily (agency_id, client_id, integration_id, provider, date, metric, value, currency)
SELECT '$AGENCY', '$CLIENT', '${INTEGRATIONS[$i]}', '${PROVIDERS[$i]}', d::date, m,
       round((100 + 50 * sin(extract(doy FROM d) / 10.0) + random() * 20)::numeric * (1 + length(m)), 2), 'USD'
  FROM generate_series(current_date - 730, current_date - 1, interval '1 day') d,
       unnest(ARRAY['sessions','users','conversions','revenue','impressions','clicks','cost','new_users',
                    'page_views','engaged_sessions','bounces','video_views','reach','leads','calls',
                    'form_submissions','add_to_carts','checkouts','downloads','signups']) m;
SQL
done
bench_psql -c "ANALYZE query.metrics_daily" >/dev/null
ROWS="$(bench_psql -c "SELECT count(*) FROM query.metrics_daily WHERE client_id = '$CLIENT'")"

TO="$(date -u -d yesterday +%F)"
FROM_30="$(date -u -d '30 days ago' +%F)"; FROM_365="$(date -u -d '365 days ago' +%F)"
URL_30="$BASE/api/clients/$CLIENT/dashboard?from=$FROM_30&to=$TO&compare=previous"
URL_365="$BASE/api/clients/$CLIENT/dashboard?from=$FROM_365&to=$TO&compare=previous"
[[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$URL_30")" == 200 ]] || { echo "dashboard not answering 200" >&2; exit 1; }

WARMUP="${BENCH_WARMUP_SECONDS:-90}"
warm_up "$URL_30" "$WARMUP"
read -r a_rps a_avg a_p50 a_p99 a_err <<<"$(run_wrk "$URL_30")"
read -r b_rps b_avg b_p50 b_p99 b_err <<<"$(run_wrk "$URL_365")"
read -r c_rps c_avg c_p50 c_p99 _ <<<"$(run_wrk "$URL_30" 1 1)"

cat >"$BENCH_DIR/kpis.sql" <<SQL
SELECT metric, sum(value) FILTER (WHERE date BETWEEN '$FROM_30' AND '$TO'),
       sum(value) FILTER (WHERE date < '$FROM_30')
  FROM query.metrics_daily WHERE client_id = '$CLIENT' AND date BETWEEN date '$FROM_30' - 31 AND '$TO' GROUP BY metric;
SQL
read -r pg_tps pg_lat <<<"$(run_pgbench "$BENCH_DIR/kpis.sql")"

write_section dashboard "## Dashboard latency — \`ops/bench/dashboard.sh\`

$(machine_line)
One client with 5 integrations × 730 days × 20 metrics (${ROWS} rows in \`query.metrics_daily\`, written with
generate_series: this measures reading). \`GET /api/clients/{id}/dashboard\` through the gateway with
\`compare=previous\` (KPIs for the range and the previous period, daily series, per-provider breakdown, freshness:
four SQL statements), wrk ${THREADS} threads × ${CONNECTIONS} connections × ${SECONDS_PER_RUN} s after ${WARMUP} s of warm-up.
Target from issue 3: p99 < 25 ms at 50 concurrent users.

| what | req/s | avg | p50 | p99 | non-2xx |
|---|---|---|---|---|---|
| PostgreSQL alone: the KPI aggregate for 30 days + previous 30 (pgbench, ${CONNECTIONS} clients) | ${pg_tps} | ${pg_lat} | | | |
| dashboard, last 30 days, ${CONNECTIONS} connections | ${a_rps} | ${a_avg} | ${a_p50} | ${a_p99} | ${a_err} |
| dashboard, last 365 days, ${CONNECTIONS} connections | ${b_rps} | ${b_avg} | ${b_p50} | ${b_p99} | ${b_err} |
| dashboard, last 30 days, 1 connection | ${c_rps} | ${c_avg} | ${c_p50} | ${c_p99} | |"
