// Rules.md 3.4 (v1.2): two availability entries of one resource whose windows overlap are an
// input error, at the later entry's line, naming the earlier one's.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "loader_base.hpp"

namespace {

// A valid scenario with DR-1 and DR-2; `availability` is inserted from line 33 on.
std::string scenario(const std::string& availability) {
  return "drsim: 1\n"                                                        // 1
         "name: test\n"                                                      // 2
         "planning_year: 2025\n"                                             // 3
         "zones:\n"                                                          // 4
         "  - {id: LRZ5, acp_usd_per_mw_day: {summer: 666.50}}\n"            // 5
         "participants:\n"                                                   // 6
         "  - {id: MP, certified: true}\n"                                   // 7
         "lbas: [AMMO]\n"                                                    // 8
         "lses:\n"                                                           // 9
         "  - {id: LSE-A, lba: AMMO, load_ratio_share: 1}\n"                 // 10
         "resources:\n"                                                      // 11
         "  - id: DR-1\n"                                                    // 12
         "    type: DR\n"                                                    // 13
         "    mp: MP\n"                                                      // 14
         "    lba: AMMO\n"                                                   // 15
         "    zone: LRZ5\n"                                                  // 16
         "    cpnode: N1\n"                                                  // 17
         "    protocol: firm_service_level\n"                                // 18
         "    fsl_mw: 0\n"                                                   // 19
         "    seasons:\n"                                                    // 20
         "      summer: {cleared_mw: 10, notification_h: 2, max_interruptions: 5, max_duration_h: 4, months: [6, 7, 8]}\n"  // 21
         "  - id: DR-2\n"                                                    // 22
         "    type: DR\n"                                                    // 23
         "    mp: MP\n"                                                      // 24
         "    lba: AMMO\n"                                                   // 25
         "    zone: LRZ5\n"                                                  // 26
         "    cpnode: N1\n"                                                  // 27
         "    protocol: firm_service_level\n"                                // 28
         "    fsl_mw: 0\n"                                                   // 29
         "    seasons:\n"                                                    // 30
         "      summer: {cleared_mw: 10, notification_h: 2, max_interruptions: 5, max_duration_h: 4, months: [6, 7, 8]}\n"  // 31
         "availability:\n"                                                   // 32
         + availability;                                                     // 33..
}

using drsim::test::loader::problems;
using drsim::test::loader::V;

}  // namespace

TEST_CASE("availability: entries that only touch, or belong to other resources, are fine", "[availability]") {
  CHECK(problems(scenario("  - {resource: DR-1, start: 2025-07-15T14:00, end: 2025-07-15T15:00, available_mw: 4}\n"
                          "  - {resource: DR-1, start: 2025-07-15T15:00, end: 2025-07-15T16:00, available_mw: 5}\n"
                          "  - {resource: DR-2, start: 2025-07-15T14:30, end: 2025-07-15T15:30, available_mw: 6}\n"))
            .empty());
}

TEST_CASE("availability: overlapping entries of one resource name both lines", "[availability]") {
  // Line 34 (15:30-16:30) overlaps line 33 (15:00-16:00) by half an hour.
  CHECK(problems(scenario("  - {resource: DR-1, start: 2025-07-15T15:00, end: 2025-07-15T16:00, available_mw: 4}\n"
                          "  - {resource: DR-1, start: 2025-07-15T15:30, end: 2025-07-15T16:30, available_mw: 5}\n")) ==
        V{"s.yaml:34:5: availability[1]: window 2025-07-15T15:30 .. 2025-07-15T16:30 of resource 'DR-1' overlaps "
          "the availability entry at line 33 (2025-07-15T15:00 .. 2025-07-15T16:00)"});
  // The later entry in the file starts first: the error is still at the later line (34).
  CHECK(problems(scenario("  - {resource: DR-1, start: 2025-07-15T15:30, end: 2025-07-15T16:30, available_mw: 5}\n"
                          "  - {resource: DR-1, start: 2025-07-15T15:00, end: 2025-07-15T16:00, available_mw: 4}\n")) ==
        V{"s.yaml:34:5: availability[1]: window 2025-07-15T15:00 .. 2025-07-15T16:00 of resource 'DR-1' overlaps "
          "the availability entry at line 33 (2025-07-15T15:30 .. 2025-07-15T16:30)"});
  // An entry inside a long one, past a third that lies between: found against the long one.
  CHECK(problems(scenario("  - {resource: DR-1, start: 2025-07-15T00:00, end: 2025-07-16T00:00, available_mw: 4}\n"
                          "  - {resource: DR-1, start: 2025-07-15T08:00, end: 2025-07-15T09:00, available_mw: 5}\n"
                          "  - {resource: DR-1, start: 2025-07-15T12:00, end: 2025-07-15T13:00, available_mw: 6}\n")) ==
        V{"s.yaml:34:5: availability[1]: window 2025-07-15T08:00 .. 2025-07-15T09:00 of resource 'DR-1' overlaps "
          "the availability entry at line 33 (2025-07-15T00:00 .. 2025-07-16T00:00)",
          "s.yaml:35:5: availability[2]: window 2025-07-15T12:00 .. 2025-07-15T13:00 of resource 'DR-1' overlaps "
          "the availability entry at line 33 (2025-07-15T00:00 .. 2025-07-16T00:00)"});
}
