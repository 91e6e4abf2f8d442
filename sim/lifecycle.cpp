// The LMR event lifecycle: the planned obligations replayed on the engine as the clock passes.
#include "lifecycle.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "settlement/problem.hpp"
#include "sim/baseline_provider.hpp"
#include "sim/engine.hpp"
#include "sim/event_priority.hpp"
#include "sim/exemption_stages.hpp"
#include "sim/hour_terms.hpp"
#include "sim/meter_integrator.hpp"
#include "sim/obligation_plan.hpp"

namespace drsim::sim {

namespace {

// The integrator as the meter history of the baselines.
class IntegratorHistory final : public MeterHistory {
 public:
  explicit IntegratorHistory(const MeterIntegrator& m) : m_(m) {}
  std::optional<Mw> hour_average(std::size_t r, MarketTime hour) const override { return m_.hour_average(r, hour); }
  bool fully_metered(std::size_t r, Date day) const override { return m_.fully_metered(r, day); }
  std::optional<Date> first_metered_day(std::size_t r) const override { return m_.first_metered_day(r); }

 private:
  const MeterIntegrator& m_;
};

class Lifecycle {
 public:
  Lifecycle(const Market& s, SimulateOptions options)
      : s_(s),
        tracing_(options.trace),
        explain_baseline_(std::move(options.explain_baseline)),
        meters_(s.resources),
        history_(meters_),
        plans_(plan_obligations(s.instructions, s.resources, s.rules)),
        baselines_(s.resources, s.instructions, s.baseline, s.rules, plans_, history_) {
    engine_.set_tracing(tracing_);
    std::unordered_map<std::string, std::size_t> resource_index;
    for (std::size_t i = 0; i < s.resources.size(); ++i) resource_index.emplace(s.resources[i].id, i);
    for (std::size_t i = 0; i < s.instructions.size(); ++i) instruction_index_.emplace(s.instructions[i].id, i);
    availability_of_.resize(s.resources.size());
    outages_of_.resize(s.resources.size());
    for (const auto& a : s.availability) {
      if (auto it = resource_index.find(a.resource); it != resource_index.end()) availability_of_[it->second].push_back(&a);
    }
    for (const auto& o : s.outages) {
      if (auto it = resource_index.find(o.resource); it != resource_index.end()) outages_of_[it->second].push_back(&o);
    }
  }

  RunRecord run(const MeterFeed& feed) {
    declare();
    meters_.seal();
    feed(meters_);
    record_.meter_rows = meters_.rows();
    schedule();
    engine_.run();
    if (!problems_.empty()) throw InputError(std::move(problems_));
    finish();
    return std::move(record_);
  }

 private:
  // The instruction records (in plan order: by start, then id) with their hours, and the
  // meter windows and baseline days they need, declared before the meter stream.
  void declare() {
    windows_.resize(plans_.size());
    record_.instructions.reserve(plans_.size());
    for (std::size_t k = 0; k < plans_.size(); ++k) {
      const ObligationSchedule& p = plans_[k];
      InstructionRecord rec;
      rec.instruction = p.instruction;
      rec.resource = p.resource;
      rec.season = p.season;
      rec.effective_end = p.effective_end;
      rec.obligated_end = p.obligated_end;
      rec.hours.reserve(p.hours.size());
      rec.statuses.reserve(4);  // far, near, active, completed: at most one more when withdrawn
      windows_[k].reserve(p.hours.size());
      for (const HourObligation& o : p.hours) {
        HourRecord hr;
        hr.hour = o.hour;
        hr.obligated = o.obligated;
        windows_[k].push_back(meters_.add_window(p.resource, o.measure_from, o.measure_to));
        rec.hours.push_back(hr);
      }
      const HistoryNeed need = baselines_.history_need(p);
      if (need.same_day_days) meters_.add_days(p.resource, need.same_day_days->first, need.same_day_days->second);
      if (need.through) meters_.keep_history(p.resource, *need.through);
      record_.instructions.push_back(std::move(rec));
    }
  }

  // The record of the event running, for its handler's notes.
  TraceRecord& event() { return engine_.current(); }
  // An event's entity as the trace names it: nothing to copy when the run keeps no trace.
  std::string entity(const std::string& id) const { return tracing_ ? id : std::string(); }

  void schedule() {
    for (const auto& e : s_.emergencies) {
      engine_.schedule(e.start, kEmergencyDeclared, "emergency_declared", entity(e.id), [this, &e] {
        if (tracing_) event().note(fmt::format("lbas={} level={}", fmt::join(e.lbas, ";"), e.level));
      });
      engine_.schedule(e.end, kEmergencyEnded, "emergency_ended", entity(e.id), [this] { if (tracing_) event().note(); });
    }
    for (const auto& o : s_.outages) {
      engine_.schedule(o.start, kOutage, "outage_start", entity(o.resource),
                       [this, &o] { if (tracing_) event().note(std::string(name(o.reason))); });
      engine_.schedule(o.end, kOutage, "outage_end", entity(o.resource), [this] { if (tracing_) event().note(); });
    }
    for (const auto& a : s_.availability) {
      engine_.schedule(a.start, kAvailability, "availability", entity(a.resource), [this, &a] {
        if (tracing_) event().note(fmt::format("available_mw={} until {}", a.available_mw.value().str(), a.end.str()));
      });
    }
    for (std::size_t i = 0; i < s_.advanced_reporting.size(); ++i) {
      const auto& ar = s_.advanced_reporting[i];
      engine_.schedule(ar.entered, kReporting, "advanced_reporting", entity(ar.instruction), [this, i] { on_reporting(i); });
    }
    for (std::size_t k = 0; k < plans_.size(); ++k) {
      const Instruction& ins = s_.instructions[plans_[k].instruction];
      engine_.schedule(ins.issued, kIssued, "instruction_issued", entity(ins.id), [this, k] { on_issued(k); });
    }
  }

  // A status change, logged under the running event's kind (instruction_near, _active, ...).
  void set_status(InstructionRecord& rec, InstructionStatus st) {
    rec.statuses.push_back({engine_.now(), st});
    if (tracing_) event().note();
  }

  void on_issued(std::size_t k) {
    const ObligationSchedule& p = plans_[k];
    InstructionRecord& rec = record_.instructions[k];
    const Instruction& ins = s_.instructions[p.instruction];
    if (tracing_) {
      event().note(fmt::format("resource={} start={} end={}{}", s_.resources[p.resource].id, ins.start.str(),
                             ins.end.str(), ins.acknowledged ? "" : " not_acknowledged"));
    }
    rec.statuses.push_back({engine_.now(), InstructionStatus::far});
    rec.whole_exemption =
        exemption_at_issue(ins, p.registration, declared_availability(availability_of_[p.resource], p.season));
    if (tracing_ && rec.whole_exemption != ExemptReason::none) event().note_as("exemption", std::string(name(rec.whole_exemption)));
    if (p.withdrawal_at) {
      engine_.schedule(*p.withdrawal_at, kWithdrawn, "instruction_withdrawn", entity(ins.id), [this, k] { on_withdrawn(k); });
    }
    if (p.near_at) {
      engine_.schedule(*p.near_at, kNear, "instruction_near", entity(ins.id), [this, k] {
        auto& r = record_.instructions[k];
        if (r.statuses.back().status == InstructionStatus::far) set_status(r, InstructionStatus::near);
      });
    }
    engine_.schedule(p.active_at, kActive, "instruction_active", entity(ins.id), [this, k] { on_active(k); });
  }

  void on_withdrawn(std::size_t k) {
    const ObligationSchedule& p = plans_[k];
    const Instruction& ins = s_.instructions[p.instruction];
    if (p.withdrawn_in_time) {
      set_status(record_.instructions[k], InstructionStatus::withdrawn);
    } else if (tracing_) {
      event().note_as("withdrawal", engine_.now() < ins.start ? "too late: full obligation stays" : "window ends now");
    }
  }

  void on_reporting(std::size_t i) {
    const auto& ar = s_.advanced_reporting[i];
    const auto it = instruction_index_.find(ar.instruction);
    if (it == instruction_index_.end()) return;
    InstructionRecord& rec = record_.instructions[record_position(it->second)];
    const Instruction& ins = s_.instructions[rec.instruction];
    if (ar.entered <= ins.start) {
      // The latest entry at or before start counts; at equal times, the later one in the file.
      if (!rec.report || s_.advanced_reporting[*rec.report].entered <= ar.entered) rec.report = i;
      if (tracing_) event().note("accepted");
    } else {
      rec.late_report = true;
      if (tracing_) event().note("late: entered after start, ignored");
    }
  }

  void on_active(std::size_t k) {
    const ObligationSchedule& p = plans_[k];
    InstructionRecord& rec = record_.instructions[k];
    const Instruction& ins = s_.instructions[p.instruction];
    int& deployed = deployments_[{p.resource, p.season}];
    if (rec.whole_exemption == ExemptReason::none) {
      // Not exempt at issue, so registered: rows 4-5 of the table decide.
      rec.whole_exemption = exemption_at_start(ins, *p.registration, deployed, s_.rules);
      if (tracing_ && rec.whole_exemption != ExemptReason::none) event().note_as("exemption", std::string(name(rec.whole_exemption)));
    }
    rec.deployment = is_deployment(ins, rec.whole_exemption);
    if (rec.deployment) ++deployed;
    if (rec.statuses.back().status != InstructionStatus::withdrawn) set_status(rec, InstructionStatus::active);
    for (std::size_t h = 0; h < p.hours.size(); ++h) {
      // Two 32-bit indices: the handler stays within std::function's inline storage (no allocation).
      engine_.schedule(p.hours[h].settle_at, kHour, "hour_settled", entity(ins.id),
                       [this, k32 = static_cast<std::uint32_t>(k), h32 = static_cast<std::uint32_t>(h)] {
                         on_hour(k32, h32);
                       });
    }
    engine_.schedule(p.completed_at, kCompleted, "instruction_completed", entity(ins.id), [this, k] {
      auto& r = record_.instructions[k];
      if (r.statuses.back().status != InstructionStatus::withdrawn) set_status(r, InstructionStatus::completed);
    });
  }

  void on_hour(std::size_t k, std::size_t h) {
    const ObligationSchedule& p = plans_[k];
    InstructionRecord& rec = record_.instructions[k];
    const Instruction& ins = s_.instructions[p.instruction];
    HourRecord& hr = rec.hours[h];
    const InstructionTerms terms{ins,
                                 p.registration,
                                 p.obligated_end,
                                 availability_of_[p.resource],
                                 outages_of_[p.resource],
                                 rec.report ? &s_.advanced_reporting[*rec.report] : nullptr,
                                 rec.late_report,
                                 rec.whole_exemption};
    fill_hour_terms(terms, hr);
    hr.measured = meters_.window_average(windows_[k][h]);
    if (s_.resources[p.resource].protocol == Protocol::baseline) {
      // Too few eligible days is an input error only for an hour that needs its baseline;
      // another hour then has none (and shows no actual).
      Explanation* why = explain_baseline_ ? explain_baseline_(s_.instructions[p.instruction], hr.hour) : nullptr;
      const BaselineValue b = baselines_.baseline(p, hr.hour, why);
      hr.baseline = b.mw;
      hr.flags |= b.flags;
      if (b.too_few_days && needs_baseline(rec.whole_exemption, hr, s_.rules)) {
        report_short_history(p.resource, hr.hour.date());
      }
    }
    if (tracing_) event().note(fmt::format("he={} exempt={}", hr.hour.he(), name(hr.exempt)));
  }

  void report_short_history(std::size_t r, Date day) {
    if (!short_history_.insert({r, day.days()}).second) return;
    const Resource& res = s_.resources[r];
    problems_.push_back({"", 0, 0, "resources." + res.id,
                         fmt::format("only {} eligible baseline days (weekdays, not NERC holidays, fully "
                                     "metered, without instructions) in the meter history before {}; the default "
                                     "baseline needs {}",
                                     baselines_.eligible_days(r, day).size(), day.str(), kBaselineDays)});
  }

  std::size_t record_position(std::size_t instruction) {
    if (position_.empty()) {
      for (std::size_t k = 0; k < record_.instructions.size(); ++k) position_[record_.instructions[k].instruction] = k;
    }
    return position_.at(instruction);
  }

  void finish() {
    std::map<std::pair<std::size_t, SeasonKey>, int> counts;
    for (const auto& rec : record_.instructions) counts[{rec.resource, rec.season}] += rec.deployment;
    for (const auto& [key, n] : counts) {
      const auto& reg = at(s_.resources[key.first].seasons, key.second.season);
      record_.deployments.push_back({key.first, key.second, n, seasonal_minimum_interruptions(key.second.season),
                                     reg ? reg->max_interruptions : 0});
    }
    // The event log is the notes the handlers attached to the engine's records.
    for (const TraceRecord& r : engine_.trace()) {
      for (const Note& n : r.notes) record_.events.push_back({r.ordinal, r.time, n.kind, r.entity, n.detail});
    }
    if (tracing_) record_.fingerprint = engine_.fingerprint();
  }

  const Market& s_;
  const bool tracing_;  // keep the event trace, its notes (the event log) and the fingerprint
  const std::function<Explanation*(const Instruction&, MarketTime)> explain_baseline_;  // drsim explain only
  Engine engine_;
  MeterIntegrator meters_;
  IntegratorHistory history_;
  std::vector<ObligationSchedule> plans_;
  BaselineProvider baselines_;
  RunRecord record_;
  std::vector<std::vector<MeterIntegrator::WindowId>> windows_;  // per plan, per hour
  std::vector<Problem> problems_;
  std::unordered_map<std::string, std::size_t> instruction_index_;
  std::vector<std::vector<const Availability*>> availability_of_;  // per resource index
  std::vector<std::vector<const Outage*>> outages_of_;             // per resource index
  std::unordered_map<std::size_t, std::size_t> position_;
  std::map<std::pair<std::size_t, SeasonKey>, int> deployments_;
  std::set<std::pair<std::size_t, std::int32_t>> short_history_;
};

}  // namespace

MeterFeed inline_meter_feed(const std::vector<MeterRow>& rows) {
  return [&rows](MeterIntegrator& m) {
    for (const auto& row : rows) m.feed(row);
  };
}

RunRecord simulate(const Market& s, const MeterFeed& meters, SimulateOptions options) {
  Lifecycle lc(s, options);
  return lc.run(meters);
}

}  // namespace drsim::sim
