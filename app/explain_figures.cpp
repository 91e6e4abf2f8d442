// The derivations of drsim explain (see explain_figures.hpp).
#include "app/explain_figures.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "scenarios/meter_reader.hpp"
#include "scenarios/series_place.hpp"
#include "settlement/allocation.hpp"
#include "settlement/capacity.hpp"
#include "settlement/earnings.hpp"
#include "settlement/failures.hpp"
#include "settlement/flags.hpp"
#include "settlement/hour_settlement.hpp"

namespace drsim::app {

namespace {

using reports::ExplainedFigure;
using reports::ExplainInput;

[[noreturn]] void unknown(const std::string& what) { throw std::runtime_error(what); }

std::string text(const std::optional<Mw>& v) { return v ? v->value().str() : "none"; }
std::string text(const std::optional<UsdPerMwh>& v) { return v ? v->value().str() : "none"; }

std::string at_line(const Scenario& s, const std::vector<Mark>& marks, std::size_t i) {
  if (i >= marks.size() || marks[i].line == 0) return s.path;
  return fmt::format("{}:{}", s.path, marks[i].line);
}

// The resource, instruction, advanced reporting, availability, meter rows, prices and baseline
// of one instruction-hour, each with where it was written.
// The meter rows of each resource the explained lines name, read in one pass over the file.
using MeterRowsOf = std::map<std::string, std::vector<MeterRow>>;

std::vector<ExplainInput> line_inputs(const Scenario& s, const InstructionRecord& rec, const HourRecord& h,
                                      const HourlyLine& line, const MeterRowsOf& meter_rows,
                                      scenarios::SeriesPlaces& places) {
  const Instruction& ins = s.instructions[rec.instruction];
  const Resource& res = s.resources[rec.resource];
  std::vector<ExplainInput> in;
  in.push_back({"resource " + res.id, at_line(s, s.marks.resources, rec.resource),
                {{"type", std::string(name(res.type))}, {"protocol", std::string(name(res.protocol))},
                 {"tested", res.tested ? "true" : "false"}, {"cpnode", res.cpnode}, {"zone", res.zone}}});
  in.push_back({"instruction " + ins.id, at_line(s, s.marks.instructions, rec.instruction),
                {{"emergency", ins.emergency}, {"issued", ins.issued.str()}, {"start", ins.start.str()},
                 {"end", ins.end.str()}, {"effective_end", rec.effective_end.str()},
                 {"withdrawn", ins.withdrawn ? ins.withdrawn->str() : "no"},
                 {"mw_in_hour", ins.mw_in(h.hour).value().str()},
                 {"obligated_part_of_hour", h.frac().str()}}});
  bool any_report = false;
  for (std::size_t k = 0; k < s.advanced_reporting.size(); ++k) {
    const AdvancedReport& a = s.advanced_reporting[k];
    if (a.instruction != ins.id) continue;
    any_report = true;
    const char* why = rec.report == k          ? "counts: the last entry entered at or before the start"
                      : a.entered > ins.start ? "does not count: entered after the start (late)"
                                               : "does not count: a later entry at or before the start replaces it";
    in.push_back({fmt::format("advanced reporting ({})", why), at_line(s, s.marks.advanced_reporting, k),
                  {{"entered", a.entered.str()}, {"target_mw_in_hour", text(a.target_in(h.hour))}}});
  }
  if (!any_report) {
    in.push_back({"advanced reporting: none for this instruction (rules.md 4.3: the full instruction is penalized)",
                  s.path, {}});
  }
  for (std::size_t k = 0; k < s.availability.size(); ++k) {
    const Availability& a = s.availability[k];
    if (a.resource != res.id || !(a.start <= h.hour && h.hour < a.end)) continue;
    in.push_back({"availability (DSRI)", at_line(s, s.marks.availability, k),
                  {{"start", a.start.str()}, {"end", a.end.str()}, {"available_mw", a.available_mw.value().str()}}});
  }
  // The meter intervals inside the hour's obligated part (the record holds their time-weighted average).
  const MarketTime from = std::max(h.hour, ins.start);
  const MarketTime to = std::min(h.hour + Duration::hours(1), rec.effective_end);
  const std::string meter_file = s.meter.csv_path.empty() ? s.path : s.meter.csv_path;
  std::vector<ExplainInput> rows;
  if (const auto mine = meter_rows.find(res.id); mine != meter_rows.end()) {
    for (const MeterRow& m : mine->second) {
      const MarketTime end = m.start + Duration::minutes(m.minutes);
      if (end <= from || to <= m.start) continue;
      rows.push_back({"meter interval", fmt::format("{}:{}", meter_file, m.line),
                      {{"start", m.start.str()}, {"minutes", std::to_string(m.minutes)}, {"mw", m.mw.value().str()}}});
    }
  }
  std::sort(rows.begin(), rows.end(), [](const ExplainInput& a, const ExplainInput& b) {
    return a.values[0].second < b.values[0].second;
  });
  if (rows.empty()) in.push_back({"meter intervals: none inside the obligated part", meter_file, {}});
  in.insert(in.end(), rows.begin(), rows.end());
  in.push_back({"metered value over the obligated part (time-weighted average, rules.md 2)", meter_file,
                {{"measured_mw", text(h.measured)}}});
  if (res.protocol == Protocol::baseline) {
    const bool by_default = (h.flags & kDefaultBaseline) != 0;
    in.push_back({by_default ? "baseline: the default 10-day baseline (rules.md 4.6, its days in the derivation)"
                             : "baseline: the series value",
                  by_default ? s.path : places.place("baseline", res.id, h.hour),
                  {{"baseline_mw", text(h.baseline)},
                   {"same_day_adjusted", (h.flags & kSameDayAdjusted) != 0 ? "true" : "false"},
                   {"baseline_same_day_adjustment", s.rules.baseline_same_day_adjustment ? "true" : "false"}}});
  }
  in.push_back({"LMP at " + res.cpnode, places.place("lmp", res.cpnode, h.hour),
                {{"lmp_usd_per_mwh", text(line.lmp)}}});
  in.push_back({"RSG rate", places.place("rsg", "", h.hour), {{"rsg_usd_per_mwh", text(line.rsg)}}});
  return in;
}

// Whether an instruction's hour is the one `hour` names ("2022-12-23T16:00" or "HE17").
bool names_hour(const std::string& hour, MarketTime at) {
  return hour == at.str() || hour == fmt::format("HE{}", at.he());
}

ExplainedFigure explain_one_line(const RunResult& r, const InstructionRecord& rec, const HourRecord& h,
                                 const HourlyLine& line, const BaselineSteps& steps, const MeterRowsOf& meter_rows,
                                 scenarios::SeriesPlaces& places) {
  const Scenario& s = r.scenario;
  ExplainedFigure f;
  f.kind = "line";
  f.subject = fmt::format("{}@{} (HE{})", line.instruction_id, line.hour.str(), line.hour.he());
  f.inputs = line_inputs(s, rec, h, line, meter_rows, places);
  // The baseline as the run found it (its steps were added while the scenario ran).
  if (const auto it = steps.find({line.instruction_id, line.hour.seconds()}); it != steps.end()) {
    f.derivation.steps = it->second.steps;
  }
  const HourSettlement again =
      settle_hour(s.resources[rec.resource], h, s.rules, HourPrices{line.lmp, line.rsg}, &f.derivation);
  f.result = {{"shortfall_mw", again.shortfall.value().str()},
              {"shortfall_mwh", again.shortfall_mwh.value().str()},
              {"energy_charge_usd", again.energy_charge.str()},
              {"rsg_charge_usd", again.rsg_charge.str()},
              {"charges_usd", (again.energy_charge + again.rsg_charge).str()},
              {"flags", flags_text(again.flags)}};
  f.matches_statement = again.energy_charge == line.settled.energy_charge &&
                        again.rsg_charge == line.settled.rsg_charge && again.shortfall == line.settled.shortfall &&
                        again.shortfall_mwh == line.settled.shortfall_mwh && again.flags == line.settled.flags;
  return f;
}

Season season_of(const std::string& text, const std::string& selector) {
  const auto season = parse_season(text);
  if (!season) unknown(fmt::format("{}: no season '{}' (summer, fall, winter or spring)", selector, text));
  return *season;
}

std::pair<std::string, std::string> split_at(const std::string& selector, char sep, const char* form) {
  const auto at = selector.rfind(sep);
  if (at == std::string::npos || at == 0 || at + 1 == selector.size()) {
    unknown(fmt::format("'{}': expected {}", selector, form));
  }
  return {selector.substr(0, at), selector.substr(at + 1)};
}

}  // namespace

sim::SimulateOptions baseline_steps_for(const std::string& selector, BaselineSteps& steps) {
  sim::SimulateOptions options;
  std::string instruction, hour;
  if (selector != "all") std::tie(instruction, hour) = split_at(selector, '@', "INSTRUCTION@HOUR (2022-12-23T16:00 or HE17)");
  options.explain_baseline = [&steps, all = selector == "all", instruction, hour](const Instruction& ins,
                                                                                 MarketTime at) -> Explanation* {
    if (!all && (ins.id != instruction || !names_hour(hour, at))) return nullptr;
    Explanation& why = steps[{ins.id, at.seconds()}];
    why.steps.clear();  // the hour's baseline once (a rerun after a meter check starts over)
    return &why;
  };
  return options;
}

std::vector<ExplainedFigure> explain_lines(const RunResult& r, const std::string& selector,
                                           const BaselineSteps& steps) {
  const Statement& st = r.statement;
  std::string instruction, hour;
  if (selector != "all") std::tie(instruction, hour) = split_at(selector, '@', "INSTRUCTION@HOUR (2022-12-23T16:00 or HE17)");
  // The meter rows of the resources explained, in one pass over the meter file (not one per line).
  MeterRowsOf meter_rows;
  for (const auto& line : st.hourly) {
    if (selector == "all" || line.instruction_id == instruction) meter_rows.try_emplace(line.resource_id);
  }
  for_each_meter_row(r.scenario.meter, [&](const MeterRow& m) {
    if (const auto it = meter_rows.find(m.resource); it != meter_rows.end()) it->second.push_back(m);
  });
  scenarios::SeriesPlaces places(r.scenario);  // each series file read once
  // The statement's lines follow the record's instructions and hours, in order.
  std::vector<ExplainedFigure> out;
  std::size_t n = 0;
  bool known = false;
  for (const auto& rec : r.record.instructions) {
    for (const auto& h : rec.hours) {
      const HourlyLine& line = st.hourly.at(n++);
      if (selector != "all") {
        if (line.instruction_id != instruction) continue;
        known = true;
        if (!names_hour(hour, line.hour)) continue;
      }
      out.push_back(explain_one_line(r, rec, h, line, steps, meter_rows, places));
    }
  }
  if (selector != "all" && out.empty()) {
    unknown(known ? fmt::format("instruction {} has no settlement hour {}", instruction, hour)
                  : fmt::format("no instruction {} in the statement", instruction));
  }
  return out;
}

ExplainedFigure explain_failure(const RunResult& r, const std::string& instruction) {
  const Statement& st = r.statement;
  ExplainedFigure f;
  f.kind = "failure";
  f.subject = instruction;
  std::vector<FailedOccasion> occasions;
  for (const auto& l : st.failures) occasions.push_back(l.occasion);
  const auto is_mine = [&](const FailureLine& l) { return l.occasion.instruction_id == instruction; };
  const auto mine = std::find_if(st.failures.begin(), st.failures.end(), is_mine);
  if (mine == st.failures.end()) {
    bool any = false;
    for (const auto& line : st.hourly) {
      if (line.instruction_id != instruction) continue;
      any = true;
      f.inputs.push_back({fmt::format("hour {} (HE{})", line.hour.str(), line.hour.he()), "hourly.csv",
                          {{"shortfall_mw", line.settled.shortfall.value().str()},
                           {"charged", line.settled.charged ? "true" : "false"},
                           {"counts_for_failure", line.settled.counts_for_failure ? "true" : "false"}}});
    }
    if (!any) unknown(fmt::format("no instruction {} in the statement", instruction));
    f.derivation.add("4.8", "", "not a failed occasion: no hour of the instruction is charged and counts");
    f.result = {{"failed_occasion", "false"}};
    f.matches_statement = true;  // the statement has no failure line for it either
    return f;
  }
  const FailureOutcome again = count_failures(occasions, r.scenario.rules, &f.derivation, instruction);
  const auto found = std::find_if(again.lines.begin(), again.lines.end(), is_mine);
  f.result = {{"failed_occasion", "true"},
              {"counted", found->counted ? "true" : "false"},
              {"disqualified", found->disqualified ? "true" : "false"}};
  f.matches_statement = found->counted == mine->counted && found->disqualified == mine->disqualified;
  return f;
}

ExplainedFigure explain_capacity(const RunResult& r, const std::string& selector) {
  const auto parts = split_at(selector, ':', "RESOURCE:SEASON (EL-DR-B2:winter)");
  const std::string& resource = parts.first;  // captured below: not a structured binding (clang 14)
  const std::string& season_text = parts.second;
  const Season season = season_of(season_text, selector);
  const Scenario& s = r.scenario;
  const auto res = std::find_if(s.resources.begin(), s.resources.end(), [&](const Resource& x) { return x.id == resource; });
  if (res == s.resources.end()) unknown(fmt::format("no resource {}", resource));
  ExplainedFigure f;
  f.kind = "capacity";
  f.subject = selector;
  f.inputs.push_back({"resource " + resource, at_line(s, s.marks.resources, static_cast<std::size_t>(res - s.resources.begin())), {}});
  const auto line = capacity_line(s, *res, season, disqualifications_of(*res, r.statement.disqualifications), &f.derivation);
  if (!line) {
    f.derivation.add("4.9", "", "no MW cleared in the season: no capacity line");
    f.result = {{"amount_usd", "none"}};
    f.matches_statement = true;
    return f;
  }
  f.result = {{"days_paid", std::to_string(line->days_paid)}, {"amount_usd", line->amount.str()}};
  for (const auto& c : r.statement.capacity) {
    if (c.resource_id == resource && c.season == season) {
      f.matches_statement = c.amount == line->amount && c.days_paid == line->days_paid;
    }
  }
  return f;
}

ExplainedFigure explain_allocation(const RunResult& r, const std::string& lse) {
  const Statement& st = r.statement;
  ExplainedFigure f;
  f.kind = "allocation";
  f.subject = lse;
  // The shares of each charged instruction-hour, in the statement's order.
  std::map<std::pair<std::string, std::int64_t>, std::vector<const AllocationShare*>> hours;
  std::vector<std::pair<std::string, std::int64_t>> order;
  for (const auto& sh : st.allocation_shares) {
    auto& v = hours[{sh.instruction_id, sh.hour.seconds()}];
    if (v.empty()) order.emplace_back(sh.instruction_id, sh.hour.seconds());
    v.push_back(&sh);
  }
  Money total;
  bool all_equal = true;
  for (const auto& key : order) {
    const auto& shares = hours[key];
    const auto mine = std::find_if(shares.begin(), shares.end(), [&](const AllocationShare* x) { return x->lse_id == lse; });
    if (mine == shares.end()) continue;
    std::vector<Weighted> parts;
    Money amount;
    for (const AllocationShare* x : shares) {
      parts.push_back({x->lse_id, x->weight});
      amount += x->amount;
    }
    f.inputs.push_back({fmt::format("charges of {} at {}", key.first, (*mine)->hour.str()),
                        (*mine)->static_share ? "lses.load_ratio_share" : "series.lse_load",
                        {{"charges_usd", amount.str()}, {"weight", (*mine)->weight.str()},
                         {"static_share", (*mine)->static_share ? "true" : "false"}}});
    const auto split = largest_remainder_split(amount, parts, &f.derivation, lse);
    const Money share = split[static_cast<std::size_t>(mine - shares.begin())];
    all_equal = all_equal && share == (*mine)->amount;
    total += share;
  }
  f.derivation.add("4.10", "", "the LSE's allocation = the sum of its shares", {{"allocated_usd", total.str()}});
  const auto line = std::find_if(st.allocation.begin(), st.allocation.end(), [&](const AllocationLine& a) { return a.lse_id == lse; });
  if (line == st.allocation.end() && order.empty()) unknown(fmt::format("no LSE {} in the allocation", lse));
  f.result = {{"allocated_usd", total.str()}};
  f.matches_statement = all_equal && line != st.allocation.end() && line->amount == total;
  return f;
}

std::vector<ExplainedFigure> explain_eo(const RunResult& r, const std::string& selector) {
  const auto [mp, season_text] = split_at(selector, ':', "MP:SEASON (MP-1:summer)");
  const Season season = season_of(season_text, selector);
  const Scenario& s = r.scenario;
  const Statement& st = r.statement;
  std::vector<ChargedShortfall> charged;
  for (const auto& line : st.hourly) {
    if (line.settled.charged) charged.push_back({line.resource_id, line.hour, line.settled.shortfall});
  }
  std::vector<ExplainedFigure> out;
  // The statement's EO lines are the entries' lines in order, four seasons each.
  std::size_t first_line = 0;
  for (std::size_t k = 0; k < s.eo.size(); first_line += kSeasons.size(), ++k) {
    const EoConfig& eo = s.eo[k];
    if (eo.mp != mp) continue;
    ExplainedFigure f;
    f.kind = "eo";
    f.subject = fmt::format("{}:{} (zone {})", mp, name(season), eo.zone);
    f.inputs.push_back({"eo entry", at_line(s, s.marks.eo, k), {}});
    const EoResult again = earnings_opportunity(s, eo, st.disqualifications, charged, &f.derivation, season);
    const auto mine = std::find_if(again.lines.begin(), again.lines.end(), [&](const EoLine& l) { return l.season == season; });
    f.result = {{"nonperformance_mw", mine->nonperformance_mw.value().str()}, {"eo_before_usd", mine->eo_before.str()},
                {"adjustment_usd", mine->adjustment.str()}, {"eo_usd", mine->eo.str()}};
    const std::size_t at = first_line + static_cast<std::size_t>(mine - again.lines.begin());
    f.matches_statement = at < st.eo.size() && st.eo[at].eo == mine->eo && st.eo[at].adjustment == mine->adjustment;
    out.push_back(std::move(f));
  }
  if (out.empty()) unknown(fmt::format("no eo entry for MP {}", mp));
  return out;
}

}  // namespace drsim::app
