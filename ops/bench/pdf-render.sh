#!/usr/bin/env bash
# PDF render time of a report: a 90-day report with eight metrics from three providers (two JFreeChart charts, the
# KPI and provider tables), rendered by the query side's PdfExport in one JVM — no database, no HTTP. Warm-up
# renders first (C2 needs them), then p50/p99/mean/max over the measured renders. Writes its section of
# docs/benchmarks.md. Needs a JDK and Maven (compiles query-side's test classes); on a shared machine run it
# under the Maven lock: flock /tmp/wpm-mvn.lock ops/bench/pdf-render.sh
#
#   ops/bench/pdf-render.sh                      # 300 renders after 150 warm-up renders
#   BENCH_RENDERS=1000 BENCH_WARMUP=300 ops/bench/pdf-render.sh
#   BENCH_SAMPLE=/tmp/sample.pdf ops/bench/pdf-render.sh   # also keep one rendering to look at
BENCH_TOOLS="node java mvn"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RENDERS="${BENCH_RENDERS:-300}"
WARMUP="${BENCH_WARMUP:-150}"
WORK="$(mktemp -d /tmp/wpm-bench-pdf.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

mvn -B -ntp -q -Dskip.frontend=true -pl query-side -am test-compile >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
mvn -B -ntp -q -pl query-side dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" \
  >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
CP="query-side/target/test-classes:query-side/target/classes:shared-events/target/classes:platform/target/classes:$(cat "$WORK/cp.txt")"
read -r p50 p99 mean max bytes <<<"$(java -Xmx512m -XX:+UseSerialGC -cp "$CP" com.webprometrics.query.reports.PdfRenderBench \
  "$RENDERS" "$WARMUP" ${BENCH_SAMPLE:+"$BENCH_SAMPLE"})"

write_section pdf-render "## PDF render time — \`ops/bench/pdf-render.sh\`

$(machine_line)
One report: 90 days × 8 metrics (sessions, conversions, revenue, cost, clicks, impressions, ROAS, CTR) from three
providers with the previous period — KPI table, two line charts (JFreeChart, PNG at 2× embedded), provider table,
embedded Liberation Sans (OpenPDF 2.0.5). $RENDERS renders measured after $WARMUP warm-up renders, one thread,
\`-Xmx512m -XX:+UseSerialGC\` (the services' settings). Rendering only: building the data from the read models
(the dashboard queries) comes on top, see the dashboard section.

| renders | p50 | p99 | mean | max | PDF size |
|---|---|---|---|---|---|
| $RENDERS | $p50 ms | $p99 ms | $mean ms | $max ms | $((bytes / 1024)) KiB |"
