#!/usr/bin/env bash
# Issue 11's billing benchmark (docs/benchmarks.md "Billing"): N subscriptions (default 10,000) get a card through the
# payment stand-in's hosted page and signed webhooks, then all fall due at one instant and are invoiced and charged
# by their own deadlines. Needs PostgreSQL on 127.0.0.1:5432 (user postgres); makes and drops wpm_bench_billing.
#   ops/bench/billing.sh [subscriptions]      e.g. ops/bench/billing.sh 1000 for a quick look
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-10000}"
mvn -q -B -ntp install -DskipTests -pl shared-events,platform,web-security,ops/payment-standin,command-side -am
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -pl command-side
CP="command-side/target/test-classes:command-side/target/classes:$(cat command-side/target/bench.classpath)"
java -Xmx2g -Dbench.subscriptions="$N" -Dbench.setup-seconds="${WPM_BENCH_SETUP_SECONDS:-$((60 + N / 40))}" \
  -Dlogging.level.root=WARN -cp "$CP" com.webprometrics.command.billing.RenewalBenchmark
