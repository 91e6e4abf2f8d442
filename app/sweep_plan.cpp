// Enumerating a sweep's readings from the table of open readings (settlement/rules.cpp).
#include "app/sweep_plan.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "scenarios/did_you_mean.hpp"
#include "settlement/problem.hpp"

namespace drsim::app {

namespace {

// `rules` with `key` set to `value` (a value of the table, which always parses).
Rules with(Rules rules, const std::string& key, const std::string& value) {
  if (auto e = set_rule(rules, key, value)) throw std::logic_error("open reading " + key + "=" + value + ": " + *e);
  return rules;
}

std::string joined(const std::vector<std::pair<std::string, std::string>>& kv) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : kv) parts.push_back(k + "=" + v);
  return fmt::format("{}", fmt::join(parts, ";"));
}

const OpenReading* find_open(const std::string& key) {
  const auto& table = open_readings();
  const auto it = std::find_if(table.begin(), table.end(), [&](const OpenReading& o) { return o.key == key; });
  return it == table.end() ? nullptr : &*it;
}

// The open keys named by `keys`, in their order; every unknown or repeated key is one problem.
std::vector<const OpenReading*> grid_keys(const std::vector<std::string>& keys) {
  std::vector<std::string> names;
  for (const auto& o : open_readings()) names.push_back(o.key);
  std::vector<const OpenReading*> out;
  std::vector<Problem> problems;
  for (const auto& k : keys) {
    const OpenReading* o = find_open(k);
    if (!o) {
      const auto guess = scenarios::closest(k, names);
      problems.push_back(Problem{"--grid", 0, 0, "", fmt::format("'{}' is not a rule key with open readings{}; the keys are {}", k,
                                                              guess ? fmt::format(" (did you mean '{}'?)", *guess) : "",
                                                              fmt::join(names, ", "))});
    } else if (std::find(out.begin(), out.end(), o) != out.end()) {
      problems.push_back(Problem{"--grid", 0, 0, "", fmt::format("'{}' is named twice", k)});
    } else {
      out.push_back(o);
    }
  }
  if (keys.empty()) problems.push_back(Problem{"--grid", 0, 0, "", fmt::format("name at least one key: {}", fmt::join(names, ", "))});
  if (!problems.empty()) throw InputError(std::move(problems));
  return out;
}

}  // namespace

Reading reading_of(const Rules& in_force, const Rules& rules) {
  Reading r{"", {}, rules};
  const auto before = rule_values(in_force);
  const auto after = rule_values(rules);
  for (std::size_t i = 0; i < after.size(); ++i) {
    if (after[i].value != before[i].value) r.changed.emplace_back(after[i].key, after[i].value);
  }
  r.name = r.changed.empty() ? "default" : joined(r.changed);
  return r;
}

std::vector<Reading> one_at_a_time(const Rules& in_force) {
  std::vector<Reading> out{{"default", {}, in_force}};
  for (const auto& o : open_readings()) {
    for (const auto& v : o.values) {
      Reading r = reading_of(in_force, with(in_force, o.key, v));
      if (!r.changed.empty()) out.push_back(std::move(r));
    }
  }
  return out;
}

std::vector<Reading> grid(const Rules& in_force, const std::vector<std::string>& keys) {
  const std::vector<const OpenReading*> axes = grid_keys(keys);
  std::vector<Reading> out{{"default", {}, in_force}};
  std::vector<std::size_t> at(axes.size(), 0);  // the value index of each axis: an odometer, last axis fastest
  while (true) {
    Rules rules = in_force;
    std::vector<std::pair<std::string, std::string>> named;
    for (std::size_t a = 0; a < axes.size(); ++a) {
      rules = with(rules, axes[a]->key, axes[a]->values[at[a]]);
      named.emplace_back(axes[a]->key, rule_value(rules, axes[a]->key));
    }
    Reading r = reading_of(in_force, rules);
    if (!r.changed.empty()) {
      r.name = joined(named);
      out.push_back(std::move(r));
    }
    std::size_t a = axes.size();
    while (a > 0 && ++at[a - 1] == axes[a - 1]->values.size()) at[--a] = 0;
    if (a == 0) break;
  }
  return out;
}

}  // namespace drsim::app
