#!/usr/bin/env bash
# Builds the fuzz seed corpora from the repo's scenarios and series CSVs (fuzz/README.md).
#   fuzz/make_corpus.sh [OUT_DIR]     default OUT_DIR: build-fuzz/corpus
# Writes OUT_DIR/scenario_loader/ (every scenario YAML, plus hand-made hostile seeds),
# OUT_DIR/csv_reader/ (the first 40 lines of every series CSV) and OUT_DIR/value_parsers/
# (numbers and times). Seeds are named by content hash, so re-running adds nothing twice.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/build-fuzz/corpus}"
mkdir -p "$out/scenario_loader" "$out/csv_reader" "$out/value_parsers" "$out/drill_report"

seed() {  # seed DIR < bytes
  local tmp
  tmp="$(mktemp)"
  cat >"$tmp"
  mv "$tmp" "$1/$(sha1sum "$tmp" | cut -c1-16)"
}

find "$root/scenarios" -name '*.yaml' -not -path '*/accredit/*' -print0 |
  while IFS= read -r -d '' f; do seed "$out/scenario_loader" <"$f"; done
# Hostile shapes the mutator would take long to find on its own.
printf 'a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n' | seed "$out/scenario_loader"
printf 'drsim: 1\nx: [[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]\n' | seed "$out/scenario_loader"
printf '\xef\xbb\xbfdrsim: 1\r\nname: bom\r\n' | seed "$out/scenario_loader"
printf 'drsim: 1\nname: "\xff\xfe"\n\tplanning_year: 2025\n' | seed "$out/scenario_loader"

find "$root/scenarios" -name '*.csv' -print0 |
  while IFS= read -r -d '' f; do head -n 40 "$f" | seed "$out/csv_reader"; done
printf 'resource,interval_start,interval_minutes,mw\r\n"DR,1",2025-07-15T15:00,5,"1,5"\r\n' | seed "$out/csv_reader"
printf '\xef\xbb\xbfresource,interval_start,interval_minutes,mw\nDR-1,2025-07-15T15:00-04:00,15,1e308\n' |
  seed "$out/csv_reader"
# v1.2: columns by name (reordered, extra, repeated), a field count off by one, negative and out-of-order meter rows.
printf 'mw,note,interval_minutes,resource,interval_start\n-0.5,"a,b",15,DR-1,2025-07-15T15:15\n1,,15,DR-1,2025-07-15T15:00\n' |
  seed "$out/csv_reader"
printf 'cpnode,hour_start,usd_per_mwh\nAMMO.DR1,2025-07-15T17:00,1,980\nAMMO.DR1,2025-07-15T18:00\n' | seed "$out/csv_reader"
printf 'resource,mw,interval_start,mw\nDR-1,1,2025-07-15T15:00,2\n' | seed "$out/csv_reader"

for v in 0 -0 1.5 -12.345678 1e3 1,000 NaN inf 99999999999999 0.0000005 2025-07-15T15:00 \
         2025-07-15T15:00-05:00 2025-07-15T15:00+14:00 2025-02-29T00:00 2024-02-29 2025-07-15T24:00 12.34; do
  printf '%s' "$v" | seed "$out/value_parsers"
done
# The drill's reports: a target, readings (one over, one not yet), and broken shapes.
r='{"programID":"program-1","eventID":"event-1","clientName":"VEN","resources":[{"resourceName":"DR-1","intervals":'
printf '%s[{"id":0,"payloads":[{"type":"TARGET_MW","values":[10]}]}]}]}' "$r" | seed "$out/drill_report"
printf '%s[{"id":0,"intervalPeriod":{"start":"2025-07-15T15:00:00-05:00","duration":"PT1H"},"payloads":[{"type":"METERED_MW","values":[12.5]}]},{"id":1,"intervalPeriod":{"start":"2025-07-15T16:00:00Z","duration":"PT15M"},"payloads":[{"type":"METERED_MW","values":["1e3"]}]}]}]}' "$r" |
  seed "$out/drill_report"
printf '%s[{"id":0,"intervalPeriod":{"start":"2025-07-15T15:00:00-05:00","duration":"PT1H"},"payloads":[{"type":"TARGET_MW","values":[3.25]}]}]}]}' "$r" |
  seed "$out/drill_report"
printf '{"programID":[],"resources":{"a":1}}' | seed "$out/drill_report"
printf '[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]' | seed "$out/drill_report"
echo "corpus: $(ls "$out/scenario_loader" | wc -l) scenarios, $(ls "$out/csv_reader" | wc -l) csv, \
$(ls "$out/value_parsers" | wc -l) values in $out"
