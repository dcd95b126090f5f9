#!/usr/bin/env bash
# Whole-process comparison for docs/benchmarks-evtx.md: `winlog dump` vs libevtx's evtxexport vs
# python-evtx's evtx_dump.py, on the same files built from a real sample (never committed).
#
#   winlog-benchmarks/scripts/evtx-whole-process.sh [OUTDIR]
#
# Needs: examples/target/winlog.jar and winlog-benchmarks/target/benchmarks.jar (mvn package),
# hyperfine, evtxexport (libevtx-utils), /usr/bin/python3 with python3-evtx.
# Reports wall time AND CPU time (user+sys): on a shared, loaded machine the CPU rate is the
# comparable number. python-evtx runs on a ~2 MB file (it is ~100x slower) and is scaled by records.
# SKIP_PYTHON=1 skips python-evtx; SKIP_PEERS=1 skips evtxexport too (winlog runs only).
# "launcher:" rows run examples/src/main/bin/winlog (the same jar with -XX:TieredStopAtLevel=1).
# dump decodes on one thread per core (at most 4) unless --threads says otherwise.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${1:-/tmp/evtx-whole-process}"
mkdir -p "$OUT"
SHARED="${WINLOG_SHARED:-$ROOT/../shared}"
SAMPLE="$SHARED/samples/evtx/omer_security.evtx"
BENCH="$ROOT/winlog-benchmarks/target/benchmarks.jar"
CLI="$ROOT/examples/target/winlog.jar"
java -cp "$BENCH" io.winlog.benchmarks.evtx.BigEvtxFile "$SAMPLE" "$OUT/big.evtx" 100
java -cp "$BENCH" io.winlog.benchmarks.evtx.BigEvtxFile "$SAMPLE" "$OUT/small.evtx" 2
BIG_RECORDS=$(java -jar "$CLI" dump "$OUT/big.evtx" --format text | wc -l)
SMALL_RECORDS=$(java -jar "$CLI" dump "$OUT/small.evtx" --format text | wc -l)
echo "big.evtx: $BIG_RECORDS records; small.evtx: $SMALL_RECORDS records"

run() { # name records runs command...
  local name="$1" records="$2" runs="$3"; shift 3
  hyperfine --style none --warmup 0 --runs "$runs" --export-json "$OUT/$name.json" "$*" > /dev/null
  python3 - "$OUT/$name.json" "$name" "$records" <<'PY'
import json, sys, statistics
d = json.load(open(sys.argv[1]))["results"][0]
name, rec = sys.argv[2], int(sys.argv[3])
wall = d["times"]
mw = statistics.median(wall); mc = d["user"] + d["system"]  # hyperfine: mean user/system seconds
print(f"| {name} | {rec} | {len(wall)} | {mw:.2f} (min {min(wall):.2f}, max {max(wall):.2f}) | {mc:.2f} | {rec/mw:,.0f} | {rec/mc:,.0f} |")
PY
}
echo "| run | records | runs | wall s median (min, max) | cpu s (user+sys, mean) | records/s wall | records/s per cpu-s |"
echo "|---|---|---|---|---|---|---|"
LAUNCHER="$ROOT/examples/src/main/bin/winlog"   # java -XX:TieredStopAtLevel=1 -jar winlog.jar
run "winlog dump --format xml" "$BIG_RECORDS" 3 "java -jar $CLI dump $OUT/big.evtx --format xml"
run "winlog dump --format jsonl" "$BIG_RECORDS" 3 "java -jar $CLI dump $OUT/big.evtx --format jsonl"
run "winlog dump --format xml --threads 1" "$BIG_RECORDS" 3 "java -jar $CLI dump $OUT/big.evtx --format xml --threads 1"
run "winlog dump --format jsonl --threads 1" "$BIG_RECORDS" 3 "java -jar $CLI dump $OUT/big.evtx --format jsonl --threads 1"
run "launcher: winlog dump --format xml" "$BIG_RECORDS" 3 "$LAUNCHER dump $OUT/big.evtx --format xml"
run "launcher: winlog dump --format jsonl" "$BIG_RECORDS" 3 "$LAUNCHER dump $OUT/big.evtx --format jsonl"
run "launcher: winlog dump --format xml --threads 1" "$BIG_RECORDS" 3 "$LAUNCHER dump $OUT/big.evtx --format xml --threads 1"
run "launcher: winlog dump --format jsonl --threads 1" "$BIG_RECORDS" 3 "$LAUNCHER dump $OUT/big.evtx --format jsonl --threads 1"
if [ "${SKIP_PEERS:-0}" != 1 ]; then
  run "evtxexport (libevtx 20181227)" "$BIG_RECORDS" 2 "evtxexport $OUT/big.evtx"
fi
run "launcher: winlog dump --format xml, 2 MB file" "$SMALL_RECORDS" 3 "$LAUNCHER dump $OUT/small.evtx --format xml"
if [ "${SKIP_PEERS:-0}" != 1 ] && [ "${SKIP_PYTHON:-0}" != 1 ]; then
  run "python-evtx evtx_dump.py, 2 MB file" "$SMALL_RECORDS" 1 "/usr/bin/python3 /usr/bin/evtx_dump.py $OUT/small.evtx"
fi
