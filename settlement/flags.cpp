// Names of line flags.
#include "flags.hpp"

#include <array>
#include <utility>

namespace drsim {

std::string flags_text(std::uint32_t flags) {
  static constexpr std::array<std::pair<Flag, const char*>, 12> kNames{{
      {kNoAdvancedReporting, "no_advanced_reporting"},
      {kLateAdvancedReporting, "late_advanced_reporting"},
      {kTargetBelowInstruction, "target_below_instruction"},
      {kMissingMeter, "missing_meter"},
      {kOutageExcused, "outage_excused"},
      {kForcedOutage, "forced_outage"},
      {kNotAcknowledged, "not_acknowledged"},
      {kNotPenalized, "not_penalized"},
      {kDefaultBaseline, "default_baseline"},
      {kSameDayAdjusted, "same_day_adjusted"},
      {kWithinTolerance, "within_tolerance"},
      {kMissingBaseline, "missing_baseline"},
  }};
  std::string out;
  for (const auto& [flag, text] : kNames) {
    if (flags & flag) {
      if (!out.empty()) out += ';';
      out += text;
    }
  }
  return out;
}

}  // namespace drsim
