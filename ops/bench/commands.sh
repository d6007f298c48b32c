#!/usr/bin/env bash
# The command path: creates and updates of clients at 1, 8 and 32 connections, direct to command-side and through
# the gateway side by side, across 100 clients of 10 agencies; the same command on clients with 1 (new), 600 and
# 10,000 events, warm and right after a restart (cold: the snapshot and the events after it are read); how long a
# read with X-Min-Position waits right after the load; and, in the same run, PostgreSQL alone committing one
# event-shaped row per transaction (pgbench, 8 writers) and the cost of the append trigger's NOTIFY at 32 writers.
# CPU per command is read from /proc for each JVM and for the whole box (PostgreSQL and wrk included).
# Starts its own stack (see lib.sh), writes its section of docs/benchmarks.md and stops everything.
# Loopback only; bounded by BENCH_SECONDS per measurement (default 15) and BENCH_WARMUP_SECONDS (default 360).
#
#   ops/bench/commands.sh
#   BENCH_JFR_DIR=/tmp/jfr ops/bench/commands.sh   # then also records JFR of each JVM in extra 32-connection runs
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export WPM_DEFAULT_CLIENT_LIMIT=1000000 WPM_RATE_LIMIT_AUTH_ACCOUNT_CAPACITY=1000
start_bench_stack
DIRECT=http://localhost:18081
SETUP=(node ops/bench/commands-setup.mjs)
CLK_TCK="$(getconf CLK_TCK)"
WARMUP="${BENCH_WARMUP_SECONDS:-360}"

"${SETUP[@]}" setup "$BENCH_DIR" "$BASE" 10 10 20
"${SETUP[@]}" tokens "$BENCH_DIR" "$BASE"

# History without waiting for 10,000 commands: append ClientDetailsUpdated events behind the history clients'
# ClientCreated, as the command side would have (same payload, metadata and naming), in one statement per group.
history_sql() { # group events
  node -e '
    const f = JSON.parse(require("fs").readFileSync(process.argv[1])); const h = f.history;
    const ids = h.groups[process.argv[2]].map(id => `(${JSON.stringify(id).replace(/"/g, "\x27")})`).join(",");
    console.log(`INSERT INTO event_store.domain_event_entry (event_identifier, meta_data, payload, payload_type,
        time_stamp, aggregate_identifier, sequence_number, type)
      SELECT gen_random_uuid()::text,
        convert_to(json_build_object(\x27agencyId\x27, \x27${h.agencyId}\x27, \x27correlationId\x27, gen_random_uuid())::text, \x27UTF8\x27),
        convert_to(json_build_object(\x27clientId\x27, c.id, \x27agencyId\x27, \x27${h.agencyId}\x27, \x27name\x27, \x27History client\x27,
          \x27website\x27, null, \x27industry\x27, \x27Retail\x27, \x27contactEmail\x27, null, \x27notes\x27, \x27history \x27 || s)::text, \x27UTF8\x27),
        \x27com.webprometrics.events.clients.ClientDetailsUpdated\x27,
        to_char(now() AT TIME ZONE \x27UTC\x27, \x27YYYY-MM-DD"T"HH24:MI:SS.US"Z"\x27), c.id, s, \x27Client\x27
      FROM (VALUES ${ids}) c(id), generate_series(1, ${Number(process.argv[3]) - 1}) s;`);' "$BENCH_DIR/fixture.json" "$1" "$2"
}
history_sql h600 600 | bench_psql
history_sql h10k 10000 | bench_psql

head_position() { bench_psql -c "SELECT max(global_index) FROM event_store.domain_event_entry"; }
# until the read models have caught up with everything (the history above is ~210,000 events)
wait_read_models() {
  local head; head="$(head_position)"
  for _ in $(seq 1 200); do
    "${SETUP[@]}" ryw "$BENCH_DIR" "$BASE" "$head" >/dev/null 2>&1 && return 0
  done
  echo "bench: read models did not reach $head" >&2; exit 1
}
wait_read_models

jvm_pid() { cat "$BENCH_DIR/run/$1.pid"; }
proc_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
box_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
cpu_snapshot() { echo "$(proc_ticks "$(jvm_pid command-side)") $(proc_ticks "$(jvm_pid query-side)") $(proc_ticks "$(jvm_pid api-gateway)") $(box_ticks)"; }

jfr() { # start|stop label
  [[ -n "${BENCH_JFR_DIR:-}" ]] || return 0
  mkdir -p "$BENCH_JFR_DIR"
  for s in command-side query-side api-gateway; do
    if [[ "$1" == start ]]; then jcmd "$(jvm_pid "$s")" JFR.start name=bench settings=profile >/dev/null
    else jcmd "$(jvm_pid "$s")" JFR.stop name=bench filename="$BENCH_JFR_DIR/$2-$s.jfr" >/dev/null; fi
  done
}

# base conns mode clients-file → "req/s avg p50 p99 errors µs-command µs-query µs-gateway µs-box" (CPU per command)
run_commands() {
  local base="$1" conns="$2" mode="$3" file="$4" before after threads=$(( $2 < 2 ? 1 : 2 ))
  # every run starts with the read models caught up: a run right after a faster one would otherwise share the
  # cores with the query side projecting the previous run's events
  wait_read_models
  before="$(cpu_snapshot)"
  BENCH_MODE="$mode" BENCH_CLIENTS="$file" wrk -t"$threads" -c"$conns" -d"${SECONDS_PER_RUN}s" --latency \
    -s ops/bench/commands.lua "$base" >"$BENCH_DIR/wrk.txt"
  after="$(cpu_snapshot)"
  local requests errors
  requests="$(awk '/requests in/ {print $1}' "$BENCH_DIR/wrk.txt")"
  errors="$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$BENCH_DIR/wrk.txt")"
  echo "$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$BENCH_DIR/wrk.txt") $(awk '/^ +Latency/ {print $2; exit}' "$BENCH_DIR/wrk.txt")" \
    "$(awk '/^ +50%/ {print $2}' "$BENCH_DIR/wrk.txt") $(awk '/^ +99%/ {print $2}' "$BENCH_DIR/wrk.txt") $errors" \
    "$(node -e '
      const [b, a, n, tck] = [process.argv[1].split(" "), process.argv[2].split(" "), Number(process.argv[3]), Number(process.argv[4])];
      console.log(b.map((x, i) => Math.round((a[i] - x) / tck * 1e6 / Math.max(n, 1))).join(" "));' "$before" "$after" "$requests" "$CLK_TCK")"
}

# JIT first: on 2 cores C2 needs minutes of load before every request path is compiled (docs/benchmarks.md) — both
# commands, through the gateway and direct
warm() { BENCH_MODE="$1" BENCH_CLIENTS="$BENCH_DIR/all.txt" wrk -t2 -c32 -d"$3s" -s ops/bench/commands.lua "$2" >/dev/null; }
warm update "$BASE" $((WARMUP / 2)); warm create "$BASE" $((WARMUP / 4))
warm update "$DIRECT" $((WARMUP / 8)); warm create "$DIRECT" $((WARMUP / 8))
# then settle PostgreSQL: the history and the warm-up appended several hundred thousand events, and autovacuum's pass
# over a table that grew by a fifth (the event table and its indexes, the read models) could otherwise land inside a
# measured row and take a core from it (a suspect for the spread between runs, not a proven cause: docs/benchmarks.md)
wait_read_models
bench_psql -c "VACUUM (ANALYZE)"

# lines of run_commands output → one line: per column the median of the rounds (latencies compared with their units),
# errors summed
median_rounds() {
  node -e '
    const rows = require("fs").readFileSync(0, "utf8").trim().split("\n").map(l => l.trim().split(/\s+/));
    const num = s => parseFloat(s) * (s.endsWith("us") ? 0.001 : s.endsWith("ms") ? 1 : s.endsWith("s") ? 1000 : 1);
    console.log(rows[0].map((_, i) => i === 4 ? rows.reduce((n, r) => n + Number(r[i]), 0)
      : rows.map(r => r[i]).sort((a, b) => num(a) - num(b))[(rows.length - 1) >> 1]).join(" "));'
}

# at 8 and 32 connections direct and gateway alternate for BENCH_ROUNDS rounds (default 3) and each column is the
# median: this box drifts by a quarter within an hour (docs/benchmarks.md), and one pair of 15 s runs compared the
# drift as much as the hop
ROUNDS="${BENCH_ROUNDS:-3}"
rows=""
for mode in update create; do
  for conns in 1 8 32; do
    "${SETUP[@]}" tokens "$BENCH_DIR" "$BASE"
    direct_runs="" gateway_runs=""
    for _ in $(seq 1 "$(( conns > 1 ? ROUNDS : 1 ))"); do
      direct_runs+="$(run_commands "$DIRECT" "$conns" "$mode" "$BENCH_DIR/all.txt")"$'\n'
      gateway_runs+="$(run_commands "$BASE" "$conns" "$mode" "$BENCH_DIR/all.txt")"$'\n'
    done
    read -r d_rps d_avg d_p50 d_p99 d_err d_cc d_cq d_cg d_cb <<<"$(median_rounds <<<"$direct_runs")"
    read -r g_rps g_avg g_p50 g_p99 g_err g_cc g_cq g_cg g_cb <<<"$(median_rounds <<<"$gateway_runs")"
    echo "bench: $mode $conns direct: $(echo "$direct_runs" | awk 'NF {printf "%s/s p99 %s  ", $1, $4}')" >&2
    echo "bench: $mode $conns gateway: $(echo "$gateway_runs" | awk 'NF {printf "%s/s p99 %s  ", $1, $4}')" >&2
    rows+="| $mode | $conns | **$d_rps** | $d_p50 | $d_p99 | $d_err | **$g_rps** | $g_p50 | $g_p99 | $g_err | $((g_rps * 100 / (d_rps > 0 ? d_rps : 1)))% | $d_cc / $d_cq / $d_cb | $g_cc / $g_cq / $g_cg / $g_cb |"$'\n'
  done
done
RYW_HEAD="$(head_position)"
RYW_MS="$("${SETUP[@]}" ryw "$BENCH_DIR" "$BASE" "$RYW_HEAD")"

# profiles, after the measured rows: starting JFR deoptimizes compiled code, and on 2 cores the JIT then takes
# minutes to recover (measured: 1,727 → 386 commands/s while recording, 870 a minute after it stopped)
if [[ -n "${BENCH_JFR_DIR:-}" ]]; then
  for mode in update create; do
    jfr start
    run_commands "$DIRECT" 32 "$mode" "$BENCH_DIR/all.txt" >/dev/null
    run_commands "$BASE" 32 "$mode" "$BENCH_DIR/all.txt" >/dev/null
    jfr stop "$mode-32"
  done
fi

# one connection, direct: the same PATCH on 20 new clients, on 20 with 600 events and on 20 with 10,000 events
"${SETUP[@]}" tokens "$BENCH_DIR" "$BASE"
hist=""
declare -A hist_p50
for group in new h600 h10k; do
  read -r rps avg p50 p99 err _ <<<"$(run_commands "$DIRECT" 1 update "$BENCH_DIR/$group.txt")"
  hist_p50[$group]="$p50"
  hist+="| $group | $rps | $avg | $p50 | $p99 | $err |"$'\n'
done
SNAPSHOTS="$(bench_psql -c "SELECT count(*) FROM event_store.snapshot_event_entry" 2>/dev/null || echo 0)"

# cold: restart the services (the aggregate cache is empty), warm the JIT on other clients, then the first command
# on each history client, one at a time, the three groups interleaved
./wpm down >/dev/null
./wpm up --detach >"$BENCH_DIR/up2.log" 2>&1 || { cat "$BENCH_DIR/up2.log"; exit 1; }
"${SETUP[@]}" tokens "$BENCH_DIR" "$BASE"
BENCH_MODE=update BENCH_CLIENTS="$BENCH_DIR/all.txt" wrk -t2 -c8 -d60s -s ops/bench/commands.lua "$DIRECT" >/dev/null
read -r cold_new cold_h600 cold_h10k <<<"$("${SETUP[@]}" cold "$BENCH_DIR" "$DIRECT")"

# PostgreSQL alone: one event-shaped row per transaction into a copy of the event table, with and without the
# append trigger's NOTIFY
bench_psql <<'SQL'
CREATE SCHEMA bench;
CREATE TABLE bench.plain (LIKE event_store.domain_event_entry INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
CREATE TABLE bench.notifying (LIKE event_store.domain_event_entry INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
-- positions of their own: drawing ~700,000 from the event store's sequence would leave the running services' processors
-- a gap that large to track
CREATE SEQUENCE bench.position;
ALTER TABLE bench.plain ALTER COLUMN global_index SET DEFAULT nextval('bench.position');
ALTER TABLE bench.notifying ALTER COLUMN global_index SET DEFAULT nextval('bench.position');
-- what the event store's statement trigger did until V9 (ops: platform/…/V8__notify_appends.sql)
CREATE FUNCTION bench.notify_appends() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('wpm_events_bench', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER notify AFTER INSERT ON bench.notifying FOR EACH STATEMENT EXECUTE FUNCTION bench.notify_appends();
SQL
for table in plain notifying; do
  cat >"$BENCH_DIR/$table.sql" <<SQL
INSERT INTO bench.$table (event_identifier, meta_data, payload, payload_type, time_stamp, aggregate_identifier,
  sequence_number, type)
VALUES (gen_random_uuid()::text, convert_to('{"agencyId":"6f0b1c9e-0000-4000-8000-000000000000","userId":"6f0b1c9e-0000-4000-8000-000000000001","correlationId":"6f0b1c9e-0000-4000-8000-000000000002"}', 'UTF8'),
  convert_to('{"clientId":"6f0b1c9e-0000-4000-8000-000000000003","agencyId":"6f0b1c9e-0000-4000-8000-000000000000","name":"Client","notes":"bench note 12345678"}', 'UTF8'),
  'com.webprometrics.events.clients.ClientDetailsUpdated', '2026-12-01T12:00:00.000Z', gen_random_uuid()::text, 0, 'Client');
SQL
done
read -r pg8_tps pg8_lat <<<"$(CONNECTIONS=8 run_pgbench "$BENCH_DIR/plain.sql")"
# 32 writers three ways, in 3 interleaved rounds (one 15 s pgbench run drifts by ±15% on this box; medians compare):
# plain commits; commits beside one session that sends a NOTIFY from a transaction of its own (synchronous_commit
# off) at most every 20 ms — 50 a second under load, what the services do (platform AppendSignal); and commits that
# each notify, as the old append trigger did
printf 'SET synchronous_commit = off;\nSELECT pg_notify(%s, %s);\n' "'wpm_events_bench'" "''" >"$BENCH_DIR/signal.sql"
beside_signal() {
  PGPASSWORD="$WPM_DATABASE_PASSWORD" pgbench -n -h "${DB_HOSTPORT%:*}" -p "${DB_HOSTPORT#*:}" -U "$WPM_DATABASE_USER" \
    -c 1 -R 50 -T "$SECONDS_PER_RUN" -f "$BENCH_DIR/signal.sql" "$WPM_DATABASE_NAME" >"$BENCH_DIR/signal.txt" 2>&1 &
  local signal_pid=$!
  CONNECTIONS=32 run_pgbench "$BENCH_DIR/plain.sql"
  wait "$signal_pid"
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {print v[int((NR + 1) / 2)]}'; }
plain=() signal=() notifying=()
pg_round() { # kind
  local tps
  case "$1" in
    plain) read -r tps _ <<<"$(CONNECTIONS=32 run_pgbench "$BENCH_DIR/plain.sql")"; plain+=("$tps") ;;
    signal) read -r tps _ <<<"$(beside_signal)"; signal+=("$tps") ;;
    notifying) read -r tps _ <<<"$(CONNECTIONS=32 run_pgbench "$BENCH_DIR/notifying.sql")"; notifying+=("$tps") ;;
  esac
}
# each kind takes each place in a round once: the box slows down within a round (WAL, checkpoints), and a fixed order
# charged that to whichever kind ran later
for order in "plain signal notifying" "signal notifying plain" "notifying plain signal"; do
  for kind in $order; do pg_round "$kind"; done
done
pg32_tps="$(echo "${plain[*]}" | median)"; pgs32_tps="$(echo "${signal[*]}" | median)"; pgn32_tps="$(echo "${notifying[*]}" | median)"
SIGNALS="$(awk '/^tps/ {printf "%.0f", $3; exit}' "$BENCH_DIR/signal.txt")"
cost() { node -e 'console.log(((1 - process.argv[2] / process.argv[1]) * 100).toFixed(1))' "$1" "$2"; }
NOTIFY_COST="$(cost "$pg32_tps" "$pgn32_tps")"
SIGNAL_COST="$(cost "$pg32_tps" "$pgs32_tps")"

ratio() { node -e 'const p = s => parseFloat(s) * (s.endsWith("us") ? 0.001 : s.endsWith("ms") ? 1 : 1000); console.log((p(process.argv[2]) / p(process.argv[1])).toFixed(2))' "$1" "$2"; }

write_section commands "## The command path — \`ops/bench/commands.sh\`

$(machine_line)
Commands: \`PATCH /api/clients/{id}\` (a new note each time, so every command appends an event) and \`POST /api/clients\`,
each request for a random one of 100 clients of 10 agencies with that agency's token; wrk ${SECONDS_PER_RUN} s per run
after ${WARMUP} s of warm-up (updates then creates, ¾ through the gateway, ¼ direct), each run starting once the read models
have caught up with the runs before it. Direct = command-side's port; gateway = the public port. At 8 and 32 connections
direct and gateway runs alternate for ${ROUNDS} rounds and every column is the median of its rounds (errors: the sum).
CPU per command (µs) is the processes' user+system time over the run divided by the commands served: command-side /
query-side (projecting the same events meanwhile) / gateway / the whole box (PostgreSQL and wrk included, 2 cores =
2,000,000 µs per second).

| command | connections | direct req/s | p50 | p99 | errors | gateway req/s | p50 | p99 | errors | gateway/direct | CPU µs direct: cmd / query / box | CPU µs via gateway: cmd / query / gw / box |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
${rows}
Right after the load, a query with \`X-Min-Position\` at the event store's head (${RYW_HEAD}) answered in **${RYW_MS} ms**.

**History** — the same PATCH at one connection, direct, rotating over 20 clients of each kind (warm: the aggregates
are in the command side's cache after their first command):

| clients | req/s | avg | p50 | p99 | errors |
|---|---|---|---|---|---|
${hist}
p50 ratio to a new client: 600 events $(ratio "${hist_p50[new]}" "${hist_p50[h600]}")×, 10,000 events $(ratio "${hist_p50[new]}" "${hist_p50[h10k]}")×. Snapshots in the store: ${SNAPSHOTS}.
Cold, right after a restart of the services (the first command on each of the 20 clients, one at a time, groups
interleaved; median): new ${cold_new} ms, 600 events ${cold_h600} ms, 10,000 events ${cold_h10k} ms.

**PostgreSQL alone**, one event-shaped row per transaction into a copy of \`domain_event_entry\` (pgbench, fsync on):
8 writers **${pg8_tps}** commits/s (${pg8_lat}). 32 writers, median of 3 rounds, each kind in each place once (runs: ${plain[*]} /
${signal[*]} / ${notifying[*]}): plain ${pg32_tps}/s; beside one session sending ${SIGNALS} \`NOTIFY\`s a second from
transactions of its own, as \`AppendSignal\` does, ${pgs32_tps}/s — **${SIGNAL_COST}%**; each commit notifying, as the old
append trigger did, ${pgn32_tps}/s — **${NOTIFY_COST}%**."
