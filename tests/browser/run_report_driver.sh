#!/usr/bin/env bash
# The browser-driver test of report.html at scale (ctest "browser: ..."): generates a 1,000-resource
# year, runs it, and drives its report.html in Debian's chromium with puppeteer-core (report_driver.mjs).
# usage: run_report_driver.sh DRSIM WORK_DIR
# puppeteer-core comes from the npm registry (package-lock.json), installed here by `npm ci` when
# missing; no browser is ever downloaded (PUPPETEER_SKIP_DOWNLOAD), Debian's /usr/bin/chromium is driven.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
drsim="$1"
work="$2"
command -v node >/dev/null || { echo "node is not installed: ./build.sh test installs the Debian packages nodejs npm"; exit 1; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "chromium is not installed: ./build.sh test installs it"; exit 1; }
export PUPPETEER_SKIP_DOWNLOAD=1
if [ ! -f "$here/node_modules/puppeteer-core/package.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
rm -rf "$work"
mkdir -p "$work"
# Escaping, end to end: the worked example with a resource id full of markup, a quote, a non-ASCII
# letter and a backslash; the page must decode it exactly to filter on it and draw its chart.
cp -r "$here/../../scenarios/examples/worked-example" "$work/escape"
python3 - "$work/escape" <<'PY'
import pathlib, sys
folder = pathlib.Path(sys.argv[1])
rid = "DR-<\u00e9>&'\\1"  # DR-<é>&'\1
quoted = '"' + rid.replace('\\', '\\\\').replace('"', '\\"') + '"'  # a YAML double-quoted scalar
for p in list(folder.rglob('*')):
    if p.is_file():
        text = p.read_text(encoding='utf-8')
        p.write_text(text.replace('DR-1', quoted if p.suffix == '.yaml' else rid), encoding='utf-8')
(folder.parent / 'escape-id.txt').write_bytes(rid.encode('utf-8'))
PY
id="$(cat "$work/escape-id.txt")"
"$drsim" run "$work/escape/scenario.yaml" --out "$work/escape-run" --quiet
node "$here/report_driver.mjs" "$work/escape-run/report.html" "$work/escape-shots" --id "$id"
"$drsim" generate --resources 1000 --days 365 --interval-minutes 60 --seed 1 --out "$work/scenario" >/dev/null
"$drsim" run "$work/scenario/scenario.yaml" --out "$work/run" --quiet
exec node "$here/report_driver.mjs" "$work/run/report.html" "$work/shots"
