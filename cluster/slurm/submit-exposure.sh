#!/usr/bin/env bash
# Submits a drsim exposure study to Slurm: an array job of one shard per task, and a merge
# job that runs when all of them succeeded (cluster/slurm/README.md).
#   cluster/slurm/submit-exposure.sh SCENARIO --trials N --shards K --out DIR
#       [--seed S] [--cpus C] [--time T] [--partition P] [--drsim PATH] [--only K1,K2] [--wait]
# --only reruns just those shards (1-based) and the merge, e.g. after a failed task.
# --wait blocks until the merge ends and exits with its status (a failed shard cancels the
# merge: its dependency can never be met).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
usage() { sed -n '3,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage
scenario="$1"; shift
trials=""; shards=""; out=""; seed=1; cpus=1; time_limit=""; partition=""; only=""; wait=0
drsim="$(command -v drsim || true)"
while [ $# -gt 0 ]; do
  case "$1" in
    --trials) trials="$2"; shift 2 ;;
    --shards) shards="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --cpus) cpus="$2"; shift 2 ;;
    --time) time_limit="$2"; shift 2 ;;
    --partition) partition="$2"; shift 2 ;;
    --drsim) drsim="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --wait) wait=1; shift ;;
    *) echo "unknown option $1" >&2; usage ;;
  esac
done
[ -n "$trials" ] && [ -n "$shards" ] && [ -n "$out" ] || usage
[ -n "$drsim" ] && [ -x "$drsim" ] || { echo "drsim not found: give --drsim PATH" >&2; exit 2; }
[ -f "$scenario" ] || { echo "no scenario file $scenario" >&2; exit 2; }
# Every task reads the same files: give them absolute paths, and check the study once here.
scenario="$(cd "$(dirname "$scenario")" && pwd)/$(basename "$scenario")"
drsim="$(cd "$(dirname "$drsim")" && pwd)/$(basename "$drsim")"
mkdir -p "$out/shards" "$out/logs"
out="$(cd "$out" && pwd)"
"$drsim" validate "$scenario" > /dev/null

if [ -n "$only" ]; then
  array=""
  for k in ${only//,/ }; do array+="${array:+,}$((k - 1))"; done
else
  array="0-$((shards - 1))"
fi
opts=()
[ -n "$partition" ] && opts+=(--partition "$partition")
[ -n "$time_limit" ] && opts+=(--time "$time_limit")
export DRSIM="$drsim" SCENARIO="$scenario" TRIALS="$trials" SEED="$seed" SHARDS="$shards" OUT="$out"
array_job="$(sbatch --parsable "${opts[@]}" --array="$array" --cpus-per-task="$cpus" --export=ALL \
  --output="$out/logs/shard-%a.out" "$here/exposure-shard.sbatch")"
array_job="${array_job%%;*}"
echo "shards: job $array_job (array $array), logs in $out/logs/"
merge_opts=("${opts[@]}" --parsable --dependency="afterok:$array_job" --kill-on-invalid-dep=yes --export=ALL
            --output="$out/logs/merge.out")
rm -rf "$out/merged"  # written again by the merge, and only by it
if [ "$wait" = 1 ]; then
  echo "merge: waiting for it (after job $array_job)"
  # sbatch --wait exits 0 for a merge that Slurm cancelled because a shard failed (it never
  # ran): success is a merge that completed and wrote its folder.
  merge_job="$(sbatch --wait "${merge_opts[@]}" "$here/exposure-merge.sbatch" || true)"
  state="$(scontrol show job "${merge_job%%;*}" -o 2>/dev/null | grep -o 'JobState=[A-Z_]*' || true)"
  if [ "$state" = JobState=COMPLETED ] && [ -d "$out/merged" ]; then
    echo "merged: $out/merged"
  else
    echo "the merge did not run or failed: see $out/logs/ (rerun a failed shard with --only K)" >&2
    exit 1
  fi
else
  merge_job="$(sbatch "${merge_opts[@]}" "$here/exposure-merge.sbatch")"
  echo "merge: job ${merge_job%%;*}, writes $out/merged"
fi
