// MISO BTMG registration rules (rules.md 7.1): dates of seed 003, field shapes, season fields, certified MP.
#include <catch2/catch.hpp>

#include "settlement/btm/miso_btmg_registration.hpp"

using namespace drsim;
using namespace drsim::btm;

namespace {
Date ymd(int y, int mo, int d) { return Date::from_ymd(y, mo, d); }

MisoBtmgRegistration good() {
  MisoBtmgRegistration r;
  r.name = "Plant A";
  r.market_participant = "MP-UTIL";
  r.mp_certified = true;
  r.drc_forecast = Mw(Decimal::from_int(12));
  r.contact_phone = "(314) 555-0142";
  r.contact_email = "ops@plant-a.example.com";
  r.protocol = "metered_generation";
  r.planning_year = 2025;
  r.new_lmr = false;
  r.submitted = ymd(2025, 1, 20);
  r.statements_accepted = true;
  MisoBtmgSeason s;
  s.season = Season::summer;
  s.status = "active";
  s.generators = {"G1"};
  s.xeford_override = Decimal::parse("0.05");
  s.max_interruptions = 5;
  s.max_duration_h = 4;
  s.months = {6, 7, 8};
  s.notification_h = Decimal::from_int(2);
  r.seasons.push_back(s);
  return r;
}

std::vector<std::string> keys(const std::vector<MisoFinding>& fs) {
  std::vector<std::string> k;
  for (const auto& f : fs) k.push_back(f.key + (f.warning ? " (warning)" : ""));
  return k;
}
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("a complete registration has no findings", "[btm][miso]") { CHECK(check_registration(good()).empty()); }

TEST_CASE("seed 003 dates for PY 2025-26: Feb 1, Mar 1, Feb 15", "[btm][miso]") {
  CHECK(existing_lmr_due(2025) == ymd(2025, 2, 1));
  CHECK(new_lmr_due(2025) == ymd(2025, 3, 1));
  CHECK(frap_rbdc_due(2025) == ymd(2025, 2, 15));
}

TEST_CASE("an existing LMR is due February 1, inclusive", "[btm][miso]") {
  auto r = good();
  r.submitted = ymd(2025, 2, 1);
  CHECK(check_registration(r).empty());
  r.submitted = ymd(2025, 2, 2);
  CHECK(keys(check_registration(r)) == V{"submitted"});
}

TEST_CASE("a new LMR is due March 1, after February 15 it only warns about FRAP and RBDC", "[btm][miso]") {
  auto r = good();
  r.new_lmr = true;
  r.submitted = ymd(2025, 2, 15);
  CHECK(check_registration(r).empty());
  r.submitted = ymd(2025, 2, 16);
  CHECK(keys(check_registration(r)) == V{"submitted (warning)"});
  r.submitted = ymd(2025, 3, 1);
  CHECK(keys(check_registration(r)) == V{"submitted (warning)"});
  r.submitted = ymd(2025, 3, 2);  // missed: an error, and no extra warning
  CHECK(keys(check_registration(r)) == V{"submitted"});
}

TEST_CASE("XEFORd override is at least 0 and below 1, and notification at most 12 hours", "[btm][miso]") {
  auto r = good();
  r.seasons[0].xeford_override = Decimal();
  r.seasons[0].notification_h = Decimal::from_int(12);
  CHECK(check_registration(r).empty());
  r.seasons[0].xeford_override = Decimal::parse("0.999999");
  CHECK(check_registration(r).empty());
  r.seasons[0].xeford_override = Decimal::from_int(1);
  r.seasons[0].notification_h = *Decimal::parse("12.000001");
  CHECK(keys(check_registration(r)) == V{"seasons.summer.xeford_override", "seasons.summer.notification_h"});
  r = good();
  r.seasons[0].xeford_override = *Decimal::parse("-0.000001");
  CHECK(keys(check_registration(r)) == V{"seasons.summer.xeford_override"});
}

TEST_CASE("months are 1..12, once each, within the season", "[btm][miso]") {
  auto r = good();
  r.seasons[0].months = {0, 6, 6, 9, 13};
  const auto f = check_registration(r);
  REQUIRE(f.size() == 4);
  CHECK(f[0].message == "month 0 is not in 1..12");
  CHECK(f[1].message == "month 6 is listed twice");
  CHECK(f[2].message == "month 9 is not in summer");
  CHECK(f[3].message == "month 13 is not in 1..12");
}

TEST_CASE("only a certified MP may enroll, protocol is metered generation", "[btm][miso]") {
  auto r = good();
  r.mp_certified = false;
  r.protocol = "baseline";
  CHECK(keys(check_registration(r)) == V{"mp_certified", "protocol"});
}

TEST_CASE("email and phone shapes", "[btm][miso]") {
  CHECK(valid_email("a.b@c.org"));
  CHECK(valid_email("ops+btmg@plant-a.example.com"));
  CHECK_FALSE(valid_email("ops@localhost"));
  CHECK_FALSE(valid_email("ops.example.com"));
  CHECK_FALSE(valid_email("a@@b.com"));
  CHECK_FALSE(valid_email("a b@c.com"));
  CHECK_FALSE(valid_email("a@-c.com"));
  CHECK(valid_phone("314-555-0142"));
  CHECK(valid_phone("+1 (314) 555 0142"));
  CHECK_FALSE(valid_phone("555-0142"));          // 7 digits
  CHECK_FALSE(valid_phone("314-555-01x2"));
  CHECK_FALSE(valid_phone("314+555-0142"));
}

TEST_CASE("season fields: status, generators, interruptions, duration", "[btm][miso]") {
  auto r = good();
  r.seasons[0].status = "on";
  r.seasons[0].generators.clear();
  r.seasons[0].max_interruptions = 0;
  r.seasons[0].max_duration_h = 0;
  CHECK(keys(check_registration(r)) == V{"seasons.summer.status", "seasons.summer.generators",
                                         "seasons.summer.max_interruptions", "seasons.summer.max_duration_h"});
  r = good();
  r.seasons.clear();
  r.statements_accepted = false;
  CHECK(keys(check_registration(r)) == V{"statements_accepted", "seasons"});
}
