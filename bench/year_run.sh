#!/usr/bin/env bash
# Benchmark (issues 3 and 4): a generated year of hourly meter data for N resources.
# Reports drsim generate, validate and run wall time and peak memory, and the time
# sqlite3 takes to .import the same meter CSV into a table, measured in one sitting.
#   bench/year_run.sh [RESOURCES=5000] [DAYS=365] [INTERVAL_MINUTES=60]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-5000}"; days="${2:-365}"; minutes="${3:-60}"
drsim="${DRSIM:-build/app/drsim}"
work="$(mktemp -d /tmp/drsim-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

measure() {  # label, command...: prints wall seconds and peak RSS
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  read -r secs kb < "$work/time"
  printf '%-34s %8.2f s   peak %7.1f MB\n' "$label" "$secs" "$(awk "BEGIN{print $kb/1024}")"
}

measure "generate ($n x $days d, ${minutes} min)" "$drsim" generate --resources "$n" --days "$days" \
  --interval-minutes "$minutes" --seed 1 --out "$work/scenario"
rows=$(($(wc -l < "$work/scenario/data/meter.csv") - 1))
echo "meter rows: $rows ($(du -h "$work/scenario/data/meter.csv" | cut -f1))"
measure "drsim validate" "$drsim" validate "$work/scenario/scenario.yaml"
measure "drsim run" "$drsim" run "$work/scenario/scenario.yaml" --out "$work/out-run" --quiet
measure "sqlite3 .import meter.csv" sqlite3 "$work/import.sqlite" \
  ".mode csv" ".import $work/scenario/data/meter.csv meter"
echo "instruction-hours: $(($(wc -l < "$work/out-run/hourly.csv") - 1))"
