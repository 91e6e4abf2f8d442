#!/usr/bin/env bash
# The Slurm recipe for real, on this machine (issue 14): a single-node Slurm
# (cluster/slurm/single-node.sh: munged, slurmctld and slurmd started here and stopped
# by their PIDs at the end), an exposure study submitted as an array of 3 shards and a
# dependent merge (cluster/slurm/submit-exposure.sh --wait), compared byte for byte with
# the single-process run; then one shard lost and rerun alone with --only, merged again.
#   tests/cluster/slurm_test.sh DRSIM   (ctest: "cluster: slurm array")
set -euo pipefail
drsim="$1"
root="$(cd "$(dirname "$0")/../.." && pwd)"
scenario="$root/scenarios/examples/utility-exposure/scenario.yaml"
for b in munged slurmctld slurmd sbatch; do
  command -v "$b" > /dev/null || { echo "FAIL: $b not found (./build.sh test installs slurm-wlm munge)"; exit 1; }
done
work="$(mktemp -d /tmp/drsim-slurm-test.XXXXXX)"
cleanup() { "$root/cluster/slurm/single-node.sh" stop "$work/cluster" || true; [ -n "${KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT
eval "$("$root/cluster/slurm/single-node.sh" start "$work/cluster")"

trials=90; seed=7
"$drsim" exposure "$scenario" --trials $trials --seed $seed --threads 2 --out "$work/single" --quiet
"$root/cluster/slurm/submit-exposure.sh" "$scenario" --trials $trials --seed $seed --shards 3 \
  --out "$work/study" --drsim "$drsim" --wait
diff -r "$work/single" "$work/study/merged"
for k in 1 2 3; do
  [ -s "$work/study/shards/$k/exposure.csv" ] || { echo "FAIL: shard $k wrote no exposure.csv"; exit 1; }
done
# Each shard holds its own slice: 30 trials and a header.
[ "$(wc -l < "$work/study/shards/2/exposure.csv")" -eq 31 ] || { echo "FAIL: shard 2 is not trials 30-59"; exit 1; }
echo "ok: 3 Slurm array tasks and the merge equal the single-process run byte for byte"

# A lost shard: rerun only it and the merge.
rm -rf "$work/study/shards/2" "$work/study/merged"
"$root/cluster/slurm/submit-exposure.sh" "$scenario" --trials $trials --seed $seed --shards 3 \
  --out "$work/study" --drsim "$drsim" --only 2 --wait
diff -r "$work/single" "$work/study/merged"
echo "ok: shard 2 rerun alone, merged again, still byte for byte"

# A failing shard fails the study and the merge never runs: a drsim whose exposure fails.
rm -rf "$work/study/merged"
printf '#!/bin/sh\n[ "$1" = exposure ] && { echo "shard failed on purpose" >&2; exit 3; }\nexec "%s" "$@"\n' "$drsim" \
  > "$work/failing-drsim"
chmod +x "$work/failing-drsim"
if "$root/cluster/slurm/submit-exposure.sh" "$scenario" --trials $trials --seed $seed --shards 3 \
     --out "$work/study" --drsim "$work/failing-drsim" --wait 2> "$work/err"; then
  echo "FAIL: a study whose shards fail reported success"; exit 1
fi
[ ! -e "$work/study/merged" ] || { echo "FAIL: the merge ran after failed shards"; exit 1; }
grep -q "rerun a failed shard" "$work/err" || { echo "FAIL: no hint on a failed study"; cat "$work/err"; exit 1; }
echo "ok: failed shards cancel the merge, with a hint"
echo "3 passed, 0 failed"
