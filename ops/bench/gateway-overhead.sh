#!/usr/bin/env bash
# Gateway overhead: the same authenticated GET /api/clients measured with wrk directly against
# query-side and through api-gateway, next to a pgbench baseline of the SQL behind it, all in one run.
# Starts its own stack (ports 18080-18082, a fresh database, signed-in rate budget lifted so wrk
# measures the proxy and not 429s), writes the results to docs/benchmarks.md and stops everything.
# Loopback only; bounded by BENCH_SECONDS per measurement.
#
#   ops/bench/gateway-overhead.sh            # 15 s per run, 50 connections, 2 threads
#   BENCH_SECONDS=30 BENCH_CONNECTIONS=100 ops/bench/gateway-overhead.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SECONDS_PER_RUN="${BENCH_SECONDS:-15}"
CONNECTIONS="${BENCH_CONNECTIONS:-50}"
THREADS="${BENCH_THREADS:-2}"
for tool in wrk pgbench node java; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install wrk postgresql-client)" >&2; exit 1; }
done

BENCH_DIR="$(mktemp -d /tmp/wpm-bench.XXXXXX)"
export WPM_DATA_DIR="$BENCH_DIR" WPM_GATEWAY_PORT=18080 WPM_COMMAND_PORT=18081 WPM_QUERY_PORT=18082
export WPM_DATABASE_NAME="wpm_bench_$(date +%s)"
export WPM_RATE_LIMIT_USER_CAPACITY=1000000000 WPM_RATE_LIMIT_AUTH_IP_CAPACITY=1000 WPM_DEFAULT_CLIENT_LIMIT=100
cleanup() {
  ./wpm down >/dev/null 2>&1 || true
  java -jar ops/local-postgres/target/local-postgres.jar drop-db "$WPM_DATABASE_NAME" --data-dir "$BENCH_DIR" >/dev/null 2>&1 || true
  rm -rf "$BENCH_DIR"
}
trap cleanup EXIT

./wpm up --detach >"$BENCH_DIR/up.log" 2>&1 || { cat "$BENCH_DIR/up.log"; exit 1; }
# shellcheck disable=SC1091
source "$BENCH_DIR/db.env"

# One agency with 50 clients; the benchmarked request lists the first page of 20.
node - "$BENCH_DIR/token" <<'JS'
const [out] = process.argv.slice(2);
const base = 'http://localhost:18080';
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

run_wrk() { # url → "req/s avg p50 p99 errors"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $TOKEN" "$1" >"$BENCH_DIR/wrk.txt"
  local rps avg p50 p99 errors
  rps="$(awk '/Requests\/sec/ {print $2}' "$BENCH_DIR/wrk.txt")"
  avg="$(awk '/^ +Latency/ {print $2; exit}' "$BENCH_DIR/wrk.txt")"
  p50="$(awk '/^ +50%/ {print $2}' "$BENCH_DIR/wrk.txt")"
  p99="$(awk '/^ +99%/ {print $2}' "$BENCH_DIR/wrk.txt")"
  errors="$(awk '/Non-2xx/ {print $NF}' "$BENCH_DIR/wrk.txt")"
  echo "$rps $avg $p50 $p99 ${errors:-0}"
}

# Warm up before measuring. On 2 cores the JIT shares the CPU with the load: the gateway needs about three
# minutes of full load before C2 has compiled its request path (after 20 s it ran at a third of its final
# speed, after 60 s at half). Loading through the gateway warms the query side too.
WARMUP="${BENCH_WARMUP_SECONDS:-180}"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $TOKEN" http://localhost:18080/api/clients >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d30s -H "Authorization: Bearer $TOKEN" http://localhost:18082/api/clients >/dev/null

direct="$(run_wrk http://localhost:18082/api/clients)"
gateway="$(run_wrk http://localhost:18080/api/clients)"
single_direct="$(CONNECTIONS=1 THREADS=1 run_wrk http://localhost:18082/api/clients)"
single_gateway="$(CONNECTIONS=1 THREADS=1 run_wrk http://localhost:18080/api/clients)"

# pgbench: the two statements behind GET /api/clients (count + first page), same server, same concurrency.
cat >"$BENCH_DIR/list.sql" <<SQL
SELECT count(*) FROM query.clients_view WHERE agency_id = '$AGENCY';
SELECT * FROM query.clients_view WHERE agency_id = '$AGENCY' ORDER BY lower(name), client_id LIMIT 20 OFFSET 0;
SQL
DB_HOSTPORT="$(sed -E 's#jdbc:postgresql://([^/]+)/.*#\1#' <<<"$WPM_DATABASE_URL")"
PGPASSWORD="$WPM_DATABASE_PASSWORD" pgbench -n -h "${DB_HOSTPORT%:*}" -p "${DB_HOSTPORT#*:}" -U "$WPM_DATABASE_USER" \
  -c "$CONNECTIONS" -j "$THREADS" -T "$SECONDS_PER_RUN" -f "$BENCH_DIR/list.sql" "$WPM_DATABASE_NAME" >"$BENCH_DIR/pgbench.txt" 2>&1
pg_tps="$(awk '/^tps/ {print $3; exit}' "$BENCH_DIR/pgbench.txt")"
pg_lat="$(awk '/latency average/ {print $4 " " $5; exit}' "$BENCH_DIR/pgbench.txt")"

read -r d_rps d_avg d_p50 d_p99 d_err <<<"$direct"
read -r g_rps g_avg g_p50 g_p99 g_err <<<"$gateway"
read -r sd_rps sd_avg sd_p50 sd_p99 _ <<<"$single_direct"
read -r sg_rps sg_avg sg_p50 sg_p99 _ <<<"$single_gateway"

section="$(cat <<MD
<!-- gateway-overhead:start -->
## Gateway overhead — \`ops/bench/gateway-overhead.sh\`

Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, Java $(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p').
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
| through api-gateway, 1 connection | ${sg_rps} | ${sg_avg} | ${sg_p50} | ${sg_p99} | |
<!-- gateway-overhead:end -->
MD
)"
DOC=docs/benchmarks.md
[[ -f "$DOC" ]] || printf '# Benchmarks\n\nEvery number here comes from a script in `ops/bench/`, run on this repository'"'"'s machine; rerun it to refresh its section.\n' >"$DOC"
node -e '
  const fs = require("fs"); const [doc, section] = process.argv.slice(1);
  let text = fs.readFileSync(doc, "utf8");
  const re = /<!-- gateway-overhead:start -->[\s\S]*<!-- gateway-overhead:end -->/;
  text = re.test(text) ? text.replace(re, section) : text.trimEnd() + "\n\n" + section + "\n";
  fs.writeFileSync(doc, text);' "$DOC" "$section"
echo "$section"
