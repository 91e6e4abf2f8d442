#!/usr/bin/env bash
# Benchmark (issue 13): generated years of hourly meter data, measured in one sitting.
# For each size: drsim generate, validate and run (REPEAT times each: median and spread),
# and sqlite3 .import of the same meter CSV; for the first size also a run on the same
# meter rows shuffled. Prints each figure and the ratios against the targets of issue 13:
#   run <= 0.10x import, peak <= 120 MB per 1,000 LMRs (400 MB at 5,000), the largest
#   size within 5.5x of the smallest per row, shuffled <= 3x sorted, validate <= run.
#   bench/year_run.sh [SIZES="1000 5000"] [DAYS=365] [INTERVAL_MINUTES=60]
#   REPEAT=3 DRSIM=build/app/drsim bench/year_run.sh "1000 5000"
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${1:-1000 5000}"; days="${2:-365}"; minutes="${3:-60}"
drsim="${DRSIM:-build/app/drsim}"; repeat="${REPEAT:-3}"
work="$(mktemp -d /tmp/drsim-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
command -v sqlite3 > /dev/null || { echo "sqlite3 is needed (apt-get install sqlite3)"; exit 2; }

# measure LABEL CMD...: runs CMD `repeat` times; sets SECS (median), SPREAD (min-max), MB (max peak RSS).
measure() {
  local label="$1"; shift
  local times=() peak=0
  for ((i = 0; i < repeat; i++)); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>&1 || { cat "$work/out"; exit 1; }
    read -r secs kb < "$work/time"
    times+=("$secs"); ((kb > peak)) && peak=$kb
  done
  read -r SECS SPREAD < <(printf '%s\n' "${times[@]}" | sort -n | awk '{v[NR]=$1} END {printf "%.2f %.2f-%.2f\n", v[int((NR+1)/2)], v[1], v[NR]}')
  MB=$(awk "BEGIN{printf \"%.1f\", $peak/1024}")
  printf '  %-30s %7s s  (%s s over %d)   peak %7s MB\n' "$label" "$SECS" "$SPREAD" "$repeat" "$MB"
}

verdict() { awk "BEGIN{exit !($1)}" && echo "ok" || echo "OVER"; }
summary=()
first_n=""; first_per_row=""
for n in $sizes; do
  echo "== $n LMRs x $days days, ${minutes}-minute meters"
  dir="$work/s$n"
  /usr/bin/time -f "%e" -o "$work/time" "$drsim" generate --resources "$n" --days "$days" \
    --interval-minutes "$minutes" --seed 1 --out "$dir" > /dev/null
  rows=$(($(wc -l < "$dir/data/meter.csv") - 1))
  echo "  generate: $(cat "$work/time") s; meter rows: $rows ($(du -h "$dir/data/meter.csv" | cut -f1))"
  measure "drsim validate" "$drsim" validate "$dir/scenario.yaml"; validate=$SECS
  measure "drsim run" "$drsim" run "$dir/scenario.yaml" --out "$work/out-run" --force --quiet; run=$SECS; run_mb=$MB
  rm -f "$work/import.sqlite"
  /usr/bin/time -f "%e" -o "$work/time" sqlite3 "$work/import.sqlite" ".mode csv" ".import $dir/data/meter.csv meter"
  import=$(cat "$work/time"); rm -f "$work/import.sqlite"
  echo "  sqlite3 .import meter.csv:     $import s"
  cap=$(awk "BEGIN{print ($n <= 1000) ? 120 : 400}")
  ratio=$(awk "BEGIN{printf \"%.3f\", $run / $import}")
  summary+=("$n LMRs: run/import $ratio (target <= 0.10: $(verdict "$ratio <= 0.10")); peak $run_mb MB (cap $cap: $(verdict "$run_mb <= $cap")); validate $validate s vs run $run s ($(verdict "$validate <= $run"))")
  per_row=$(awk "BEGIN{print $run / $rows}")
  if [ -z "$first_n" ]; then
    first_n=$n; first_per_row=$per_row; first_run=$run
    (head -1 "$dir/data/meter.csv"; tail -n +2 "$dir/data/meter.csv" | shuf --random-source=<(yes)) > "$work/shuffled.csv"
    mv "$work/shuffled.csv" "$dir/data/meter.csv"
    measure "drsim run (rows shuffled)" "$drsim" run "$dir/scenario.yaml" --out "$work/out-run" --force --quiet
    shuffled=$(awk "BEGIN{printf \"%.2f\", $SECS / $run}")
    summary+=("$n LMRs shuffled: ${shuffled}x sorted (target <= 3: $(verdict "$shuffled <= 3")); peak $MB MB (cap $cap: $(verdict "$MB <= $cap"))")
  else
    growth=$(awk "BEGIN{printf \"%.2f\", $run / $first_run}")
    scale=$(awk "BEGIN{printf \"%.1f\", $n / $first_n}")
    summary+=("$n vs $first_n LMRs: ${growth}x the time for ${scale}x the rows (target <= 5.5x at 5x: $(verdict "$run / $first_run <= 1.1 * $n / $first_n"))")
  fi
  rm -rf "$dir" "$work/out-run"
done
echo "== against the targets"
printf '  %s\n' "${summary[@]}"
