// The rule key table: parsing, printing and defaults of every `rules:` key.
#include "rules.hpp"

#include <functional>

#include <fmt/format.h>

namespace drsim {

namespace {

struct KeyDef {
  std::string key;
  std::function<std::string(const Rules&)> get;
  std::function<std::optional<std::string>(Rules&, std::string_view)> set;
  // Where rules.md leaves the reading open: its section and every value a sweep settles
  // (docs/sweep.md); empty for a key that is a plain parameter.
  std::string section = {};
  std::vector<std::string> readings = {};
};

const std::vector<std::string> kBoolReadings = {"false", "true"};

std::optional<std::string> parse_bool(std::string_view t, bool& out) {
  if (t == "true") { out = true; return std::nullopt; }
  if (t == "false") { out = false; return std::nullopt; }
  return fmt::format("expected true or false, got '{}'", t);
}

std::optional<std::string> parse_decimal(std::string_view t, Decimal& out, bool allow_negative) {
  auto d = Decimal::parse(t);
  if (!d) return fmt::format("expected a number, got '{}'", t);
  if (!allow_negative && d->is_negative()) return fmt::format("must not be negative, got {}", t);
  // The limit of every scenario number that is not MW (docs/format.md, Limits), so that money stays
  // inside its proved bounds (settlement/money.cpp).
  constexpr std::int64_t kMaxRuleValue = 1'000'000;
  if (*d > Decimal::from_int(kMaxRuleValue) || *d < Decimal::from_int(-kMaxRuleValue)) {
    return fmt::format("{} is beyond the limit of +-{} for a number", d->str(), kMaxRuleValue);
  }
  out = *d;
  return std::nullopt;
}

template <class E>
std::optional<std::string> parse_enum(std::string_view t, E& out,
                                      std::initializer_list<std::pair<const char*, E>> options) {
  std::string names;
  for (const auto& [n, v] : options) {
    if (t == n) { out = v; return std::nullopt; }
    names += names.empty() ? n : std::string(" | ") + n;
  }
  return fmt::format("expected {}, got '{}'", names, t);
}

const std::vector<KeyDef>& defs() {
  static const std::vector<KeyDef> table = {
      {"untested_multiplier", [](const Rules& r) { return r.untested_multiplier.str(); },
       [](Rules& r, std::string_view t) { return parse_decimal(t, r.untested_multiplier, false); },
       "4.7", {"1", "3"}},
      {"multiplier_applies_to_rsg",
       [](const Rules& r) { return std::string(r.multiplier_applies_to_rsg ? "true" : "false"); },
       [](Rules& r, std::string_view t) { return parse_bool(t, r.multiplier_applies_to_rsg); },
       "4.7", kBoolReadings},
      {"penalty_lmp_floor_usd_per_mwh",
       [](const Rules& r) { return r.penalty_lmp_floor_usd_per_mwh.value().str(); },
       [](Rules& r, std::string_view t) {
         Decimal d;
         auto e = parse_decimal(t, d, true);
         if (!e) r.penalty_lmp_floor_usd_per_mwh = UsdPerMwh(d);
         return e;
       }},
      {"shortfall_tolerance_mw", [](const Rules& r) { return r.shortfall_tolerance_mw.value().str(); },
       [](Rules& r, std::string_view t) {
         Decimal d;
         auto e = parse_decimal(t, d, false);
         if (!e) r.shortfall_tolerance_mw = Mw(d);
         return e;
       }},
      {"failure_separation_h", [](const Rules& r) { return r.failure_separation_h.str(); },
       [](Rules& r, std::string_view t) { return parse_decimal(t, r.failure_separation_h, false); }},
      {"failure_separation_basis",
       [](const Rules& r) {
         return std::string(r.failure_separation_basis == SeparationBasis::start_to_start
                                ? "start_to_start" : "end_to_start");
       },
       [](Rules& r, std::string_view t) {
         return parse_enum(t, r.failure_separation_basis,
                           {{"start_to_start", SeparationBasis::start_to_start},
                            {"end_to_start", SeparationBasis::end_to_start}});
       },
       "4.8", {"start_to_start", "end_to_start"}},
      {"disqualification_effective",
       [](const Rules& r) {
         return std::string(r.disqualification_effective == DisqualificationEffective::next_day
                                ? "next_day" : "same_day");
       },
       [](Rules& r, std::string_view t) {
         return parse_enum(t, r.disqualification_effective,
                           {{"next_day", DisqualificationEffective::next_day},
                            {"same_day", DisqualificationEffective::same_day}});
       },
       "4.8", {"next_day", "same_day"}},
      {"withdrawal_notice_h", [](const Rules& r) { return r.withdrawal_notice_h.str(); },
       [](Rules& r, std::string_view t) { return parse_decimal(t, r.withdrawal_notice_h, false); },
       "3.2", {"0", "2"}},
      {"outage_excused_hours",
       [](const Rules& r) {
         return std::string(r.outage_excused_hours == OutageExcusedHours::charged_not_counted
                                ? "charged_not_counted" : "exempt");
       },
       [](Rules& r, std::string_view t) {
         return parse_enum(t, r.outage_excused_hours,
                           {{"charged_not_counted", OutageExcusedHours::charged_not_counted},
                            {"exempt", OutageExcusedHours::exempt}});
       },
       "4.2", {"charged_not_counted", "exempt"}},
      {"fsl_shortfall_cap",
       [](const Rules& r) {
         return std::string(r.fsl_shortfall_cap == FslShortfallCap::target ? "target" : "none");
       },
       [](Rules& r, std::string_view t) {
         return parse_enum(t, r.fsl_shortfall_cap,
                           {{"target", FslShortfallCap::target}, {"none", FslShortfallCap::none}});
       },
       "4.5", {"target", "none"}},
      {"baseline_same_day_adjustment",
       [](const Rules& r) { return std::string(r.baseline_same_day_adjustment ? "true" : "false"); },
       [](Rules& r, std::string_view t) { return parse_bool(t, r.baseline_same_day_adjustment); },
       "4.6", kBoolReadings},
      {"penalize_btmg", [](const Rules& r) { return std::string(r.penalize_btmg ? "true" : "false"); },
       [](Rules& r, std::string_view t) { return parse_bool(t, r.penalize_btmg); },
       "2", kBoolReadings},
  };
  return table;
}

}  // namespace

const std::vector<std::string>& rule_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const auto& d : defs()) k.push_back(d.key);
    return k;
  }();
  return keys;
}

std::vector<RuleValue> rule_values(const Rules& rules) {
  const Rules defaults;
  std::vector<RuleValue> out;
  for (const auto& d : defs()) {
    RuleValue v{d.key, d.get(rules), d.get(defaults), false};
    v.overridden = v.value != v.default_value;
    out.push_back(std::move(v));
  }
  return out;
}

const std::vector<OpenReading>& open_readings() {
  static const std::vector<OpenReading> table = [] {
    std::vector<OpenReading> out;
    for (const auto& d : defs()) {
      if (!d.readings.empty()) out.push_back({d.key, d.section, d.readings});
    }
    return out;
  }();
  return table;
}

std::string rule_value(const Rules& rules, std::string_view key) {
  for (const auto& d : defs()) {
    if (d.key == key) return d.get(rules);
  }
  return {};
}

std::optional<std::string> set_rule(Rules& rules, std::string_view key, std::string_view text) {
  for (const auto& d : defs()) {
    if (d.key == key) return d.set(rules, text);
  }
  return fmt::format("unknown rule key '{}'", key);
}

}  // namespace drsim
