// Default baseline (rules.md 4.6).
#include "baseline.hpp"

namespace drsim {

bool is_baseline_candidate(Date d) { return is_weekday(d) && !is_nerc_holiday(d); }

std::vector<Date> eligible_baseline_days(Date day, Date earliest, const std::function<bool(Date)>& fully_metered,
                                         const std::function<bool(Date)>& has_instruction_hour, int count,
                                         Explanation* why) {
  std::vector<Date> out;
  std::vector<std::pair<std::string, std::string>> looked;  // day, chosen or why skipped
  for (Date d = day - 1; d >= earliest && static_cast<int>(out.size()) < count; d = d - 1) {
    if (is_baseline_candidate(d) && fully_metered(d) && !has_instruction_hour(d)) {
      out.push_back(d);
      if (why) looked.emplace_back(d.str(), "chosen");
    } else if (why) {
      looked.emplace_back(d.str(), !is_weekday(d)        ? "skipped: weekend"
                                   : is_nerc_holiday(d)   ? "skipped: NERC holiday"
                                   : !fully_metered(d)    ? "skipped: not metered in all 24 hours"
                                                          : "skipped: an hour of an instruction window (an earlier call)");
    }
  }
  if (why) {
    why->add("4.6", "", "the eligible days: the most recent weekdays before the day, not NERC holidays, metered "
                        "in all 24 hours and without an hour of an instruction window, back to the first metered day",
             std::move(looked));
    why->back_values({{"days_chosen", std::to_string(out.size())}, {"days_needed", std::to_string(count)},
                      {"first_metered_day", earliest.str()}});
  }
  return out;
}

Mw average(const std::vector<Mw>& loads) {
  int128 sum = 0;
  for (const auto& l : loads) sum += l.value().micros();
  return Mw(Decimal::from_micros(static_cast<std::int64_t>(
      div_round_half_away(sum, static_cast<int128>(loads.size())))));
}

std::optional<Decimal> same_day_ratio(Mw load_sum, Mw baseline_sum) {
  if (!(baseline_sum > Mw{})) return std::nullopt;
  const Decimal r = Decimal::div(load_sum.value(), baseline_sum.value());
  const Decimal lo = *Decimal::parse("0.8");
  const Decimal hi = *Decimal::parse("1.2");
  return max(lo, min(hi, r));
}

}  // namespace drsim
