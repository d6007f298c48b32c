#!/usr/bin/env bash
# Gateway overhead: the same authenticated query (GET /api/clients) and command (PATCH /api/clients/{id}) measured
# with wrk directly against the backend, through api-gateway, and through nginx `proxy_pass` (with upstream
# keepalive, the floor of what a proxy costs) in front of the same backend — all in one run, next to a pgbench
# baseline of the SQL behind the query. For each proxy: its CPU per request (from /proc) and the latency it adds per
# hop at one connection. Starts its own stack (see lib.sh) and a private nginx, writes its section of
# docs/benchmarks.md and stops everything. Loopback only; bounded by BENCH_SECONDS per measurement.
#
#   ops/bench/gateway-overhead.sh            # 15 s per run, 50 connections, 2 threads, 180 s warm-up
#   BENCH_SECONDS=30 BENCH_CONNECTIONS=100 ops/bench/gateway-overhead.sh
BENCH_TOOLS="wrk pgbench node java nginx"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
start_bench_stack

# One agency with 50 clients; the query lists the first page of 20, the command changes one client's notes.
node - "$BENCH_DIR/token" "$BASE" <<'JS'
const [out, base] = process.argv.slice(2);
const json = { 'Content-Type': 'application/json' };
(async () => {
  const signup = await (await fetch(base + '/api/auth/signup', { method: 'POST', headers: json, body: JSON.stringify({
    agencyName: 'Bench Agency', name: 'Bench', email: `bench-${Date.now()}@bench.test`, password: 'benchmark passphrase' }) })).json();
  const auth = { ...json, Authorization: 'Bearer ' + signup.accessToken };
  let position = 0, first = null;
  for (let i = 0; i < 50; i++) {
    const r = await (await fetch(base + '/api/clients', { method: 'POST', headers: auth,
      body: JSON.stringify({ name: `Client ${String(i).padStart(2, '0')}`, industry: 'Retail' }) })).json();
    position = r.position;
    first = first || r.id;
  }
  const page = await fetch(base + '/api/clients', { headers: { ...auth, 'X-Min-Position': String(position) } });
  if (page.status !== 200) throw new Error('warm-up query failed: ' + page.status);
  require('fs').writeFileSync(out, JSON.stringify({ token: signup.accessToken, agencyId: signup.agencyId, client: first }));
})().catch(e => { console.error(e); process.exit(1); });
JS
field() { node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1]))[process.argv[2]])' "$BENCH_DIR/token" "$1"; }
TOKEN="$(field token)"; AGENCY="$(field agencyId)"
echo "$TOKEN $(field client)" >"$BENCH_DIR/one-client.txt"

# nginx in front of each backend: 18091 → command-side, 18092 → query-side
mkdir -p "$BENCH_DIR/nginx/logs"
cat >"$BENCH_DIR/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $BENCH_DIR/nginx/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    upstream command { server 127.0.0.1:18081; keepalive 64; }
    upstream query { server 127.0.0.1:18082; keepalive 64; }
    server {
        listen 127.0.0.1:18091;
        location / { proxy_pass http://command; proxy_http_version 1.1; proxy_set_header Connection ""; }
    }
    server {
        listen 127.0.0.1:18092;
        location / { proxy_pass http://query; proxy_http_version 1.1; proxy_set_header Connection ""; }
    }
}
NGINX
nginx -p "$BENCH_DIR/nginx" -e "$BENCH_DIR/nginx/logs/error.log" -c "$BENCH_DIR/nginx/nginx.conf"
trap 'nginx -p "$BENCH_DIR/nginx" -e "$BENCH_DIR/nginx/logs/error.log" -c "$BENCH_DIR/nginx/nginx.conf" -s stop 2>/dev/null; stop_bench_stack' EXIT

proc_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
nginx_ticks() { local t=0 p; for p in $(pgrep -f "nginx: (master|worker)"); do t=$((t + $(proc_ticks "$p"))); done; echo "$t"; }
gateway_ticks() { proc_ticks "$(cat "$BENCH_DIR/run/api-gateway.pid")"; }
CLK_TCK="$(getconf CLK_TCK)"

# url conns kind(query|command) ticks-fn → "req/s p50 p99 errors proxy-µs/request"
measure() {
  local before after requests script=()
  [[ "$3" == command ]] && script=(-s ops/bench/commands.lua)
  before="$([[ -n "${4:-}" ]] && "$4" || echo 0)"
  BENCH_MODE=update BENCH_CLIENTS="$BENCH_DIR/one-client.txt" wrk -t"$(( $2 < 2 ? 1 : THREADS ))" -c"$2" \
    -d"${SECONDS_PER_RUN}s" --latency "${script[@]}" -H "Authorization: Bearer $TOKEN" "$1" >"$BENCH_DIR/wrk.txt"
  after="$([[ -n "${4:-}" ]] && "$4" || echo 0)"
  requests="$(awk '/requests in/ {print $1}' "$BENCH_DIR/wrk.txt")"
  echo "$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$BENCH_DIR/wrk.txt")" \
    "$(awk '/^ +50%/ {print $2}' "$BENCH_DIR/wrk.txt") $(awk '/^ +99%/ {print $2}' "$BENCH_DIR/wrk.txt")" \
    "$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$BENCH_DIR/wrk.txt")" \
    "$([[ -n "${4:-}" ]] && echo $(( (after - before) * 1000000 / CLK_TCK / (requests > 0 ? requests : 1) )) || echo -)"
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
ms() { node -e 'const s = process.argv[1]; console.log((parseFloat(s) * (s.endsWith("us") ? 0.001 : s.endsWith("ms") ? 1 : 1000)).toFixed(2))' "$1"; }
added() { node -e 'console.log((process.argv[2] - process.argv[1]).toFixed(2))' "$(ms "$1")" "$(ms "$2")"; }

# Warm up before measuring. On 2 cores the JIT shares the CPU with the load: the gateway needs about three
# minutes of full load before C2 has compiled its request path (after 20 s it ran at a third of its final
# speed, after 60 s at half). Loading through the gateway warms the backends too.
WARMUP="${BENCH_WARMUP_SECONDS:-180}"
LATENCY_ROUNDS="${BENCH_LATENCY_ROUNDS:-5}"
LATENCY_SECONDS="${BENCH_LATENCY_SECONDS:-8}"
warm_up "$BASE/api/clients" "$((WARMUP / 2))"
BENCH_MODE=update BENCH_CLIENTS="$BENCH_DIR/one-client.txt" wrk -t2 -c"$CONNECTIONS" -d"$((WARMUP / 2))s" \
  -s ops/bench/commands.lua "$BASE" >/dev/null
warm_up http://localhost:18092/api/clients 15

rows=""
for kind in query command; do
  if [[ "$kind" == query ]]; then path=/api/clients; direct=18082; nginx_port=18092
  else path=""; direct=18081; nginx_port=18091; fi
  read -r d_rps d_p50 d_p99 d_err _ <<<"$(measure "http://localhost:$direct$path" "$CONNECTIONS" "$kind")"
  read -r g_rps g_p50 g_p99 g_err g_cpu <<<"$(measure "$BASE$path" "$CONNECTIONS" "$kind" gateway_ticks)"
  read -r n_rps n_p50 n_p99 n_err n_cpu <<<"$(measure "http://localhost:$nginx_port$path" "$CONNECTIONS" "$kind" nginx_ticks)"
  # one connection: the three paths in turn, LATENCY_ROUNDS times, the median p50 of each (single runs on a shared
  # 2-core box vary by ±0.3 ms)
  d1=(); g1=(); n1=()
  for _ in $(seq 1 "$LATENCY_ROUNDS"); do
    read -r _ p50 _ _ _ <<<"$(SECONDS_PER_RUN=$LATENCY_SECONDS measure "http://localhost:$direct$path" 1 "$kind")"; d1+=("$(ms "$p50")")
    read -r _ p50 _ _ _ <<<"$(SECONDS_PER_RUN=$LATENCY_SECONDS measure "$BASE$path" 1 "$kind")"; g1+=("$(ms "$p50")")
    read -r _ p50 _ _ _ <<<"$(SECONDS_PER_RUN=$LATENCY_SECONDS measure "http://localhost:$nginx_port$path" 1 "$kind")"; n1+=("$(ms "$p50")")
  done
  d1_p50="$(median "${d1[@]}")ms"; g1_p50="$(median "${g1[@]}")ms"; n1_p50="$(median "${n1[@]}")ms"
  rows+="| $kind | direct | **$d_rps** | $d_p50 | $d_p99 | $d_err | | $d1_p50 | |"$'\n'
  rows+="| $kind | api-gateway | **$g_rps** ($((g_rps * 100 / (d_rps > 0 ? d_rps : 1)))%) | $g_p50 | $g_p99 | $g_err | $g_cpu | $g1_p50 | +$(added "$d1_p50" "$g1_p50") ms |"$'\n'
  rows+="| $kind | nginx proxy_pass | **$n_rps** ($((n_rps * 100 / (d_rps > 0 ? d_rps : 1)))%) | $n_p50 | $n_p99 | $n_err | $n_cpu | $n1_p50 | +$(added "$d1_p50" "$n1_p50") ms |"$'\n'
done

# pgbench: the two statements behind GET /api/clients (count + first page), same server, same concurrency.
cat >"$BENCH_DIR/list.sql" <<SQL
SELECT count(*) FROM query.clients_view WHERE agency_id = '$AGENCY';
SELECT * FROM query.clients_view WHERE agency_id = '$AGENCY' ORDER BY lower(name), client_id LIMIT 20 OFFSET 0;
SQL
read -r pg_tps pg_lat <<<"$(run_pgbench "$BENCH_DIR/list.sql")"

write_section gateway-overhead "## Gateway overhead — \`ops/bench/gateway-overhead.sh\`

$(machine_line)
Query: \`GET /api/clients\` (first page of 20 of an agency's 50 clients); command: \`PATCH /api/clients/{id}\` (a new
note each time, one client). Bearer JWT validated on every hop. wrk ${THREADS} threads × ${CONNECTIONS} connections ×
${SECONDS_PER_RUN} s after ${WARMUP} s of warm-up load through the gateway; the added latency from 1 connection, the
three paths in turn ${LATENCY_ROUNDS} times × ${LATENCY_SECONDS} s, median p50.
nginx 1.22 \`proxy_pass\` with upstream keepalive (one worker) stands in front of the same backend in the same run:
the floor of what a proxy hop costs. All processes (PostgreSQL, three JVMs, nginx, wrk) share the same $(nproc) cores, so
a proxy's CPU comes out of the backend's budget: CPU per request and the latency added per hop are the figures to
compare.

| request | path | req/s (${CONNECTIONS} conn.) | p50 | p99 | non-2xx | proxy CPU µs/request | p50 at 1 conn. | added per hop |
|---|---|---|---|---|---|---|---|---|
${rows}
PostgreSQL alone, the 2 statements behind the query (pgbench, ${CONNECTIONS} clients): ${pg_tps} tps (${pg_lat})."
