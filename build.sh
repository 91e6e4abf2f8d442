#!/usr/bin/env bash
# drsim set-up: installs what is missing (Debian 12, as root), builds, then
#   ./build.sh demo   runs the main job on the bundled scenario and writes its outputs and report
#   ./build.sh test   runs the whole test suite (what CI runs): the release build's tests, then the
#                     sanitizer build's unit, hostile-input and small golden tests, then each fuzz
#                     target of that build for DRSIM_FUZZ_SECONDS (default 30) (docs/hardening.md)
#   ./build.sh unit   only the release build's tests (quick, while developing)
#   ./build.sh build  only builds
set -euo pipefail
cd "$(dirname "$0")"
mode="${1:-build}"

packages=(g++ cmake make pkg-config python3 python3-jsonschema python3-yaml sqlite3 libsqlite3-dev
          libboost-dev libsqlitecpp-dev libyaml-cpp-dev catch2 libcli11-dev libfmt-dev
          libhowardhinnant-date-dev libxlsxwriter-dev nlohmann-json3-dev
          openmpi-bin libopenmpi-dev libboost-mpi-dev)  # mpirun -np N drsim exposure (cluster/README.md)
# Only for the tests: the browser test renders report.html in headless Chromium (tests/browser/);
# xmllint checks drsim check --junit against the JUnit schema (tests/app/check_many_test.cpp);
# slurm-wlm and munge run the Slurm recipe on a single-node Slurm (tests/cluster/slurm_test.sh);
# LibreOffice recalculates eo.xlsx and prints it to PDF, poppler's pdfinfo/pdftotext read the
# pages (tests/reports/eo_libreoffice_check.py; about 60 packages, some 40 s to install);
# node and npm run puppeteer-core (from the npm registry, tests/browser/package-lock.json), which drives
# that chromium through a 1,000-resource report (tests/browser/run_report_driver.sh).
# A node that is already there (e.g. NodeSource's nodejs, which bundles npm) is used as it is.
# pandas reads results.sqlite as an analyst would (tests/reports/scripts/pandas_check.py).
test_packages=(chromium libxml2-utils slurm-wlm munge libreoffice-calc-nogui poppler-utils
               python3-pandas)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then test_packages+=(nodejs npm); fi
case "$mode" in test|unit) packages+=("${test_packages[@]}") ;; esac
if [ "$mode" = test ]; then packages+=(clang libclang-rt-14-dev); fi  # the sanitizer build and libFuzzer
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "build.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build_dir="${DRSIM_BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_UNITY_BUILD=ON -DDRSIM_WERROR=ON >/dev/null
if [ "$mode" = demo ]; then
  cmake --build "$build_dir" -j2 --target drsim  # the program only: no tests, no benchmarks
else
  cmake --build "$build_dir" -j2
fi

case "$mode" in
  build) ;;
  demo)
    # Puts drsim on the PATH (/usr/local/bin; DRSIM_PREFIX to choose), then replays the bundled event.
    cmake --install "$build_dir" --prefix "${DRSIM_PREFIX:-/usr/local}" >/dev/null
    scenario="${DRSIM_DEMO_SCENARIO:-scenarios/real/elliott-2022/scenario.yaml}"
    "$build_dir/app/drsim" run "$scenario" --out out/demo --force
    echo "outputs and report: out/demo/ (drsim is installed as $(command -v drsim || echo "${DRSIM_PREFIX:-/usr/local}/bin/drsim"))"
    ;;
  unit)
    ctest --test-dir "$build_dir" --output-on-failure -j2
    ;;
  test)
    ctest --test-dir "$build_dir" --output-on-failure -j2
    echo "build.sh: release build and tests done at ${SECONDS} s"
    # One clang tree for the sanitizer tests and the fuzz targets (docs/hardening.md).
    cmake --preset asan >/dev/null
    cmake --build --preset asan -j2
    echo "build.sh: sanitizer build done at ${SECONDS} s"
    ctest --preset asan-ci
    echo "build.sh: sanitizer tests done at ${SECONDS} s"
    DRSIM_FUZZ_BUILD=build-asan fuzz/run_fuzzers.sh "${DRSIM_FUZZ_SECONDS:-30}"
    echo "build.sh: fuzz runs done at ${SECONDS} s"
    ;;
  *) echo "usage: ./build.sh [build|demo|test|unit]" >&2; exit 2 ;;
esac
