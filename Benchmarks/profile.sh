#!/usr/bin/env bash
# Counts the instructions of one full build of the national-scale tree with valgrind's callgrind:
# unlike wall time, the count barely moves on a busy or shared machine, so it shows whether a change
# made dtisite do less work. Prints the total and the functions with the most instructions
# (inclusive). Usage: Benchmarks/profile.sh [work directory]   (needs valgrind; takes a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "Cài valgrind…"; ${SUDO:-$( [ "$(id -u)" = 0 ] || echo sudo )} apt-get install -y -qq valgrind >/dev/null; }
swift build -c release --product dtisite >/dev/null
WORK="${1:-/tmp/dtisite-profile}"
rm -rf "$WORK" && mkdir -p "$WORK"
python3 Benchmarks/generate.py "$WORK/national" >/dev/null
cp -r Theme "$WORK/national/Theme"
# valgrind 3.19 cannot read the DWARF 5 that Swift 6 writes: profile a copy without debug info
# (function names stay, from the symbol table).
strip --strip-debug -o "$WORK/dtisite" .build/release/dtisite
valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" "$WORK/dtisite" build --root "$WORK/national" 2>&1 | grep "refs"
callgrind_annotate --inclusive=yes "$WORK/callgrind.out" 2>/dev/null | grep -E "DTISite|Mustache0A7Library|Yams6Parser|CSV9CSVReader|cmark_" \
  | grep -vE "UnsafeSendable|TA \[" | head -30 | cut -c1-160
# The search index's share of the work, counted thread by thread (a second run).
python3 Benchmarks/search_share.py "$WORK/dtisite" "$WORK/national" "$WORK"
echo "Full profile: callgrind_annotate $WORK/callgrind.out"
