#!/usr/bin/env bash
# Issue 11's billing numbers, written to docs/benchmarks.md ("billing"):
# 1. Renewals (RenewalBenchmark, command side in-process with the payment stand-in): N subscriptions (10,000) each get
#    a card through the stand-in's hosted page and its signed webhooks, then all fall due at one instant and are
#    invoiced and charged by their own deadlines (the renewal process on db-scheduler). Measured from that instant to
#    the last InvoicePaid; the stand-in's PaymentIntents are read back to count invoices charged twice. Uses the
#    PostgreSQL on 127.0.0.1:5432 (user postgres; BENCH_ADMIN_URL): makes and drops wpm_bench_billing, and measures
#    PostgreSQL alone (single-row commits, 8 writers) first.
# 2. Webhook intake through the gateway (the bench stack of lib.sh, ./wpm up with the stand-in's secret): wrk posts
#    distinct signed events for BENCH_SECONDS, then the same again (all duplicates); the store must hold each id once.
#
#   ops/bench/billing.sh                 # 10,000 renewals
#   BENCH_SUBSCRIPTIONS=1000 ops/bench/billing.sh
BENCH_TOOLS="wrk node java mvn psql"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
N="${BENCH_SUBSCRIPTIONS:-10000}"
WORK="$(mktemp -d /tmp/wpm-bench-billing.XXXXXX)"

mvn -B -ntp -q install -DskipTests -Dskip.frontend=true >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
mvn -B -ntp -q -pl command-side test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/cp.txt" >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
CP="command-side/target/test-classes:command-side/target/classes:$(cat "$WORK/cp.txt")"
if [[ "${BENCH_ONLY:-}" == webhooks ]]; then # a quick look at the intake alone; docs/benchmarks.md is left as it is
  echo "RESULT 0 0 0 0 0 0 0 0 0" >"$WORK/renewals.txt"
else
java -Xmx2g -Dbench.subscriptions="$N" -Dbench.setup-seconds="${BENCH_SETUP_SECONDS:-$((120 + N / 25))}" \
  ${BENCH_ADMIN_URL:+-Dbench.admin-url="$BENCH_ADMIN_URL"} -Dlogging.level.root=WARN \
  -cp "$CP" com.webprometrics.command.billing.RenewalBenchmark | tee "$WORK/renewals.txt"
fi
read -r _ n intake intake_dupes renew_s renew_rate intents invoices doubles pg_rate \
  <<<"$(grep '^RESULT ' "$WORK/renewals.txt")"

# the service is measured, not the webhook budget (as the other benchmarks lift the signed-in one)
export WPM_RATE_LIMIT_WEBHOOK_CAPACITY=1000000000
start_bench_stack
# shellcheck disable=SC1091
source "$BENCH_DIR/payment-standin.env"
WEBHOOK_WARMUP="${BENCH_WEBHOOK_WARMUP_SECONDS:-40}"
events() { # file count prefix: distinct signed events, timestamped now (the signature's 300 s tolerance)
node -e '
  const crypto = require("crypto"); const [secret, count] = [process.argv[1], Number(process.argv[2])];
  const t = Math.floor(Date.now() / 1000); const lines = [];
  for (let i = 0; i < count; i++) {
    const body = JSON.stringify({ id: process.argv[4] + crypto.randomUUID().replace(/-/g, ""), object: "event",
      type: "invoice.upcoming", created: t, livemode: false, data: { object: { id: "in_bench_" + i, object: "invoice" } } });
    const sig = crypto.createHmac("sha256", secret).update(t + "." + body).digest("hex");
    lines.push(`t=${t},v1=${sig}\t${body}`);
  }
  require("fs").writeFileSync(process.argv[3], lines.join("\n") + "\n");' "$WPM_PAYMENT_WEBHOOK_SECRET" "$2" "$1" "$3"
}
hook() { # [seconds] → "req/s avg p50 p99 non2xx" (no Authorization header: the provider sends none)
  BENCH_WEBHOOKS="$WORK/events.tsv" BENCH_WRK_THREADS="$THREADS" wrk -t"$THREADS" -c32 -d"${1:-$SECONDS_PER_RUN}s" \
    --latency -s ops/bench/webhooks.lua "$BASE/api/webhooks/payments/stripe" >"$WORK/wrk.txt"
  echo "$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt") $(awk '/^ +Latency/ {print $2; exit}' "$WORK/wrk.txt")" \
    "$(awk '/^ +50%/ {print $2}' "$WORK/wrk.txt") $(awk '/^ +99%/ {print $2}' "$WORK/wrk.txt")" \
    "$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.txt" | grep . || echo 0)"
}
# warm-up (the JIT; unmeasured), then distinct events never sent before
events "$WORK/events.tsv" $((WEBHOOK_WARMUP * 4000)) evt_warm_
hook "$WEBHOOK_WARMUP" >/dev/null
events "$WORK/events.tsv" $((SECONDS_PER_RUN * 4000)) evt_bench_
read -r first_rps _ first_p50 first_p99 first_non2xx <<<"$(hook)"
recorded="$(bench_psql -c "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type = 'com.webprometrics.events.billing.ProviderEventReceived' AND convert_from(payload, 'UTF8')::jsonb ->> 'providerEventId' LIKE 'evt_bench_%'")"
# the second pass replays exactly the events the first recorded
bench_psql -c "SELECT convert_from(payload, 'UTF8')::jsonb ->> 'providerEventId' FROM event_store.domain_event_entry WHERE payload_type = 'com.webprometrics.events.billing.ProviderEventReceived' AND convert_from(payload, 'UTF8')::jsonb ->> 'providerEventId' LIKE 'evt_bench_%'" >"$WORK/recorded.txt"
node -e '
  const fs = require("fs"); const ids = new Set(fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean));
  const lines = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean).filter((l) => ids.has(JSON.parse(l.slice(l.indexOf("\t") + 1)).id));
  fs.writeFileSync(process.argv[2], lines.join("\n") + "\n");' "$WORK/recorded.txt" "$WORK/events.tsv"
read -r again_rps _ again_p50 again_p99 again_non2xx <<<"$(hook)"
recorded_after="$(bench_psql -c "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type = 'com.webprometrics.events.billing.ProviderEventReceived' AND convert_from(payload, 'UTF8')::jsonb ->> 'providerEventId' LIKE 'evt_bench_%'")"
twice="$(bench_psql -c "SELECT count(*) FROM (SELECT aggregate_identifier FROM event_store.domain_event_entry WHERE payload_type = 'com.webprometrics.events.billing.ProviderEventReceived' GROUP BY 1 HAVING count(*) > 1) d")"
rm -rf "$WORK"
if [[ "${BENCH_ONLY:-}" == webhooks ]]; then
  echo "webhooks: distinct $first_rps/s (p99 $first_p99, non-2xx $first_non2xx, recorded $recorded);" \
    "again $again_rps/s (non-2xx $again_non2xx, recorded $recorded_after, twice $twice)"
  exit 0
fi

write_section billing "## Billing — \`ops/bench/billing.sh\`

$(machine_line)
**Renewals.** $n subscriptions, each with a card saved through the payment stand-in's hosted page and its signed
webhooks (the command side in-process, the stand-in on loopback), all falling due at the same instant: each
subscription's own deadline (the renewal process, db-scheduler, 8 threads, polling every 1 s) issues its invoice
(one gapless series) and charges it off-session through the stand-in. Time from the instant they fell due to the
last \`InvoicePaid\`; the stand-in's PaymentIntents read back (\`GET /v1/payment_intents\`) to count invoices charged
more than once. A warm-up cohort of $((n / 10)) renewals falls due 30 s before the instant (unmeasured, so the renewal
path is compiled as in a running service); the PaymentIntent and invoice counts include it. PostgreSQL alone in the
same run: single-row INSERT commits with 8 JDBC writers.

| renewals | all invoiced and paid after | rate | PaymentIntents / invoices | charged twice | webhooks during card setup (recorded, dup.) | PostgreSQL alone |
|---|---|---|---|---|---|---|
| $n | $renew_s s | $renew_rate /s | $intents / $invoices | $doubles | $intake /s, $intake_dupes | $pg_rate commits/s |

**Webhook intake through the gateway** (\`./wpm up\` stack, the webhook budget lifted). Signed events
(\`Stripe-Signature\` over the raw body) posted by wrk at 32 connections: ${WEBHOOK_WARMUP} s of distinct events to
warm the JVMs (unmeasured), then ${SECONDS_PER_RUN} s of distinct events never sent before, then exactly the events
that pass recorded, again: every redelivery must answer 200 and record nothing. Each event becomes one
\`ProviderEvent\` aggregate keyed by its id. Cold (no warm-up), the first 15 s took 313–332 events/s: the JIT.

| pass | requests/s | p50 | p99 | non-2xx | provider events recorded | recorded twice |
|---|---|---|---|---|---|---|
| distinct events | $first_rps | $first_p50 | $first_p99 | $first_non2xx | $recorded | |
| the same again | $again_rps | $again_p50 | $again_p99 | $again_non2xx | $recorded_after (+$((recorded_after - recorded))) | $twice |"
