// The settlement of a run, from the run record to the statement.
#include "settle.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "allocation.hpp"
#include "problem.hpp"
#include "statement_totals.hpp"

namespace drsim {

namespace {

// A problem named by the entity's key only: the caller places it in its file (scenarios/scenario.hpp `located`).
Problem problem_of(std::string key, std::string message) {
  return Problem{"", 0, 0, std::move(key), std::move(message)};
}

// The LSEs of an emergency's LBAs, sorted by id.
std::vector<const Lse*> lses_of(const Market& s, const Emergency& e) {
  std::vector<const Lse*> out;
  for (const auto& l : s.lses) {
    if (std::find(e.lbas.begin(), e.lbas.end(), l.lba) != e.lbas.end()) out.push_back(&l);
  }
  std::sort(out.begin(), out.end(), [](const Lse* a, const Lse* b) { return a->id < b->id; });
  return out;
}

// Load ratio share weights of the LSEs in an hour: the lse_load series when it has a row for
// every one of them and they sum above 0, else the static shares (4.10).
std::optional<std::vector<Weighted>> weights_at(const Market& s, const std::vector<const Lse*>& lses,
                                                MarketTime hour, bool& used_static) {
  std::vector<Weighted> w;
  // At most 1e6 LSEs (YAML nodes) of at most 1e5 MWh or a share of at most 1e6: the sum stays
  // within 1e12, inside Decimal's 9.2e12 (rules.md 1a v1.2).
  Decimal total;
  bool complete = true;
  for (const Lse* l : lses) {
    const auto v = s.lse_load.get(l->id, hour);
    if (!v) { complete = false; break; }
    w.push_back({l->id, v->value()});
    total += v->value();
  }
  used_static = false;
  if (complete && total > Decimal{}) return w;
  w.clear();
  total = Decimal{};
  for (const Lse* l : lses) {
    if (!l->load_ratio_share) return std::nullopt;
    w.push_back({l->id, *l->load_ratio_share});
    total += *l->load_ratio_share;
  }
  if (!(total > Decimal{})) return std::nullopt;
  used_static = true;
  return w;
}

}  // namespace

Statement settle(const Market& s, const RunRecord& record) {
  Statement st;
  std::vector<Problem> problems;
  std::vector<FailedOccasion> occasions;
  std::vector<ChargedShortfall> charged;

  // The emergencies by id (the first of an id), each with the LSEs of its LBAs: found once per
  // instruction here, so the allocation below looks up no id per hour.
  constexpr std::size_t kNoEmergency = SIZE_MAX;
  std::unordered_map<std::string, std::size_t> emergency_index;
  std::vector<std::vector<const Lse*>> emergency_lses;
  for (const auto& e : s.emergencies) {
    if (emergency_index.emplace(e.id, emergency_lses.size()).second) emergency_lses.push_back(lses_of(s, e));
  }
  std::size_t hour_count = 0;
  for (const auto& rec : record.instructions) hour_count += rec.hours.size();
  st.hourly.reserve(hour_count);
  std::vector<std::size_t> line_emergency;  // per hourly line: index into emergency_lses, or kNoEmergency
  line_emergency.reserve(hour_count);

  for (const auto& rec : record.instructions) {
    const Instruction& ins = s.instructions[rec.instruction];
    const Resource& res = s.resources[rec.resource];
    const auto found = emergency_index.find(ins.emergency);
    const std::size_t emergency = found == emergency_index.end() ? kNoEmergency : found->second;
    const auto* lmp_hours = s.lmp.hours_of(res.cpnode);
    bool failed = false;
    for (const auto& h : rec.hours) {
      HourPrices prices;
      if (lmp_hours != nullptr) prices.lmp = HourlySeries<UsdPerMwh>::value_in(*lmp_hours, h.hour);
      prices.rsg = s.rsg_at(h.hour);
      HourlyLine line{ins.id,         res.id,          ins.emergency, h.hour,
                      h.frac(),       h.instruction_mw, h.available_mw, h.instructed_mw,
                      h.measured,     h.baseline,      settle_hour(res, h, s.rules, prices),
                      prices.lmp,     prices.rsg,      h.exempt};
      if (line.settled.missing_lmp) {
        problems.push_back(problem_of("instructions." + ins.id,
                                      fmt::format("no LMP at cpnode {} for charged hour {} (series.lmp)",
                                                  res.cpnode, h.hour.str())));
      }
      if (line.settled.missing_rsg) {
        problems.push_back(problem_of("instructions." + ins.id,
                                      fmt::format("no RSG rate for charged hour {} (series.rsg)", h.hour.str())));
      }
      if (line.settled.charged) charged.push_back({res.id, h.hour, line.settled.shortfall});
      failed = failed || line.settled.counts_for_failure;
      st.hourly.push_back(std::move(line));
      line_emergency.push_back(emergency);
    }
    if (failed) occasions.push_back({res.id, ins.id, rec.season, ins.start, rec.effective_end});
  }
  if (!problems.empty()) throw InputError(std::move(problems));

  FailureOutcome failures = count_failures(occasions, s.rules);
  st.failures = std::move(failures.lines);
  st.disqualifications = std::move(failures.disqualifications);
  st.capacity = capacity_payments(s, st.disqualifications);

  // Allocation of every instruction-hour's charges (4.10). The weights of an emergency's LSEs
  // in an hour are found once and reused by every instruction charged in that hour.
  struct HourWeights {
    std::optional<std::vector<Weighted>> weights;  // weight i is that of the emergency's LSE i
    bool used_static = false;
  };
  std::vector<std::unordered_map<std::int64_t, HourWeights>> weights_of(emergency_lses.size());
  std::size_t share_count = 0;
  for (std::size_t n = 0; n < st.hourly.size(); ++n) {
    if (!st.hourly[n].charges().is_zero() && line_emergency[n] != kNoEmergency) {
      share_count += emergency_lses[line_emergency[n]].size();
    }
  }
  st.allocation_shares.reserve(share_count);
  std::set<std::string> no_lse;  // emergencies already reported without an LSE
  for (std::size_t n = 0; n < st.hourly.size(); ++n) {
    const HourlyLine& line = st.hourly[n];
    const Money amount = line.charges();
    if (amount.is_zero()) continue;
    const std::size_t e = line_emergency[n];
    if (e == kNoEmergency || emergency_lses[e].empty()) {
      // Once per emergency, not once per charged hour.
      if (no_lse.insert(line.emergency_id).second) {
        problems.push_back(problem_of("emergencies." + line.emergency_id,
                                      "no LSE in the emergency's LBAs to receive its penalty charges"));
      }
      continue;
    }
    const auto& lses = emergency_lses[e];
    auto [slot, fresh] = weights_of[e].try_emplace(line.hour.seconds());
    if (fresh) slot->second.weights = weights_at(s, lses, line.hour, slot->second.used_static);
    const HourWeights& hw = slot->second;
    if (!hw.weights) {
      problems.push_back(problem_of(
          "emergencies." + line.emergency_id,
          fmt::format("hour {}: lse_load has no usable rows for the emergency's LSEs and they have no "
                      "load_ratio_share to fall back on",
                      line.hour.str())));
      continue;
    }
    const std::vector<Weighted>& weights = *hw.weights;
    const auto split = largest_remainder_split(amount, weights);
    for (std::size_t i = 0; i < split.size(); ++i) {
      st.allocation_shares.push_back(
          {line.instruction_id, line.hour, weights[i].id, weights[i].weight, hw.used_static, split[i]});
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));

  // Earnings opportunity (5), and the cut of each entry whose year its cap_usd holds down.
  std::vector<EoCut> cuts;
  for (const auto& eo : s.eo) {
    EoResult r = earnings_opportunity(s, eo, st.disqualifications, charged);
    Money seasons;
    for (const auto& l : r.lines) seasons += l.eo;
    st.eo.insert(st.eo.end(), r.lines.begin(), r.lines.end());
    if (r.total != seasons) cuts.push_back({eo.mp, r.total - seasons, st.eo.size() - 1});
  }

  // Every amount as a line item, and the totals as their sums.
  st.ledger = statement_ledger(s, st, cuts);
  total_statement(s, st);
  return st;
}

}  // namespace drsim
