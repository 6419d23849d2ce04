#!/usr/bin/env bash
# run.sh runs every benchmark of gathergen and prints one table of ratios
# against the hand-written floor measured in the same run, then each target
# of the benchmark issue with its figure (read, never asserted).
#
#   bench/run.sh            # about 10 minutes on 2 cores
#   COUNT=10 bench/run.sh   # more runs
#   QUICK=1 bench/run.sh    # one short pass of everything, to try the script
#
# Raw outputs go to $OUT (default bench/results): machine.txt, bench.txt (go
# test -bench, runs interleaved), benchstat.txt, million.txt, asyncio.txt,
# stream.txt, genbench.txt and ratios.txt, the table printed at the end.
set -euo pipefail
cd "$(dirname "$0")"

COUNT=${COUNT:-6}
BENCHTIME=${BENCHTIME:-0.5s}
MILLION_RUNS=${MILLION_RUNS:-3}
GEN_RUNS=${GEN_RUNS:-6}
PACKAGES=${PACKAGES:-50}
STREAM_N=${STREAM_N:-10000000}
if [[ -n ${QUICK:-} ]]; then
	COUNT=1 BENCHTIME=100x MILLION_RUNS=1 GEN_RUNS=1 PACKAGES=3 STREAM_N=1000000
fi
OUT=${OUT:-results}
mkdir -p "$OUT"
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT

echo "== machine"
{
	echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
	echo "nproc: $(nproc)"
	echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
	echo "go: $(go version)"
	echo "python: $(python3 --version 2>&1 || echo none)"
	echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
	go list -m golang.org/x/sync github.com/sourcegraph/conc golang.org/x/tools golang.org/x/perf | sed 's/^/module: /'
} | tee "$OUT/machine.txt"

echo "== fan-outs and gathers: $COUNT interleaved runs, -benchtime=$BENCHTIME"
go test -c -o "$bin/fanout.test" ./fanout
go test -c -o "$bin/typed.test" ./typed
: >"$OUT/bench.txt"
for i in $(seq "$COUNT"); do
	echo "run $i of $COUNT"
	"$bin/fanout.test" -test.run=NONE -test.bench=. -test.benchtime="$BENCHTIME" >>"$OUT/bench.txt"
	"$bin/typed.test" -test.run=NONE -test.bench=. -test.benchtime="$BENCHTIME" >>"$OUT/bench.txt"
done
go tool benchstat -col /impl "$OUT/bench.txt" >"$OUT/benchstat.txt"

echo "== one fan-out of a million tasks: $MILLION_RUNS interleaved runs"
go build -o "$bin/million" ./cmd/million
: >"$OUT/million.txt"
for i in $(seq "$MILLION_RUNS"); do
	for impl in floor errgroup conc all allwith map limited maplimited; do
		"$bin/million" -impl "$impl" | tee -a "$OUT/million.txt"
	done
done

echo "== a stream of $STREAM_N elements, window 1000: $MILLION_RUNS interleaved runs"
go build -o "$bin/stream" ./cmd/stream
: >"$OUT/stream.txt"
for i in $(seq "$MILLION_RUNS"); do
	for impl in stream map maplimited; do
		"$bin/stream" -impl "$impl" -n "$STREAM_N" | tee -a "$OUT/stream.txt"
	done
done
go test -run=NONE -bench=. -benchtime="$BENCHTIME" -count="$COUNT" ./stream >>"$OUT/stream.txt"

echo "== asyncio.gather of a million tasks"
: >"$OUT/asyncio.txt"
if command -v python3 >/dev/null; then
	for mode in trivial limited; do
		python3 python/gather_million.py -mode "$mode" | tee -a "$OUT/asyncio.txt"
	done
else
	echo "python3 not found: skipping the asyncio comparison"
fi

echo "== generator: gathergen against stringer, $GEN_RUNS interleaved runs"
go run ./cmd/genbench -runs "$GEN_RUNS" -packages "$PACKAGES" | tee "$OUT/genbench.txt"

echo
go run ./cmd/ratios "$OUT" | tee "$OUT/ratios.txt"
