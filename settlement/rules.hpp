// The rule values of rules.md with their defaults, and the `rules:` key table.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "decimal.hpp"
#include "units.hpp"

namespace drsim {

enum class SeparationBasis { start_to_start, end_to_start };
enum class DisqualificationEffective { next_day, same_day };
enum class OutageExcusedHours { charged_not_counted, exempt };
enum class FslShortfallCap { target, none };

// Every rule key of rules.md; the member initialisers are the documented defaults.
struct Rules {
  Decimal untested_multiplier = Decimal::from_int(3);                  // 4.7
  bool multiplier_applies_to_rsg = false;                              // 4.7
  UsdPerMwh penalty_lmp_floor_usd_per_mwh{Decimal::from_int(0)};      // 4.7, $/MWh
  Mw shortfall_tolerance_mw{Decimal::from_int(0)};                     // 4.7, MW
  Decimal failure_separation_h = Decimal::from_int(24);                // 4.8, hours
  SeparationBasis failure_separation_basis = SeparationBasis::start_to_start;
  DisqualificationEffective disqualification_effective = DisqualificationEffective::next_day;
  Decimal withdrawal_notice_h = Decimal::from_int(2);                  // 3.2, hours
  OutageExcusedHours outage_excused_hours = OutageExcusedHours::charged_not_counted;  // 4.2
  FslShortfallCap fsl_shortfall_cap = FslShortfallCap::target;         // 4.5
  bool baseline_same_day_adjustment = false;                           // 4.6
  bool penalize_btmg = true;                                           // 2
};

// One rule key: its name, the value in force and the default, as text.
struct RuleValue {
  std::string key;
  std::string value;
  std::string default_value;
  bool overridden = false;
};

// A key whose reading rules.md leaves open (a default and the other reading), with every value
// `drsim sweep` settles: the enumerations' names, true and false, and for a number the default
// and the reading the sources give without it (docs/sweep.md).
struct OpenReading {
  std::string key;
  std::string section;              // rules.md section, e.g. "4.7"
  std::vector<std::string> values;  // each as set_rule reads it, the documented default among them
};

// The open-reading keys, in rules.md order (the one table: settlement/rules.cpp).
const std::vector<OpenReading>& open_readings();
// The value in force of `key` as text (as rule_values prints it); empty for an unknown key.
std::string rule_value(const Rules& rules, std::string_view key);
// The names of every rule key, in rules.md order.
const std::vector<std::string>& rule_keys();
// Every rule with its value in force, in rules.md order.
std::vector<RuleValue> rule_values(const Rules& rules);
// Sets `key` from its scalar text. Returns what is wrong, or nothing when set.
std::optional<std::string> set_rule(Rules& rules, std::string_view key, std::string_view text);

}  // namespace drsim
