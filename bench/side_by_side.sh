#!/usr/bin/env bash
# Side-by-side speed run on the ~10 MB plain-text plan: the engine (a whole `planledger parse --json` process)
# against the naive Python line-regex script, start-up subtracted (each tool's empty run), best of N runs.
# Both wall-clock and CPU (user+sys) seconds are shown: on a shared machine the CPU figure is the steadier one.
# Usage: bench/side_by_side.sh [PLANLEDGER_DLL] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dll="${1:-$here/../artifacts/cli/planledger.dll}"
runs="${2:-5}"
input="$("$here/make_input.sh" "$here/../../shared/corpus/seeds" /tmp/planledger-bench-10mb.txt)"
bytes=$(stat -c %s "$input")
tf=$(mktemp)
best() { # best wall seconds, best cpu seconds, peak RSS (KiB) over $runs runs of "$@"
  local bw=999 bc=999 rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$tf" -f "%e %U %S %M" "$@" >/dev/null 2>&1
    read -r w u s k < "$tf"
    c=$(awk "BEGIN{print $u+$s}")
    awk "BEGIN{exit !($w < $bw)}" && bw=$w
    awk "BEGIN{exit !($c < $bc)}" && bc=$c
    [ "$k" -gt "$rss" ] && rss=$k
  done
  echo "$bw $bc $rss"
}
read -r ew0 ec0 _ < <(best dotnet "$dll" --version)
# As ./planledger runs parse: no tiered compilation in the one-shot process (docs/decisions/0003-cli-start-up.md).
read -r ew1 ec1 erss < <(best env DOTNET_TieredCompilation="${DOTNET_TieredCompilation:-0}" dotnet "$dll" parse "$input" --json)
read -r pw0 pc0 _ < <(best python3 -c "import re, json")
read -r pw1 pc1 prss < <(best python3 "$here/naive_regex.py" "$input")
rm -f "$tf"
awk -v b="$bytes" -v ew0="$ew0" -v ew1="$ew1" -v ec0="$ec0" -v ec1="$ec1" -v pw0="$pw0" -v pw1="$pw1" \
    -v pc0="$pc0" -v pc1="$pc1" -v er="$erss" -v pr="$prss" 'BEGIN{
  mb = b/1e6; ew = mb/(ew1-ew0); pw = mb/(pw1-pw0); ec = mb/(ec1-ec0); pc = mb/(pc1-pc0);
  printf "input %.1f MB (the seeds concatenated); best of runs, start-up subtracted\n", mb;
  printf "%-24s %8s %8s %8s %8s %10s %10s\n", "tool", "wall s", "start s", "cpu s", "start s", "MB/s", "MB/cpu-s";
  printf "%-24s %8.2f %8.2f %8.2f %8.2f %10.1f %10.1f   peak RSS %.0f MiB\n", "planledger parse --json", ew1, ew0, ec1, ec0, ew, ec, er/1024;
  printf "%-24s %8.2f %8.2f %8.2f %8.2f %10.1f %10.1f   peak RSS %.0f MiB\n", "naive_regex.py", pw1, pw0, pc1, pc0, pw, pc, pr/1024;
  printf "engine / naive: %.2fx wall, %.2fx cpu\n", ew/pw, ec/pc }'
