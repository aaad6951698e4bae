#!/usr/bin/env bash
# The one benchmark command: every test tagged "benchmark" in every module (mvn -Pbenchmark over the whole
# reactor, which also packages the services for deploy's benchmarks on a local stack), each recording its
# figures through BenchmarkFigures into one file, then that file printed as one table
# (mx.ine.redes.deploy.BenchmarkTable), also written as Markdown.
#
#   bash deploy/benchmark.sh                 # everything, measured honestly (about 26 min on 2 cores, measured)
#   bash deploy/benchmark.sh -pl submissions-service -am     # extra arguments go to Maven
#
# Shorter (and less steady) figures, through environment variables (the defaults are the benchmarks' own):
#   BENCHMARK_WARM_UP_SECONDS, BENCHMARK_MEASURED_SECONDS   warm-up and measured window of the load benchmarks
#                                                           (intake; submission to applied)
#   BENCHMARK_ACCOUNTS, BENCHMARK_CYCLES                    the report benchmark's world (10,000 x 20)
#
# Output: target/benchmark/figures.tsv (the raw figures), target/benchmark/table.md, the build's log in
# target/benchmark/build.log. Exit status: 0 when every benchmark ran and passed its correctness checks
# (benchmarks assert counts and statuses, never speed; a target not met is shown in the table, not failed).
set -euo pipefail

repository="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repository"
# shellcheck source=deploy/jdk.sh
source deploy/jdk.sh

out="$repository/target/benchmark"
figures="$out/figures.tsv"
mkdir -p "$out"
rm -f "$figures" "$out/table.md"
started_marker="$out/.started"
touch "$started_marker"

properties=("-Dbenchmark.figures=$figures")
[ -n "${BENCHMARK_WARM_UP_SECONDS:-}" ] && properties+=("-Dbenchmark.warm-up-seconds=$BENCHMARK_WARM_UP_SECONDS")
[ -n "${BENCHMARK_MEASURED_SECONDS:-}" ] && properties+=("-Dbenchmark.measured-seconds=$BENCHMARK_MEASURED_SECONDS")
[ -n "${BENCHMARK_ACCOUNTS:-}" ] && properties+=("-Dbenchmark.accounts=$BENCHMARK_ACCOUNTS")
[ -n "${BENCHMARK_CYCLES:-}" ] && properties+=("-Dbenchmark.cycles=$BENCHMARK_CYCLES")

start=$(date +%s)
echo "Benchmarks: mvn -B -ntp verify -Pbenchmark ${properties[*]} $* (log: $out/build.log)"
# Every module's benchmarks run even when one fails (its failure is reported below).
status=0
set +e
mvn -B -ntp verify -Pbenchmark -Dmaven.test.failure.ignore=true "${properties[@]}" "$@" 2>&1 | tee "$out/build.log" \
    | grep --line-buffered -E 'BENCHMARK|Benchmark|Running mx|Tests run:|BUILD|ERROR'
maven_status=${PIPESTATUS[0]}
set -e
[ "$maven_status" -eq 0 ] || { echo "The build failed (status $maven_status): see $out/build.log" >&2; status=1; }
took=$(( $(date +%s) - start ))

failed=$(find . -path '*/target/surefire-reports/*.txt' -newer "$started_marker" -print0 2>/dev/null \
    | xargs -0 -r grep -l -E 'FAILURE!|ERROR!' || true)
if [ -n "$failed" ]; then
    echo "Benchmarks that failed their checks:"
    echo "$failed" | sed 's/^/  /'
    status=1
fi

if [ -s "$figures" ]; then
    classes=deploy/target/classes
    if [ ! -f "$classes/mx/ine/redes/deploy/BenchmarkTable.class" ]; then
        # A run limited to other modules (-pl): the table needs only the JDK.
        classes="$out/classes"
        javac -d "$classes" deploy/src/main/java/mx/ine/redes/deploy/BenchmarkTable.java
    fi
    java -cp "$classes" mx.ine.redes.deploy.BenchmarkTable "$figures" "$out/table.md"
else
    echo "No figure was recorded in $figures." >&2
    status=1
fi
printf 'Benchmarks took %d min %d s.\n' $((took / 60)) $((took % 60))
exit $status
