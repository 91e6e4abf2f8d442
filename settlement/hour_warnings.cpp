// Hour-flag warnings of a statement.
#include "hour_warnings.hpp"

#include <map>
#include <string>

#include <fmt/format.h>

#include "flags.hpp"

namespace drsim {

std::vector<Problem> hour_warnings(const std::vector<HourlyLine>& hourly) {
  struct Kind {
    Flag flag;
    const char* what;
  };
  static constexpr Kind kKinds[] = {
      {kNoAdvancedReporting, "no advanced reporting at or before the start: the full instruction is penalized"},
      {kLateAdvancedReporting, "advanced reporting entered after the start, ignored"},
      {kTargetBelowInstruction, "reported target below the instructed MW (for the availability review)"},
      {kMissingMeter, "a meter interval of the obligated part is missing, so actual counts as 0"},
  };
  std::vector<Problem> out;
  for (const Kind& kind : kKinds) {
    std::vector<std::string> order;                // instructions in the lines' order
    std::map<std::string, std::string> hours;      // instruction -> "2025-07-15 HE16, HE17"
    std::map<std::string, std::string> last_day;   // instruction -> the day last written
    for (const HourlyLine& line : hourly) {
      if ((line.settled.flags & kind.flag) == 0) continue;
      auto [it, fresh] = hours.try_emplace(line.instruction_id);
      if (fresh) order.push_back(line.instruction_id);
      const std::string day = line.hour.str().substr(0, 10);
      const std::string he = fmt::format("HE{}", line.hour.hour() + 1);
      std::string& last = last_day[line.instruction_id];
      it->second += (it->second.empty() ? "" : ", ") + (day == last ? he : day + " " + he);
      last = day;
    }
    for (const auto& id : order) {
      Problem p;
      p.key = "instructions." + id;
      p.message = fmt::format("{} ({})", kind.what, hours[id]);
      out.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace drsim
