#!/usr/bin/env bash
# Builds the ~10 MB plain-text plan used for the side-by-side speed run: the seeds concatenated until ≥ 10 MB.
set -euo pipefail
seeds="${1:-$(dirname "$0")/../../shared/corpus/seeds}"
out="${2:-/tmp/planledger-bench-10mb.txt}"
: > "$out"
while [ "$(stat -c %s "$out")" -lt 10000000 ]; do
  for f in "$seeds"/*.txt; do cat "$f" >> "$out"; printf '\n' >> "$out"; done
done
echo "$out"
