#!/usr/bin/env bash
# Benchmark (issue 14): `drsim exposure` through the CLI on a generated 1,000-resource portfolio
# with the exposure model of the bundled study (scenarios/examples/utility-exposure: the
# defaults of docs/exposure.md, every LBA covered), 100,000 trials at 2 threads. Prints the
# wall time, trials/s, peak memory and the verdict against the target: under 5 minutes.
#   bench/exposure_cli.sh [RESOURCES=1000] [TRIALS=100000] [THREADS=2]
#   DRSIM=build/app/drsim bench/exposure_cli.sh 1000 100000 2
set -euo pipefail
cd "$(dirname "$0")/.."
resources="${1:-1000}"; trials="${2:-100000}"; threads="${3:-2}"
drsim="${DRSIM:-build/app/drsim}"
work="$(mktemp -d /tmp/drsim-exposure-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

"$drsim" generate --resources "$resources" --days 1 --seed 1 --out "$work/portfolio" > /dev/null
# The bundled study's exposure: section without its coverage list (its LBAs are not the generated ones).
sed -n '/^exposure:/,$p' scenarios/examples/utility-exposure/scenario.yaml |
  awk '/^  coverage:/ {skip = 1; next} skip && /^    -/ {next} {skip = 0; print}' >> "$work/portfolio/scenario.yaml"
"$drsim" validate "$work/portfolio/scenario.yaml" > /dev/null
/usr/bin/time -f "%e %M %U" -o "$work/time" "$drsim" exposure "$work/portfolio/scenario.yaml" --trials "$trials" \
  --seed 1 --threads "$threads" --out "$work/out" --quiet
read -r secs kb user < "$work/time"
instructions=$(awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) if ($i == "instructions") c = i} NR > 1 {s += $c} END {print s}' "$work/out/exposure.csv")
echo "$resources resources, $trials trials, $threads threads: $secs s wall ($user s CPU), peak $((kb / 1024)) MB"
awk -v t="$trials" -v s="$secs" -v n="$instructions" \
  'BEGIN {printf "  %.0f trials/s, %.2f instructions a trial\n", t / s, n / t}'
awk -v s="$secs" 'BEGIN {exit !(s < 300)}' && echo "  target under 300 s: ok" || echo "  target under 300 s: OVER"
