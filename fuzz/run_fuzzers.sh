#!/usr/bin/env bash
# Runs each fuzz target of build-fuzz (or of DRSIM_FUZZ_BUILD, e.g. build-asan, where ./build.sh test
# builds them with the tests) for SECONDS (default 30) on a fresh copy of the seed corpus.
#   fuzz/run_fuzzers.sh [SECONDS] [TARGET...]
# Fails when a target finds a crash (its input is kept as BUILD/findings/TARGET/crash-*).
# Long runs: see fuzz/README.md (same script, larger SECONDS, under nice).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-30}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(fuzz_scenario_loader fuzz_csv_reader fuzz_value_parsers fuzz_drill_report)
build="$root/${DRSIM_FUZZ_BUILD:-build-fuzz}"
bin="$build/fuzz"
work="$build/run"
"$root/fuzz/make_corpus.sh" "$build/corpus" >/dev/null
status=0
for t in "${targets[@]}"; do
  seeds="$build/corpus/${t#fuzz_}"
  rm -rf "$work/$t"
  mkdir -p "$work/$t/corpus" "$build/findings/$t"
  cp "$seeds"/* "$work/$t/corpus/"
  # -max_len: scenarios up to 64 KB, CSV and value inputs smaller; ASan reports leaks too.
  case "$t" in fuzz_scenario_loader) max_len=65536 ;; fuzz_csv_reader|fuzz_drill_report) max_len=16384 ;; *) max_len=256 ;; esac
  if ! "$bin/$t" "$work/$t/corpus" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$build/findings/$t/" >"$work/$t.log" 2>&1; then
    status=1
    echo "fuzz: $t FOUND A CRASH (see $work/$t.log and $build/findings/$t/)"
  fi
  # The last status line: executions, coverage (cov: edges, ft: features), corpus size.
  echo "fuzz: $t $(grep -E '^#[0-9]+' "$work/$t.log" | tail -n 1)"
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$work/$t.log" | tr '\n' ' '
  echo
done
exit "$status"
