#!/usr/bin/env bash
# `mpirun -np N drsim exposure` for real, on this machine (issue 14): the ranks split the
# trials, rank 0 gathers them in trial order and writes exactly the files of the
# single-process run; a rank that fails fails the run with its message and nothing is
# written; a refused --out stops every rank (no rank left waiting).
#   tests/cluster/mpi_test.sh DRSIM   (ctest: "cluster: mpi ranks")
set -euo pipefail
drsim="$1"
root="$(cd "$(dirname "$0")/../.." && pwd)"
scenario="$root/scenarios/examples/utility-exposure/scenario.yaml"
command -v mpirun > /dev/null || { echo "FAIL: mpirun not found (./build.sh installs openmpi-bin libopenmpi-dev libboost-mpi-dev)"; exit 1; }
work="$(mktemp -d /tmp/drsim-mpi-test.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mpi=(mpirun --allow-run-as-root --oversubscribe -np)
pass=0
ok() { echo "ok: $1"; pass=$((pass + 1)); }

"$drsim" exposure "$scenario" --trials 150 --seed 11 --threads 2 --out "$work/single" --quiet
for np in 2 3; do
  "${mpi[@]}" "$np" "$drsim" exposure "$scenario" --trials 150 --seed 11 --threads 1 --out "$work/np$np" --quiet
  diff -r "$work/single" "$work/np$np"
  ok "$np ranks write the single-process run's files byte for byte"
done

# A shard of the study under mpirun: the ranks split the shard's slice.
"$drsim" exposure "$scenario" --trials 150 --seed 11 --shard 2/3 --out "$work/shard-single" --quiet
"${mpi[@]}" 2 "$drsim" exposure "$scenario" --trials 150 --seed 11 --shard 2/3 --out "$work/shard-np2" --quiet
diff -r "$work/shard-single" "$work/shard-np2"
ok "--shard 2/3 over 2 ranks equals the shard run alone"

# Rank 1 fails: without the LSEs of AMMO, trials 5 and 7 of seed 7 (rank 1's half of 8)
# have charges with nowhere to go, trials 0-3 (rank 0's) settle.
grep -v "LSE-UTIL\|LSE-RETAIL" "$scenario" > "$work/no-ammo-lse.yaml"
"$drsim" exposure "$work/no-ammo-lse.yaml" --trials 8 --seed 7 --shard 1/2 --out "$work/half" --quiet
set +e
"${mpi[@]}" 2 "$drsim" exposure "$work/no-ammo-lse.yaml" --trials 8 --seed 7 --out "$work/failed" --quiet \
  > "$work/out.txt" 2> "$work/err.txt"
status=$?
set -e
[ "$status" -eq 2 ] || { echo "FAIL: exit $status, expected 2"; cat "$work/err.txt"; exit 1; }
first="$(head -1 "$work/err.txt")"
want="drsim exposure: rank 1: $work/no-ammo-lse.yaml:721:3: emergencies.EM-002: no LSE in the emergency's LBAs to receive its penalty charges"
[ "$first" = "$want" ] || { echo "FAIL: first line of stderr:"; echo "$first"; echo "expected:"; echo "$want"; exit 1; }
[ ! -e "$work/failed" ] || { echo "FAIL: a failed run wrote $work/failed"; exit 1; }
ok "a failing rank fails the run with its located message, nothing written"

# A non-empty --out is refused by rank 0 before any work, and every rank stops.
mkdir -p "$work/full" && touch "$work/full/keep"
set +e
timeout 120 "${mpi[@]}" 2 "$drsim" exposure "$scenario" --trials 20 --out "$work/full" --quiet 2> "$work/err2.txt"
status=$?
set -e
[ "$status" -eq 2 ] || { echo "FAIL: refused --out gave exit $status (124 is a hang)"; cat "$work/err2.txt"; exit 1; }
[ "$(ls "$work/full")" = keep ] || { echo "FAIL: the refused folder changed"; exit 1; }
ok "a refused --out stops every rank with exit 2"
echo "$pass passed, 0 failed"
