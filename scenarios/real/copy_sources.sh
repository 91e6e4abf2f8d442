#!/bin/sh
# Copies, unchanged (whole lines, header kept), the raw rows the replays need from
# the shared data folder into <event>/source/. Run once; make.sh works from source/.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# The shared data folder sits beside the checkout (../shared/data).
DATA=${DRSIM_DATA:-$(cd "$here/../../.." && pwd)/shared/data}
B=$DATA/ci_meter_cambridge_estates

# rows FILE PATTERN OUT [HEADER_LINES]: the first HEADER_LINES lines, then the lines matching PATTERN.
rows() {
  n=${4:-1}
  { head -n "$n" "$1"; tail -n +"$((n + 1))" "$1" | grep -E "$2"; } > "$3"
}

# --- polar-vortex-2019: 2019-01-30/31, LRZ 5 (Ameren Missouri), ILLINOIS.HUB, EIA-930 sub-BA 0035
o=$here/polar-vortex-2019/source; mkdir -p "$o"
rows "$DATA/miso_hub_lmp/miso_hub_lmp_2019_rt_p05.csv" '^2019-01-3[01],ILLINOIS\.HUB,' "$o/miso_hub_lmp_2019_rt_p05_ILLINOIS.HUB_2019-01-30_to_31.csv"
# EST days Jan 30-31 are UTC hour-endings 2019-01-30 06:00 .. 2019-02-01 05:00
rows "$DATA/eia930_miso_demand/2019-01-28_to_2019-02-02_UTC/MISO-0035.csv" \
  '^(2019-01-30 (0[6-9]|1[0-9]|2[0-3]):|2019-01-31 |2019-02-01 0[0-5]:)' "$o/eia930_MISO-0035_2019-01-30T06_to_2019-02-01T05_UTC.csv"
for b in b2 b5 b41; do   # baseline resources: history from Jan 1 for the 10-day default baseline
  rows "$B/UCam_Building_${b}_electricity_2019-01-01_to_2019-02-04.csv" '^2019-01-([0-2][0-9]|3[01]) ' "$o/UCam_Building_${b}_electricity_2019-01-01_to_2019-01-31.csv"
done
for b in b27 b35 b6; do  # FSL and BTMG resources: the event days only
  rows "$B/UCam_Building_${b}_electricity_2019-01-01_to_2019-02-04.csv" '^2019-01-3[01] ' "$o/UCam_Building_${b}_electricity_2019-01-30_to_2019-01-31.csv"
done

# --- elliott-2022: 2022-12-23, LRZ 6 (Indiana), Indiana Hub (EIA-compiled RT), EIA-930 sub-BA 0006
o=$here/elliott-2022/source; mkdir -p "$o"
rows "$DATA/eia_miso_rt_hub_lmp/miso_lmp_rt_hr_hubs_2022-12-20_to_2022-12-27.csv" '^[^,]*,[^,]*,[^,]*,2022-12-23,' "$o/miso_lmp_rt_hr_hubs_2022-12-23.csv" 4
rows "$DATA/eia930_miso_demand/2022-12-20_to_2022-12-28_UTC/MISO-0006.csv" \
  '^(2022-12-23 (0[6-9]|1[0-9]|2[0-3])|2022-12-24 0[0-5]):' "$o/eia930_MISO-0006_2022-12-23T06_to_2022-12-24T05_UTC.csv"
for b in b2 b35 b5; do
  rows "$B/UCam_Building_${b}_electricity_2022-11-20_to_2022-12-28.csv" '^(2022-11-[0-9]{2}|2022-12-([01][0-9]|2[0-3])) ' "$o/UCam_Building_${b}_electricity_2022-11-20_to_2022-12-23.csv"
done
for b in b27 b6 b41; do
  rows "$B/UCam_Building_${b}_electricity_2022-11-20_to_2022-12-28.csv" '^2022-12-23 ' "$o/UCam_Building_${b}_electricity_2022-12-23.csv"
done
# 24 Dec 2022 (ASSUMED second instruction of EL-BTMG-B6, 16:00-19:00): its real price, load and host-building rows
rows "$DATA/eia_miso_rt_hub_lmp/miso_lmp_rt_hr_hubs_2022-12-20_to_2022-12-27.csv" '^[^,]*,[^,]*,[^,]*,2022-12-24,' "$o/miso_lmp_rt_hr_hubs_2022-12-24.csv" 4
rows "$DATA/eia930_miso_demand/2022-12-20_to_2022-12-28_UTC/MISO-0006.csv" \
  '^(2022-12-24 (0[6-9]|1[0-9]|2[0-3])|2022-12-25 0[0-5]):' "$o/eia930_MISO-0006_2022-12-24T06_to_2022-12-25T05_UTC.csv"
rows "$B/UCam_Building_b6_electricity_2022-11-20_to_2022-12-28.csv" '^2022-12-24 ' "$o/UCam_Building_b6_electricity_2022-12-24.csv"

# --- fern-2026: 2026-01-24, LRZ 1, MINN.HUB, EIA-930 sub-BA 0001 (API v2 file, descending, gap T07..T15 UTC)
o=$here/fern-2026/source; mkdir -p "$o"
rows "$DATA/miso_hub_lmp/miso_hub_lmp_2026_rt_p04_2026-01-22_to_24.csv" '^2026-01-24,MINN\.HUB,Hub,LMP,' "$o/miso_hub_lmp_2026_rt_p04_MINN.HUB_LMP_2026-01-24.csv"
# 22 Jan 2026 (ASSUMED first instruction of FE-DR-B5, 21:00-24:00): its real price row. The EIA source
# has no rows for 22 Jan, so that instruction is allocated on the static shares (rules.md 4.10).
rows "$DATA/miso_hub_lmp/miso_hub_lmp_2026_rt_p04_2026-01-22_to_24.csv" '^2026-01-22,MINN\.HUB,Hub,LMP,' "$o/miso_hub_lmp_2026_rt_p04_MINN.HUB_LMP_2026-01-22.csv"
rows "$DATA/eia930_miso_demand/2026-01-24_to_2026-01-25_UTC/miso_subba_demand_2026-01-24T00_to_2026-01-25T12_UTC.csv" \
  '^(2026-01-24T(0[6-9]|1[0-9]|2[0-3])|2026-01-25T0[0-5]),0001,' "$o/miso_subba_demand_0001_2026-01-24T06_to_2026-01-25T05_UTC.csv"
# Building readings of 2023-11-19..12-25 stand in, shifted +763 days (109 weeks): weekdays line up.
for b in b2 b5 b6; do
  rows "$B/UCam_Building_${b}_electricity_2023-11-19_to_2023-12-25.csv" '^(2023-11-[0-9]{2}|2023-12-([01][0-9]|2[0-3])) ' "$o/UCam_Building_${b}_electricity_2023-11-19_to_2023-12-23.csv"
done
for b in b35 b27 b41; do
  rows "$B/UCam_Building_${b}_electricity_2023-11-19_to_2023-12-25.csv" '^2023-12-23 ' "$o/UCam_Building_${b}_electricity_2023-12-23.csv"
done
