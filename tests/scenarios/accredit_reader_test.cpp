// The accredit file reader: every problem at once with file:line:column, and each section's input rules.
#include <catch2/catch.hpp>

#include <algorithm>

#include "scenarios/accredit/accredit_reader.hpp"

using namespace drsim;
using drsim::accredit::read_accredit_text;

namespace {
std::vector<std::string> problems_of(const std::string& text) {
  try {
    read_accredit_text(text, "bad.yaml");
  } catch (const InputError& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems()) out.push_back(p.str());
    return out;
  }
  return {};
}
bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
}  // namespace

TEST_CASE("a registration with several mistakes reports every one with line and column", "[accredit][miso]") {
  const std::string text = R"(drsim_accredit: 1
miso_btmg:
  - name: Bad Plant
    market_participant: MP-X
    mp_certified: false
    asset_owner: AO-1
    lba: AMMO
    description: plant
    cpnode: AMMO.BAD
    drc_forecast_mw: 5
    operator_contact: {name: Pat, phone: "555-01", email: nobody.example.com}
    protocol: metered_generation
    planning_year: 2025
    lmr: existing
    submitted: 2025-02-03
    statements_accepted: true
    colour: blue
    seasons:
      summer: {status: active, generators: [G1], xeford_override: 1.0, max_interruptions: 5, max_duration_h: 4, months: [6, 7, 13], notification_h: 14}
)";
  // Columns are 1-based positions of the value (or of the entry, for a missing key).
  const std::vector<std::string> expected{
      "bad.yaml:3:5: miso_btmg[0].document: is required",
      "bad.yaml:17:5: miso_btmg[0].colour: unknown key",
      "bad.yaml:5:19: miso_btmg[0].mp_certified: market participant MP-X is not certified: only a certified "
      "market participant may enroll btmg",
      "bad.yaml:11:42: miso_btmg[0].operator_contact.phone: '555-01' is not a phone number (10 to 15 digits)",
      "bad.yaml:11:59: miso_btmg[0].operator_contact.email: 'nobody.example.com' is not an email address",
      "bad.yaml:15:16: miso_btmg[0].submitted: an existing lmr for planning year 2025 is due by 2025-02-01, "
      "submitted 2025-02-03",
      "bad.yaml:19:67: miso_btmg[0].seasons.summer.xeford_override: xeford 1 is outside [0, 1)",
      "bad.yaml:19:121: miso_btmg[0].seasons.summer.months: month 13 is not in 1..12",
      "bad.yaml:19:149: miso_btmg[0].seasons.summer.notification_h: notification 14 h is outside 0..12 h",
  };
  CHECK(problems_of(text) == expected);
}

TEST_CASE("a missing contact is reported once, not again as a bad phone and email", "[accredit][miso]") {
  const auto p = problems_of(R"(drsim_accredit: 1
miso_btmg:
  - {name: P, market_participant: M, mp_certified: true, asset_owner: A, lba: L, description: D,
     cpnode: C, document: X, drc_forecast_mw: 1, protocol: metered_generation, planning_year: 2025,
     lmr: new, submitted: 2025-02-01, statements_accepted: true,
     seasons: {fall: {status: active, generators: [G], max_interruptions: 1, max_duration_h: 1, months: [9], notification_h: 1}}}
)");
  REQUIRE(p.size() == 1);
  CHECK(p[0] == "bad.yaml:3:5: miso_btmg[0].operator_contact: is required");
}

TEST_CASE("the February 15 date is a warning, the registration is read", "[accredit][miso]") {
  const auto in = read_accredit_text(R"(drsim_accredit: 1
miso_btmg:
  - {name: P, market_participant: M, mp_certified: true, asset_owner: A, lba: L, description: D,
     cpnode: C, document: X, drc_forecast_mw: 1, protocol: metered_generation, planning_year: 2025,
     operator_contact: {name: N, phone: 314 555 0100, email: n@x.org},
     lmr: new, submitted: 2025-02-16, statements_accepted: true,
     seasons: {fall: {status: active, generators: [G], max_interruptions: 1, max_duration_h: 1, months: [9], notification_h: 1}}}
)", "ok.yaml");
  REQUIRE(in.miso.size() == 1);
  REQUIRE(in.warnings.size() == 1);
  CHECK(in.warnings[0].str() ==
        "ok.yaml:6:27: miso_btmg[0].submitted: warning: submitted 2025-02-16, after 2025-02-15: a new lmr "
        "may not be usable in an lse's frap or rbdc opt-out plan");
}

TEST_CASE("NYISO: CRIS in tenths of a MW, peak hours inside their periods, rates of 0 to below 1",
          "[accredit][nyiso]") {
  const auto p = problems_of(R"(drsim_accredit: 1
nyiso_btmng:
  - id: NY-1
    capability_year: 2024
    nameplate_mw: 10
    host_load_mw: {2023-07-03T16:00: 5}
    nyca_peak_hours: {summer: [2023-07-03T16:00, 2023-12-01T16:00], winter: [2023-01-03T17:30]}
    wnf: 0.05
    rlgf: 0
    irm: 0.2
    dmgc_mw: 10
    injection_limit_mw: 5
    cris_mw: 2.25
    derating_factor: 1
    caf: 1
    nyca_tf: 0.1
)");
  CHECK(has(p, "bad.yaml:7:50: nyiso_btmng[0].nyca_peak_hours.summer[1]: 2023-12-01T16:00 is not in the prior "
               "Summer Capability Period 2023-05-01 .. 2023-11-01"));
  CHECK(has(p, "bad.yaml:7:31: nyiso_btmng[0].nyca_peak_hours.summer: holds 2 hours, the NYCA top-40 list needs 40"));
  CHECK(has(p, "bad.yaml:7:78: nyiso_btmng[0].nyca_peak_hours.winter[0]: '2023-01-03T17:30' is not the start of "
               "an hour"));
  CHECK(has(p, "bad.yaml:13:14: nyiso_btmng[0].cris_mw: CRIS request 2.25 MW is not in tenths of a MW"));
  CHECK(has(p, "bad.yaml:14:22: nyiso_btmng[0].derating_factor: 1 is outside [0, 1)"));
  CHECK(p.size() == 6);  // and the winter list's length
}

TEST_CASE("NYISO: fewer than 20 metered peak hours is an input error at the meter data", "[accredit][nyiso]") {
  // 40 summer hours (July 1..31 at 16:00, July 1..9 at 17:00) and 40 winter hours likewise in January.
  auto hour = [](const char* month, int i, int first_hour) {
    const int day = 1 + i % 31;
    const int h = first_hour + i / 31;
    return std::string(month) + (day < 10 ? "0" : "") + std::to_string(day) + "T" + std::to_string(h) + ":00";
  };
  std::string summer, winter;
  for (int i = 0; i < 40; ++i) {
    summer += (i ? ", " : "") + hour("2023-07-", i, 16);
    winter += (i ? ", " : "") + hour("2023-01-", i, 18);
  }
  const auto p = problems_of("drsim_accredit: 1\nnyiso_btmng:\n  - {id: N, capability_year: 2024, nameplate_mw: 5,\n"
                             "     host_load_mw: {2023-07-01T16:00: 3},\n     nyca_peak_hours: {summer: [" +
                             summer + "], winter: [" + winter +
                             "]},\n     wnf: 0, rlgf: 0, irm: 0, dmgc_mw: 5, injection_limit_mw: 2, cris_mw: 2,"
                             " derating_factor: 0, caf: 1, nyca_tf: 0}\n");
  REQUIRE(p.size() == 1);
  CHECK(p[0] == "bad.yaml:4:20: nyiso_btmng[0].host_load_mw: only 1 of the NYCA peak hours have a host-load "
                "reading, 20 are needed");
}

TEST_CASE("PJM: no host-load figure at all is an input error", "[accredit][pjm]") {
  const auto p = problems_of(R"(drsim_accredit: 1
pjm_colocated:
  - {id: P, kind: thermal, gross_capability_mw: 100, host_load_in_service: 2020-01-01, as_of: 2025-06-01,
     metered_host_load_mw: {2021-06-01T10:00: 5}}
)");
  REQUIRE(p.size() == 1);
  CHECK(p[0] == "bad.yaml:4:28: pjm_colocated[0].metered_host_load_mw: no metered host load in the most recent 3 years");
}

TEST_CASE("WAPA: months in order, a reading for each metered generator, known generators", "[accredit][wapa]") {
  const auto p = problems_of(R"(drsim_accredit: 1
wapa_nits:
  - id: W
    generators: [{id: G1, substation: S, installed_mw: 1}]
    months:
      - {month: 2024-01, peak_hour: 2024-01-10T08:00, delivered_mw: 5, generation_mw: {G1: 1}}
      - {month: 2024-03, peak_hour: 2024-02-10T08:00, delivered_mw: 5, generation_mw: {G9: 1}}
)");
  CHECK(p == std::vector<std::string>{
                 "bad.yaml:7:17: wapa_nits[0].months[1].month: 2024-03 does not follow the month before it: "
                 "months are consecutive and in order",
                 "bad.yaml:7:37: wapa_nits[0].months[1].peak_hour: 2024-02-10T08:00 is not in its month",
                 "bad.yaml:7:88: wapa_nits[0].months[1].generation_mw.G9: 'G9' is not one of the generators",
                 "bad.yaml:7:9: wapa_nits[0].months[1].generation_mw.G1: metered generator 'G1' has no output at "
                 "the peak hour (an unmetered one is declared interval_metered: false and counts at installed "
                 "capacity)"});
}

TEST_CASE("version, empty files and YAML syntax", "[accredit]") {
  CHECK(problems_of("drsim_accredit: 2\npjm_colocated: []\n") ==
        std::vector<std::string>{"bad.yaml:1:17: drsim_accredit: format version 2 is not supported (1 is)"});
  CHECK(problems_of("drsim_accredit: 1\n") ==
        std::vector<std::string>{
            "bad.yaml:1:1: the file holds no miso_btmg, nyiso_btmng, pjm_colocated or wapa_nits entry"});
  CHECK(problems_of("drsim_accredit: [1\n").size() == 1);
}

TEST_CASE("an id used twice in a section is an input error", "[accredit]") {
  const auto p = problems_of(R"(drsim_accredit: 1
pjm_colocated:
  - {id: P, kind: thermal, gross_capability_mw: 10, host_load_in_service: 2025-01-01, as_of: 2025-06-01,
     isa_max_expected_host_load_mw: 1}
  - {id: P, kind: thermal, gross_capability_mw: 20, host_load_in_service: 2025-01-01, as_of: 2025-06-01,
     isa_max_expected_host_load_mw: 2}
)");
  CHECK(p == std::vector<std::string>{"bad.yaml: pjm_colocated.id: id 'P' is used twice (also in bad.yaml)"});
}
