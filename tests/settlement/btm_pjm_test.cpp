// PJM co-located load (rules.md 7.3): host load used by age, capacity value and CIR; seed 002's example.
#include <catch2/catch.hpp>

#include "settlement/btm/pjm_colocated.hpp"

using namespace drsim;
using namespace drsim::btm;

namespace {
Mw m(const char* t) { return Mw(*Decimal::parse(t)); }
std::string s(Mw v) { return v.value().str(); }
Date ymd(int y, int mo, int d) { return Date::from_ymd(y, mo, d); }
HourlyLoad reading(Date d, int hour, const char* mw) { return {MarketTime::at(d, hour), m(mw)}; }

PjmColocatedInput seed_unit() {
  PjmColocatedInput in;
  in.gross_capability = m("100");
  in.host_load_in_service = ymd(2024, 6, 1);
  in.as_of = ymd(2024, 6, 1);
  in.isa_max_expected_host_load = m("20");
  return in;
}
}  // namespace

TEST_CASE("seed 002: a 100 MW unit with 20 MW of new host load has 80 MW of CIR and capacity value",
          "[btm][pjm]") {
  const auto r = compute_pjm_colocated(seed_unit());
  CHECK(r.under_three_years);
  CHECK_FALSE(r.highest_metered.has_value());
  CHECK(s(r.host_load_used) == "20");   // the ISA figure, nothing metered yet
  CHECK(s(r.capacity_before) == "100");
  CHECK(s(r.capacity_value) == "80");   // 100 - 0 - 20
  CHECK(s(r.cir_before) == "100");
  CHECK(s(r.cir_after) == "80");
}

TEST_CASE("under 3 years the higher of metered and ISA expected host load is used", "[btm][pjm]") {
  auto in = seed_unit();
  in.as_of = ymd(2025, 6, 1);
  in.metered_host_load = {reading(ymd(2024, 8, 1), 15, "22"), reading(ymd(2024, 9, 1), 15, "18")};
  CHECK(s(compute_pjm_colocated(in).host_load_used) == "22");  // max(22, 20)
  in.metered_host_load = {reading(ymd(2024, 8, 1), 15, "18")};
  CHECK(s(compute_pjm_colocated(in).host_load_used) == "20");  // max(18, 20)
  // A reading before the load entered service is not its metered load.
  in.metered_host_load = {reading(ymd(2024, 5, 31), 23, "50")};
  CHECK(s(compute_pjm_colocated(in).host_load_used) == "20");
}

TEST_CASE("at 3 years in service the metered load of the last 3 years alone counts", "[btm][pjm]") {
  auto in = seed_unit();
  in.host_load_in_service = ymd(2021, 6, 1);
  in.isa_max_expected_host_load = m("30");
  in.metered_host_load = {reading(ymd(2022, 7, 1), 14, "25")};
  in.as_of = ymd(2024, 5, 31);  // one day short of 3 years: the ISA's 30 still counts
  auto r = compute_pjm_colocated(in);
  CHECK(r.under_three_years);
  CHECK(s(r.host_load_used) == "30");
  in.as_of = ymd(2024, 6, 1);   // 3 years: metered only
  r = compute_pjm_colocated(in);
  CHECK_FALSE(r.under_three_years);
  CHECK(r.metered_window.begin == ymd(2021, 6, 1));
  CHECK(s(r.host_load_used) == "25");
  CHECK(s(r.capacity_value) == "75");
}

TEST_CASE("the 3-year window drops older readings", "[btm][pjm]") {
  auto in = seed_unit();
  in.host_load_in_service = ymd(2019, 1, 1);
  in.as_of = ymd(2025, 6, 1);  // window [2022-06-01, 2025-06-01)
  in.metered_host_load = {reading(ymd(2022, 5, 31), 23, "40"), reading(ymd(2022, 6, 1), 0, "35"),
                          reading(ymd(2025, 6, 1), 0, "60")};
  CHECK(s(compute_pjm_colocated(in).host_load_used) == "35");
  in.metered_host_load = {reading(ymd(2022, 5, 31), 23, "40")};
  CHECK_THROWS_AS(compute_pjm_colocated(in), std::invalid_argument);  // nothing in the window
}

TEST_CASE("station service reduces ICAP and CIR, a given CIR is reduced by the host load", "[btm][pjm]") {
  auto in = seed_unit();
  in.station_service = m("5");
  auto r = compute_pjm_colocated(in);
  CHECK(s(r.capacity_value) == "75");  // 100 - 5 - 20
  CHECK(s(r.cir_after) == "75");       // CIR defaults to 95; min(95 - 20, 100 - 5 - 20)
  in.cir_before = m("90");
  CHECK(s(compute_pjm_colocated(in).cir_after) == "70");  // min(90 - 20, 75)
}

TEST_CASE("an ELCC resource subtracts the host load from its accredited UCAP", "[btm][pjm]") {
  auto in = seed_unit();
  in.kind = PjmResourceKind::elcc;
  in.station_service = m("3");
  in.accredited_ucap = m("60");
  const auto r = compute_pjm_colocated(in);
  CHECK(s(r.capacity_before) == "60");
  CHECK(s(r.capacity_value) == "40");  // 60 - 20: station service is already in the accreditation
  CHECK(s(r.cir_after) == "77");       // 100 - 3 - 20
  in.accredited_ucap.reset();
  CHECK_THROWS_AS(compute_pjm_colocated(in), std::invalid_argument);
}

TEST_CASE("capacity value is not negative, no figure at all is an error", "[btm][pjm]") {
  auto in = seed_unit();
  in.isa_max_expected_host_load = m("120");
  CHECK(s(compute_pjm_colocated(in).capacity_value) == "0");
  in.isa_max_expected_host_load.reset();
  CHECK_THROWS_AS(compute_pjm_colocated(in), std::invalid_argument);
}

TEST_CASE("3 years after 29 February is 1 March", "[btm][pjm]") {
  CHECK(add_years(ymd(2024, 2, 29), 3) == ymd(2027, 3, 1));
  CHECK(add_years(ymd(2024, 2, 29), 4) == ymd(2028, 2, 29));
  CHECK(add_years(ymd(2025, 6, 1), -3) == ymd(2022, 6, 1));
}
