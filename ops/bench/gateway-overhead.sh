#!/usr/bin/env bash
# Gateway overhead: the same authenticated GET /api/clients measured with wrk directly against
# query-side and through api-gateway, next to a pgbench baseline of the SQL behind it, all in one run.
# Starts its own stack (see lib.sh), writes its section of docs/benchmarks.md and stops everything.
# Loopback only; bounded by BENCH_SECONDS per measurement.
#
#   ops/bench/gateway-overhead.sh            # 15 s per run, 50 connections, 2 threads
#   BENCH_SECONDS=30 BENCH_CONNECTIONS=100 ops/bench/gateway-overhead.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
start_bench_stack

# One agency with 50 clients; the benchmarked request lists the first page of 20.
node - "$BENCH_DIR/token" "$BASE" <<'JS'
const [out, base] = process.argv.slice(2);
const json = { 'Content-Type': 'application/json' };
(async () => {
  const signup = await (await fetch(base + '/api/auth/signup', { method: 'POST', headers: json, body: JSON.stringify({
    agencyName: 'Bench Agency', name: 'Bench', email: `bench-${Date.now()}@bench.test`, password: 'benchmark passphrase' }) })).json();
  const auth = { ...json, Authorization: 'Bearer ' + signup.accessToken };
  let position = 0;
  for (let i = 0; i < 50; i++) {
    const r = await (await fetch(base + '/api/clients', { method: 'POST', headers: auth,
      body: JSON.stringify({ name: `Client ${String(i).padStart(2, '0')}`, industry: 'Retail' }) })).json();
    position = r.position;
  }
  const page = await fetch(base + '/api/clients', { headers: { ...auth, 'X-Min-Position': String(position) } });
  if (page.status !== 200) throw new Error('warm-up query failed: ' + page.status);
  require('fs').writeFileSync(out, JSON.stringify({ token: signup.accessToken, agencyId: signup.agencyId }));
})().catch(e => { console.error(e); process.exit(1); });
JS
TOKEN="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).token)' "$BENCH_DIR/token")"
AGENCY="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).agencyId)' "$BENCH_DIR/token")"

# Warm up before measuring. On 2 cores the JIT shares the CPU with the load: the gateway needs about three
# minutes of full load before C2 has compiled its request path (after 20 s it ran at a third of its final
# speed, after 60 s at half). Loading through the gateway warms the query side too.
WARMUP="${BENCH_WARMUP_SECONDS:-180}"
warm_up "$BASE/api/clients" "$WARMUP"
warm_up http://localhost:18082/api/clients 30

read -r d_rps d_avg d_p50 d_p99 d_err <<<"$(run_wrk http://localhost:18082/api/clients)"
read -r g_rps g_avg g_p50 g_p99 g_err <<<"$(run_wrk "$BASE/api/clients")"
read -r sd_rps sd_avg sd_p50 sd_p99 _ <<<"$(run_wrk http://localhost:18082/api/clients 1 1)"
read -r sg_rps sg_avg sg_p50 sg_p99 _ <<<"$(run_wrk "$BASE/api/clients" 1 1)"

# pgbench: the two statements behind GET /api/clients (count + first page), same server, same concurrency.
cat >"$BENCH_DIR/list.sql" <<SQL
SELECT count(*) FROM query.clients_view WHERE agency_id = '$AGENCY';
SELECT * FROM query.clients_view WHERE agency_id = '$AGENCY' ORDER BY lower(name), client_id LIMIT 20 OFFSET 0;
SQL
read -r pg_tps pg_lat <<<"$(run_pgbench "$BENCH_DIR/list.sql")"

write_section gateway-overhead "## Gateway overhead — \`ops/bench/gateway-overhead.sh\`

$(machine_line)
Request: \`GET /api/clients\` (first page of 20 of an agency's 50 clients, bearer JWT validated on every hop),
wrk ${THREADS} threads × ${CONNECTIONS} connections × ${SECONDS_PER_RUN} s, after ${WARMUP} s of warm-up load through the gateway.
All processes (PostgreSQL, three JVMs, wrk) share the same $(nproc) cores, so the gateway's CPU comes out of the
backend's budget: compare the latency added per hop at one connection as well as throughput.

| path | req/s | avg | p50 | p99 | non-2xx |
|---|---|---|---|---|---|
| PostgreSQL alone: the 2 statements behind the query (pgbench, ${CONNECTIONS} clients) | ${pg_tps} | ${pg_lat} | | | |
| direct to query-side, ${CONNECTIONS} connections | ${d_rps} | ${d_avg} | ${d_p50} | ${d_p99} | ${d_err} |
| through api-gateway, ${CONNECTIONS} connections | ${g_rps} | ${g_avg} | ${g_p50} | ${g_p99} | ${g_err} |
| direct to query-side, 1 connection | ${sd_rps} | ${sd_avg} | ${sd_p50} | ${sd_p99} | |
| through api-gateway, 1 connection | ${sg_rps} | ${sg_avg} | ${sg_p50} | ${sg_p99} | |"
