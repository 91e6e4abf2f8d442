#!/bin/sh
# Regenerates every scenarios/real/<event>/data/*.csv from the raw rows in <event>/source/ with `drsim import`.
# Usage: DRSIM=path/to/drsim scenarios/real/make.sh   (default: build/app/drsim under the repo root)
# The portfolio (which building stands for which resource, the scale factors, the
# response fractions in the instruction windows) is ASSUMED; the source rows are real.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
DRSIM=${DRSIM:-$here/../../build/app/drsim}

# meter OUT FILE RESOURCE FACTOR [more drsim import meter options]: appends one resource's meter.
meter() {
  out=$1 file=$2 resource=$3 factor=$4
  shift 4
  header=--no-header
  [ -s "$out" ] || header=
  "$DRSIM" import meter "$file" --resource "$resource" --factor "$factor" $header "$@" >> "$out"
}

# ---------------------------------------------------------------- polar-vortex-2019
e=$here/polar-vortex-2019; s=$e/source; d=$e/data; mkdir -p "$d"; rm -f "$d"/*.csv
"$DRSIM" import lmp --format miso-he --node ILLINOIS.HUB --cpnode AMMO.LMR_ILHUB \
  "$s/miso_hub_lmp_2019_rt_p05_ILLINOIS.HUB_2019-01-30_to_31.csv" > "$d/lmp.csv"
"$DRSIM" import load --lse LSE-AMEREN=0.85 --lse LSE-COOP=0.10 --lse LSE-MUNI=0.05 --from 2019-01-30 --to 2019-01-31 \
  "$s/eia930_MISO-0035_2019-01-30T06_to_2019-02-01T05_UTC.csv" > "$d/lse_load.csv"
W30=2019-01-30T07:00,2019-01-30T11:00 W31=2019-01-31T07:00,2019-01-31T11:00
meter "$d/meter.csv" "$s/UCam_Building_b2_electricity_2019-01-01_to_2019-01-31.csv" PV-DR-B2 10 --window $W30,0.3 --window $W31,0.3
meter "$d/meter.csv" "$s/UCam_Building_b5_electricity_2019-01-01_to_2019-01-31.csv" PV-DR-B5 20 --window $W30,0.8
meter "$d/meter.csv" "$s/UCam_Building_b41_electricity_2019-01-01_to_2019-01-31.csv" PV-DR-B41 40 --window $W30,0.5
meter "$d/meter.csv" "$s/UCam_Building_b27_electricity_2019-01-30_to_2019-01-31.csv" PV-FSL-B27 20 --window $W30,0.5 --window $W31,0.5
meter "$d/meter.csv" "$s/UCam_Building_b35_electricity_2019-01-30_to_2019-01-31.csv" PV-FSL-B35 10 --window $W30,0.2 --window $W31,0.2
meter "$d/meter.csv" "$s/UCam_Building_b6_electricity_2019-01-30_to_2019-01-31.csv" PV-BTMG-B6 20 --window $W30,1 --windows-only

# ---------------------------------------------------------------- elliott-2022
e=$here/elliott-2022; s=$e/source; d=$e/data; mkdir -p "$d"; rm -f "$d"/*.csv
"$DRSIM" import lmp --format eia --node "Indiana Hub LMP" --cpnode CIN.LMR_INHUB \
  "$s/miso_lmp_rt_hr_hubs_2022-12-23.csv" > "$d/lmp.csv"
"$DRSIM" import lmp --format eia --node "Indiana Hub LMP" --cpnode CIN.LMR_INHUB --no-header \
  "$s/miso_lmp_rt_hr_hubs_2022-12-24.csv" >> "$d/lmp.csv"
"$DRSIM" import load --lse LSE-IOU=0.70 --lse LSE-COOP=0.20 --lse LSE-MUNI=0.10 --from 2022-12-23 --to 2022-12-23 \
  "$s/eia930_MISO-0006_2022-12-23T06_to_2022-12-24T05_UTC.csv" > "$d/lse_load.csv"
"$DRSIM" import load --lse LSE-IOU=0.70 --lse LSE-COOP=0.20 --lse LSE-MUNI=0.10 --from 2022-12-24 --to 2022-12-24 --no-header \
  "$s/eia930_MISO-0006_2022-12-24T06_to_2022-12-25T05_UTC.csv" >> "$d/lse_load.csv"
W=2022-12-23T16:00,2022-12-23T19:00
W24=2022-12-24T16:00,2022-12-24T19:00   # ASSUMED second instruction of EL-BTMG-B6 only
meter "$d/meter.csv" "$s/UCam_Building_b2_electricity_2022-11-20_to_2022-12-23.csv" EL-DR-B2 10 --window $W,0.3
meter "$d/meter.csv" "$s/UCam_Building_b35_electricity_2022-11-20_to_2022-12-23.csv" EL-DR-B35 20 --window $W,0.7
meter "$d/meter.csv" "$s/UCam_Building_b5_electricity_2022-11-20_to_2022-12-23.csv" EL-DR-B5 10 --window $W,0.5
meter "$d/meter.csv" "$s/UCam_Building_b27_electricity_2022-12-23.csv" EL-FSL-B27 20 --window $W,0.5
meter "$d/meter.csv" "$s/UCam_Building_b6_electricity_2022-12-23.csv" EL-BTMG-B6 30 --window $W,1 --windows-only
# 24 Dec: ASSUMED cold-weather derate, the generator makes 0.8 of its host building's load
meter "$d/meter.csv" "$s/UCam_Building_b6_electricity_2022-12-24.csv" EL-BTMG-B6 30 --window $W24,0.8 --windows-only
meter "$d/meter.csv" "$s/UCam_Building_b41_electricity_2022-12-23.csv" EL-FSL-B41 20 --window $W,0.3

# ---------------------------------------------------------------- fern-2026
# Building readings of Nov-Dec 2023 shifted +763 days (109 weeks): 2023-12-23 (Sat) -> 2026-01-24 (Sat).
e=$here/fern-2026; s=$e/source; d=$e/data; mkdir -p "$d"; rm -f "$d"/*.csv
"$DRSIM" import lmp --format miso-he --node MINN.HUB --cpnode NSP.LMR_MNHUB \
  "$s/miso_hub_lmp_2026_rt_p04_MINN.HUB_LMP_2026-01-22.csv" > "$d/lmp.csv"
"$DRSIM" import lmp --format miso-he --node MINN.HUB --cpnode NSP.LMR_MNHUB --no-header \
  "$s/miso_hub_lmp_2026_rt_p04_MINN.HUB_LMP_2026-01-24.csv" >> "$d/lmp.csv"
"$DRSIM" import load --subba 0001 --lse LSE-IOU=0.60 --lse LSE-COOP=0.30 --lse LSE-MUNI=0.10 --from 2026-01-24 --to 2026-01-24 \
  "$s/miso_subba_demand_0001_2026-01-24T06_to_2026-01-25T05_UTC.csv" > "$d/lse_load.csv"
W=2026-01-24T07:00,2026-01-24T11:00 SH="--shift-days 763"
W22=2026-01-22T21:00,2026-01-23T00:00   # ASSUMED first instruction of FE-DR-B5 only
meter "$d/meter.csv" "$s/UCam_Building_b2_electricity_2023-11-19_to_2023-12-23.csv" FE-DR-B2 10 $SH --window $W,0.3
meter "$d/meter.csv" "$s/UCam_Building_b5_electricity_2023-11-19_to_2023-12-23.csv" FE-DR-B5 20 $SH --window $W22,0.85 --window $W,0.85
meter "$d/meter.csv" "$s/UCam_Building_b6_electricity_2023-11-19_to_2023-12-23.csv" FE-DR-B6 10 $SH --window $W,0.5
meter "$d/meter.csv" "$s/UCam_Building_b35_electricity_2023-12-23.csv" FE-FSL-B35 10 $SH --window $W,0.9
meter "$d/meter.csv" "$s/UCam_Building_b27_electricity_2023-12-23.csv" FE-BTMG-B27 10 $SH --window $W,1 --windows-only
meter "$d/meter.csv" "$s/UCam_Building_b41_electricity_2023-12-23.csv" FE-FSL-B41 20 $SH
echo "regenerated: $(ls "$here"/*/data/*.csv | wc -l) files"
