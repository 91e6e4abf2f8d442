// Figure-by-figure comparison of expected and settled results.
#include "app/expectations.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace drsim::app {

namespace {

template <class T>
std::string show(const T& v) {
  if constexpr (std::is_same_v<T, Money>) return v.str();
  else if constexpr (std::is_same_v<T, bool>) return v ? "true" : "false";
  else if constexpr (std::is_same_v<T, std::vector<std::string>>) return fmt::format("[{}]", fmt::join(v, ", "));
  else return fmt::format("{}", v);
}

template <class T>
void compare(std::vector<FigureCheck>& out, const std::string& key, const std::optional<T>& expected, const T& got) {
  if (expected) out.push_back({key, show(*expected), show(got), *expected == got, {}});
}

// A reading's name in its figures' keys: its rules as written, `key=value;key=value`.
std::string reading_key(const ReadingExpect& r) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : r.set) parts.push_back(k + "=" + v);
  return fmt::format("sweep[{}].", fmt::join(parts, ";"));
}

}  // namespace

std::vector<FigureCheck> check_figures(const ExpectFigures& e, const Statement& st, const std::string& prefix) {
  std::vector<FigureCheck> out;
  compare(out, prefix + "energy_charge_usd", e.energy_charge_usd, st.energy_charge);
  compare(out, prefix + "rsg_charge_usd", e.rsg_charge_usd, st.rsg_charge);
  compare(out, prefix + "penalty_usd", e.penalty_usd, st.penalty);
  compare(out, prefix + "capacity_usd", e.capacity_usd, st.capacity_total);
  compare(out, prefix + "allocated_usd", e.allocated_usd, st.allocated);
  compare(out, prefix + "eo_usd", e.eo_usd, st.eo_total);
  if (e.disqualified) {
    auto want = *e.disqualified;
    std::sort(want.begin(), want.end());
    compare(out, prefix + "disqualified", std::optional(want), st.disqualified);
  }
  for (const auto& [id, x] : e.resources) {
    const auto it = st.by_resource.find(id);
    const ResourceTotals t = it == st.by_resource.end() ? ResourceTotals{} : it->second;
    const std::string k = prefix + "resources." + id + ".";
    compare(out, k + "energy_charge_usd", x.energy_charge_usd, t.energy_charge);
    compare(out, k + "rsg_charge_usd", x.rsg_charge_usd, t.rsg_charge);
    compare(out, k + "penalty_usd", x.penalty_usd, t.penalty);
    compare(out, k + "capacity_usd", x.capacity_usd, t.capacity);
    compare(out, k + "counted_failures", x.counted_failures, t.counted_failures);
    compare(out, k + "disqualified", x.disqualified, t.disqualified);
  }
  for (const auto& [id, amount] : e.lses) {
    const auto it = st.by_lse.find(id);
    const Money got = it == st.by_lse.end() ? Money() : it->second.allocated;
    compare(out, prefix + "lses." + id + ".amount_usd", std::optional(amount), got);
  }
  return out;
}

std::vector<FigureCheck> check_run(const RunResult& r) {
  const Scenario& s = r.scenario;
  std::vector<FigureCheck> out = check_figures(s.expect, r.statement);
  for (const auto& reading : s.expect.sweep) {
    const Statement st = settle_under(s, reading.rules);
    const std::string where = fmt::format("{}:{}:{}", s.path, reading.mark.line, reading.mark.column);
    for (auto& f : check_figures(reading.figures, st, reading_key(reading))) {
      f.where = where;
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace drsim::app
