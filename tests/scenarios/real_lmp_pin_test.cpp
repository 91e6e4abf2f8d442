// Pins two real LMP hours per replay: the scenario's lmp.csv and the raw source row hold the same literal price.
#include <catch2/catch.hpp>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "settlement/decimal.hpp"

namespace {
const std::string kRealScenarios = std::string(DRSIM_SOURCE_DIR) + "/scenarios/real/";

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string field;
  while (std::getline(ss, field, ',')) out.push_back(field);
  return out;
}

// Field `column` of the first line of `file` that starts with `prefix`.
std::optional<drsim::Decimal> field_of(const std::string& file, const std::string& prefix, std::size_t column) {
  std::ifstream in(kRealScenarios + file);
  REQUIRE(in);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind(prefix, 0) != 0) continue;
    const auto f = split(line);
    REQUIRE(column < f.size());
    return drsim::Decimal::parse(f[column]);
  }
  return std::nullopt;
}

drsim::Decimal pinned_decimal(const char* text) { return *drsim::Decimal::parse(text); }
}  // namespace

TEST_CASE("polar vortex: ILLINOIS.HUB RT 2019-01-30 HE9 and 2019-01-31 HE8", "[real][lmp]") {
  const std::string raw = "polar-vortex-2019/source/miso_hub_lmp_2019_rt_p05_ILLINOIS.HUB_2019-01-30_to_31.csv";
  const std::string csv = "polar-vortex-2019/data/lmp.csv";
  // Raw: date,node,type,value,he01.. so HE h is column 3 + h.
  CHECK(field_of(raw, "2019-01-30,ILLINOIS.HUB,", 3 + 9) == pinned_decimal("571.23"));
  CHECK(field_of(csv, "AMMO.LMR_ILHUB,2019-01-30T08:00,", 2) == pinned_decimal("571.23"));
  CHECK(field_of(raw, "2019-01-31,ILLINOIS.HUB,", 3 + 8) == pinned_decimal("182.50"));
  CHECK(field_of(csv, "AMMO.LMR_ILHUB,2019-01-31T07:00,", 2) == pinned_decimal("182.50"));
}

TEST_CASE("elliott: Indiana Hub RT 2022-12-23 HE18 2,411.71 and HE17 2,346.30", "[real][lmp]") {
  const std::string raw = "elliott-2022/source/miso_lmp_rt_hr_hubs_2022-12-23.csv";
  const std::string csv = "elliott-2022/data/lmp.csv";
  // Raw: UTC end, EST begin, EST end, date, HE, then Arkansas, Illinois, Indiana (column 7).
  CHECK(field_of(raw, "2022-12-23 23:00:00,2022-12-23 17:00:00,", 7) == pinned_decimal("2411.71"));
  CHECK(field_of(csv, "CIN.LMR_INHUB,2022-12-23T17:00,", 2) == pinned_decimal("2411.71"));
  CHECK(field_of(raw, "2022-12-23 22:00:00,2022-12-23 16:00:00,", 7) == pinned_decimal("2346.3"));
  CHECK(field_of(csv, "CIN.LMR_INHUB,2022-12-23T16:00,", 2) == pinned_decimal("2346.30"));
}

TEST_CASE("fern: MINN.HUB RT 2026-01-24 HE10 2,102.44 and HE8 2,036.43", "[real][lmp]") {
  const std::string raw = "fern-2026/source/miso_hub_lmp_2026_rt_p04_MINN.HUB_LMP_2026-01-24.csv";
  const std::string csv = "fern-2026/data/lmp.csv";
  CHECK(field_of(raw, "2026-01-24,MINN.HUB,Hub,LMP,", 3 + 10) == pinned_decimal("2102.44"));
  CHECK(field_of(csv, "NSP.LMR_MNHUB,2026-01-24T09:00,", 2) == pinned_decimal("2102.44"));
  CHECK(field_of(raw, "2026-01-24,MINN.HUB,Hub,LMP,", 3 + 8) == pinned_decimal("2036.43"));
  CHECK(field_of(csv, "NSP.LMR_MNHUB,2026-01-24T07:00,", 2) == pinned_decimal("2036.43"));
}

TEST_CASE("fern: the lse_load series has no row in the EIA gap, so allocation uses static shares", "[real][lmp]") {
  const std::string csv = "fern-2026/data/lse_load.csv";
  // EST 01:00..09:00 on 24 Jan (UTC hour-endings T07..T15) are absent for every LSE ...
  for (const char* hour : {"01", "05", "07", "08", "09"})
    CHECK_FALSE(field_of(csv, std::string("LSE-IOU,2026-01-24T") + hour + ":00,", 2).has_value());
  // ... and 10:00 (UTC T16, 12078 MWh) is there, split 0.60: 7246.8.
  CHECK(field_of(csv, "LSE-IOU,2026-01-24T10:00,", 2) == pinned_decimal("7246.8"));
}
