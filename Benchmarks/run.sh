#!/usr/bin/env bash
# The dtisite benchmark: builds dtisite in release mode, generates a national-scale content tree,
# times full builds, no-change rebuilds and one-file rebuilds, and compares a 2,000-document Markdown
# corpus with Hugo (Debian package `hugo`). Usage: Benchmarks/run.sh [work directory]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hugo >/dev/null || { echo "Cài hugo để so sánh…"; ${SUDO:-$( [ "$(id -u)" = 0 ] || echo sudo )} apt-get install -y -qq hugo >/dev/null || true; }
swift build -c release --product dtisite >/dev/null
# On tmpfs by default: the file system of a busy build machine (inode allocation after deletes)
# would otherwise weigh more than either generator.
DEFAULT=/tmp/dtisite-bench
[ -d /dev/shm ] && [ -w /dev/shm ] && DEFAULT=/dev/shm/dtisite-bench
python3 Benchmarks/run.py "${1:-$DEFAULT}"
python3 Benchmarks/search_bytes.py "${1:-$DEFAULT}/national/public"
# Time to first results in Chromium, where it is installed.
if command -v chromium >/dev/null; then python3 Benchmarks/search_browser.py "${1:-$DEFAULT}/national/public" /cds/; fi
