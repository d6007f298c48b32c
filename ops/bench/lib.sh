# Shared by the scripts in ops/bench: a private stack on ports 18080-18082 with a fresh database, wrk and
# pgbench runners, and writing a marked section of docs/benchmarks.md. Source it; it cds to the repo root.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SECONDS_PER_RUN="${BENCH_SECONDS:-15}"
CONNECTIONS="${BENCH_CONNECTIONS:-50}"
THREADS="${BENCH_THREADS:-2}"
BASE=http://localhost:18080
# a script that needs fewer tools sets BENCH_TOOLS before sourcing this file
for tool in ${BENCH_TOOLS:-wrk pgbench node java}; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install wrk postgresql-client)" >&2; exit 1; }
done

# Starts the stack: signed-in rate budget lifted so wrk measures the service and not 429s.
start_bench_stack() {
  BENCH_DIR="$(mktemp -d /tmp/wpm-bench.XXXXXX)"
  export WPM_DATA_DIR="$BENCH_DIR" WPM_GATEWAY_PORT=18080 WPM_COMMAND_PORT=18081 WPM_QUERY_PORT=18082
  export WPM_DATABASE_NAME="wpm_bench_$(date +%s)"
  export WPM_RATE_LIMIT_USER_CAPACITY=1000000000 WPM_RATE_LIMIT_AUTH_IP_CAPACITY=1000 WPM_DEFAULT_CLIENT_LIMIT="${WPM_DEFAULT_CLIENT_LIMIT:-100}"
  trap stop_bench_stack EXIT
  ./wpm up --detach >"$BENCH_DIR/up.log" 2>&1 || { cat "$BENCH_DIR/up.log"; exit 1; }
  # shellcheck disable=SC1091
  source "$BENCH_DIR/db.env"
  DB_HOSTPORT="$(sed -E 's#jdbc:postgresql://([^/]+)/.*#\1#' <<<"$WPM_DATABASE_URL")"
}

stop_bench_stack() {
  if [[ -n "${BENCH_KEEP_STACK:-}" ]]; then # for profiling: leave it running; ./wpm down with the same env stops it
    echo "bench: stack left running: WPM_DATA_DIR=$BENCH_DIR WPM_DATABASE_NAME=$WPM_DATABASE_NAME ports 18080-18082 (token in $BENCH_DIR/ids)" >&2
    return
  fi
  ./wpm down >/dev/null 2>&1 || true
  java -jar ops/local-postgres/target/local-postgres.jar drop-db "$WPM_DATABASE_NAME" --data-dir "$BENCH_DIR" >/dev/null 2>&1 || true
  rm -rf "$BENCH_DIR"
}

bench_psql() { # SQL on stdin or as $1, against the bench database
  PGPASSWORD="$WPM_DATABASE_PASSWORD" psql -qAt -h "${DB_HOSTPORT%:*}" -p "${DB_HOSTPORT#*:}" -U "$WPM_DATABASE_USER" \
    -d "$WPM_DATABASE_NAME" "$@"
}

# url [connections threads lua-script] → "req/s avg p50 p99 non2xx"; needs $TOKEN
run_wrk() {
  local conns="${2:-$CONNECTIONS}" threads="${3:-$THREADS}" script=()
  [[ -n "${4:-}" ]] && script=(-s "$4")
  wrk -t"$threads" -c"$conns" -d"${SECONDS_PER_RUN}s" --latency "${script[@]}" -H "Authorization: Bearer $TOKEN" "$1" \
    >"$BENCH_DIR/wrk.txt"
  echo "$(awk '/Requests\/sec/ {print $2}' "$BENCH_DIR/wrk.txt") $(awk '/^ +Latency/ {print $2; exit}' "$BENCH_DIR/wrk.txt")" \
    "$(awk '/^ +50%/ {print $2}' "$BENCH_DIR/wrk.txt") $(awk '/^ +99%/ {print $2}' "$BENCH_DIR/wrk.txt")" \
    "$(awk '/Non-2xx/ {print $NF}' "$BENCH_DIR/wrk.txt" | grep . || echo 0)"
}

warm_up() { # url seconds
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${2}s" -H "Authorization: Bearer $TOKEN" "$1" >/dev/null
}

# sqlfile → "tps latency-average"
run_pgbench() {
  PGPASSWORD="$WPM_DATABASE_PASSWORD" pgbench -n -h "${DB_HOSTPORT%:*}" -p "${DB_HOSTPORT#*:}" -U "$WPM_DATABASE_USER" \
    -c "$CONNECTIONS" -j "$THREADS" -T "$SECONDS_PER_RUN" -f "$1" "$WPM_DATABASE_NAME" >"$BENCH_DIR/pgbench.txt" 2>&1
  echo "$(awk '/^tps/ {printf "%.0f", $3; exit}' "$BENCH_DIR/pgbench.txt") $(awk '/latency average/ {print $4 " " $5; exit}' "$BENCH_DIR/pgbench.txt")"
}

machine_line() {
  local commit; commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  git diff --quiet HEAD -- . ':!docs' 2>/dev/null || commit+=" with uncommitted changes"
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit $commit on $(nproc) cores, Java $(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')."
}

# name content: replaces <!-- name:start --> … <!-- name:end --> in docs/benchmarks.md (appends the first time)
write_section() {
  local doc=docs/benchmarks.md
  [[ -f "$doc" ]] || printf '# Benchmarks\n' >"$doc"
  node -e '
    const fs = require("fs"); const [doc, name, body] = process.argv.slice(1);
    const section = `<!-- ${name}:start -->\n${body}\n<!-- ${name}:end -->`;
    let text = fs.readFileSync(doc, "utf8");
    const re = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
    text = re.test(text) ? text.replace(re, section) : text.trimEnd() + "\n\n" + section + "\n";
    fs.writeFileSync(doc, text);' "$doc" "$1" "$2"
  echo "$2"
}
