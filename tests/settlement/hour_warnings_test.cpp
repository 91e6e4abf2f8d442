// The settlement's hour-flag warnings (settlement/hour_warnings.hpp), by hand.
#include <catch2/catch.hpp>

#include "settlement/flags.hpp"
#include "settlement/hour_warnings.hpp"

namespace drsim {
namespace {

HourlyLine line(const char* instruction, std::int64_t hour_seconds, std::uint32_t flags) {
  HourlyLine l;
  l.instruction_id = instruction;
  l.hour = MarketTime::from_seconds(hour_seconds);
  l.settled.flags = flags;
  return l;
}

// 2025-07-15T00:00 market time.
constexpr std::int64_t kJuly15 = 1752537600;

}  // namespace

TEST_CASE("hour warnings: one per instruction and kind, kinds in order, hours by day") {
  const std::vector<HourlyLine> lines{
      line("SI-2", kJuly15 + 15 * 3600, kMissingMeter),
      line("SI-1", kJuly15 + 15 * 3600, kNoAdvancedReporting | kMissingMeter),
      line("SI-1", kJuly15 + 16 * 3600, kNoAdvancedReporting),
      line("SI-1", kJuly15 + 86400 + 9 * 3600, kNoAdvancedReporting),  // the next day: its date again
      line("SI-3", kJuly15 + 14 * 3600, kDefaultBaseline | kWithinTolerance),  // no warning flag
      line("SI-3", kJuly15 + 17 * 3600, kTargetBelowInstruction | kLateAdvancedReporting),
  };
  const auto w = hour_warnings(lines);
  REQUIRE(w.size() == 5);
  CHECK(w[0].key == "instructions.SI-1");
  CHECK(w[0].message ==
        "no advanced reporting at or before the start: the full instruction is penalized (2025-07-15 HE16, HE17, "
        "2025-07-16 HE10)");
  CHECK(w[1].key == "instructions.SI-3");
  CHECK(w[1].message == "advanced reporting entered after the start, ignored (2025-07-15 HE18)");
  CHECK(w[2].message == "reported target below the instructed MW (for the availability review) (2025-07-15 HE18)");
  // missing_meter: SI-2 before SI-1, in the lines' order.
  CHECK(w[3].key == "instructions.SI-2");
  CHECK(w[3].message == "a meter interval of the obligated part is missing, so actual counts as 0 (2025-07-15 HE16)");
  CHECK(w[4].key == "instructions.SI-1");
  for (const auto& p : w) CHECK((p.file.empty() && p.line == 0));  // placed by the caller
  CHECK(hour_warnings({line("SI-9", kJuly15, kOutageExcused)}).empty());
}

}  // namespace drsim
