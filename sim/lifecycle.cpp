// The LMR event lifecycle: plan the windows, integrate meters, replay the events.
#include "lifecycle.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "settlement/baseline.hpp"
#include "settlement/problem.hpp"
#include "sim/engine.hpp"
#include "sim/meter_integrator.hpp"

namespace drsim::sim {

namespace {

// Same-time order of event kinds (the engine's priority): what is known at an
// instant is applied before the instructions that depend on it.
enum Priority : int {
  kEmergencyDeclared = 0,
  kOutage = 1,
  kAvailability = 2,
  kIssued = 3,
  kWithdrawn = 4,
  kReporting = 5,
  kNear = 6,
  kActive = 7,
  kHour = 8,
  kCompleted = 9,
  kEmergencyEnded = 10,
};

const SeasonRegistration* registration(const Resource& r, Season s) {
  const auto& reg = at(r.seasons, s);
  return reg ? &*reg : nullptr;
}

bool overlaps(MarketTime a0, MarketTime a1, MarketTime b0, MarketTime b1) { return a0 < b1 && b0 < a1; }

class Lifecycle {
 public:
  Lifecycle(const Scenario& s) : s_(s), meters_(s.resources) {
    for (std::size_t i = 0; i < s.resources.size(); ++i) resource_index_.emplace(s.resources[i].id, i);
    for (std::size_t i = 0; i < s.instructions.size(); ++i) instruction_index_.emplace(s.instructions[i].id, i);
    availability_of_.resize(s.resources.size());
    outages_of_.resize(s.resources.size());
    for (const auto& a : s.availability) {
      if (auto it = resource_index_.find(a.resource); it != resource_index_.end()) availability_of_[it->second].push_back(&a);
    }
    for (const auto& o : s.outages) {
      if (auto it = resource_index_.find(o.resource); it != resource_index_.end()) outages_of_[it->second].push_back(&o);
    }
  }

  RunRecord run(const MeterFeed& feed) {
    plan();
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
  struct HourPlan {
    MeterIntegrator::WindowId measured = 0;  // obligated part, or the window part past it
  };
  struct Plan {
    std::vector<HourPlan> hours;
  };

  // Builds the instruction records (ordered by start, then id) with their hours,
  // and declares the meter windows and baseline days they need.
  void plan() {
    std::vector<std::size_t> order(s_.instructions.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const auto& x = s_.instructions[a];
      const auto& y = s_.instructions[b];
      return std::tie(x.start, x.id) < std::tie(y.start, y.id);
    });
    // Days with an hour of an instruction window, per resource (4.6). Left out: one withdrawn
    // at or before start - withdrawal_notice_h, whatever its 4.1 reason (short notice too),
    // and an empty window (withdrawn at its very start, 3.2), which has no hour.
    for (const auto& ins : s_.instructions) {
      if (withdrawn_in_time(ins, s_.rules)) continue;
      const std::size_t r = resource_index_.at(ins.resource);
      for (MarketTime h : window_hours(ins.start, effective_end(ins))) instruction_days_[r].insert(h.date().days());
    }
    for (std::size_t idx : order) {
      const Instruction& ins = s_.instructions[idx];
      InstructionRecord rec;
      rec.instruction = idx;
      rec.resource = resource_index_.at(ins.resource);
      rec.season = season_key(ins.start.date());
      const Resource& res = s_.resources[rec.resource];
      const SeasonRegistration* reg = registration(res, rec.season.season);
      rec.effective_end = effective_end(ins);
      rec.obligated_end = obligated_end(ins, reg);
      Plan plan;
      const ExactTime start = ExactTime::of(ins.start);
      for (MarketTime h : window_hours(ins.start, rec.effective_end)) {
        HourRecord hr;
        hr.hour = h;
        hr.obligated = covered(h, start, rec.obligated_end);
        // Measure over the obligated part of the hour (its end may fall between whole
        // seconds, 1a); an hour wholly past it is measured over its part of the window,
        // for the record only.
        const ExactTime hour = ExactTime::of(h);
        const ExactTime from = max(hour, start);
        const ExactTime to = min(ExactTime::of(h + Duration::hours(1)),
                                 hour < rec.obligated_end ? rec.obligated_end : ExactTime::of(rec.effective_end));
        plan.hours.push_back({meters_.add_window(rec.resource, from, to)});
        rec.hours.push_back(hr);
      }
      keep_baseline_history(res, ins, rec);
      plans_.push_back(std::move(plan));
      record_.instructions.push_back(std::move(rec));
    }
  }

  // The settlement hours of a window [start, end): none when it is empty (a withdrawal at
  // its very start, rules.md 3.2), so such a window has no hour, no charge and no failure.
  static std::vector<MarketTime> window_hours(MarketTime start, MarketTime end) {
    std::vector<MarketTime> out;
    for (MarketTime h = start.hour_start(); h < end && start < end; h = h + Duration::hours(1)) out.push_back(h);
    return out;
  }

  // The meter history a default baseline of this instruction can use (4.6): every weekday
  // that is not a NERC holiday, however far back, up to the last day of an hour the
  // baseline series leaves out; with the same-day adjustment also the days of the 3 hours
  // before issue. Held as hourly sums per day (MeterIntegrator), never as rows. History is
  // kept for every hour that would show a default baseline, not only for those whose
  // shortfall needs one, so what an hour shows never depends on other instructions.
  void keep_baseline_history(const Resource& res, const Instruction& ins, const InstructionRecord& rec) {
    if (res.protocol != Protocol::baseline) return;
    std::optional<Date> through;
    for (const auto& h : rec.hours) {
      if (!s_.baseline.get(res.id, h.hour)) through = h.hour.date();
    }
    if (!through) return;
    if (s_.rules.baseline_same_day_adjustment) {
      const MarketTime last_end = ins.issued.hour_start();
      const Date first = (last_end - Duration::hours(3)).date();
      const Date last = (last_end - Duration::hours(1)).date();
      meters_.add_days(rec.resource, first, last);
      through = std::max(*through, last);
    }
    meters_.keep_history(rec.resource, *through);
  }

  void log(std::string kind, std::string entity, std::string detail = {}) {
    record_.events.push_back({engine_.dispatched(), engine_.now(), std::move(kind), std::move(entity), std::move(detail)});
  }

  void schedule() {
    for (const auto& e : s_.emergencies) {
      engine_.schedule(e.start, kEmergencyDeclared, "emergency_declared", e.id, [this, &e] {
        log("emergency_declared", e.id, fmt::format("lbas={} level={}", fmt::join(e.lbas, ";"), e.level));
      });
      engine_.schedule(e.end, kEmergencyEnded, "emergency_ended", e.id, [this, &e] { log("emergency_ended", e.id); });
    }
    for (const auto& o : s_.outages) {
      engine_.schedule(o.start, kOutage, "outage_start", o.resource,
                       [this, &o] { log("outage_start", o.resource, std::string(name(o.reason))); });
      engine_.schedule(o.end, kOutage, "outage_end", o.resource, [this, &o] { log("outage_end", o.resource); });
    }
    for (const auto& a : s_.availability) {
      engine_.schedule(a.start, kAvailability, "availability", a.resource, [this, &a] {
        log("availability", a.resource, fmt::format("available_mw={} until {}", a.available_mw.value().str(), a.end.str()));
      });
    }
    for (std::size_t i = 0; i < s_.advanced_reporting.size(); ++i) {
      const auto& ar = s_.advanced_reporting[i];
      engine_.schedule(ar.entered, kReporting, "advanced_reporting", ar.instruction, [this, i] { on_reporting(i); });
    }
    for (std::size_t k = 0; k < record_.instructions.size(); ++k) {
      const Instruction& ins = s_.instructions[record_.instructions[k].instruction];
      engine_.schedule(ins.issued, kIssued, "instruction_issued", ins.id, [this, k] { on_issued(k); });
    }
  }

  void set_status(InstructionRecord& rec, InstructionStatus st) {
    rec.statuses.push_back({engine_.now(), st});
    log(fmt::format("instruction_{}", name(st)), s_.instructions[rec.instruction].id);
  }

  void on_issued(std::size_t k) {
    InstructionRecord& rec = record_.instructions[k];
    const Instruction& ins = s_.instructions[rec.instruction];
    const Resource& res = s_.resources[rec.resource];
    log("instruction_issued", ins.id,
        fmt::format("resource={} start={} end={}{}", res.id, ins.start.str(), ins.end.str(),
                    ins.acknowledged ? "" : " not_acknowledged"));
    rec.statuses.push_back({engine_.now(), InstructionStatus::far});
    const SeasonRegistration* reg = registration(res, rec.season.season);
    // Checks that hold from the moment of issue; withdrawal and interruptions are decided at start.
    RegistrationFacts facts{reg, declared_availability(rec), 0};
    const ExemptReason early = whole_instruction_exemption(ins, facts, Rules{.withdrawal_notice_h = Decimal{}});
    if (early == ExemptReason::not_registered || early == ExemptReason::outside_availability ||
        early == ExemptReason::short_notice) {
      rec.whole_exemption = early;
      log("exemption", ins.id, std::string(name(early)));
    }
    if (ins.withdrawn) {
      engine_.schedule(std::max(*ins.withdrawn, engine_.now()), kWithdrawn, "instruction_withdrawn", ins.id,
                       [this, k] { on_withdrawn(k); });
    }
    // Near from start - notification_h; that instant may fall between whole seconds
    // (2.0001 h is 7200.36 s), and the status is placed at the next whole second.
    const MarketTime near_at =
        reg ? (ExactTime::of(ins.start) - ExactDuration::hours(reg->notification_h)).ceil_second() : ins.start;
    if (near_at > engine_.now() && near_at < ins.start) {
      engine_.schedule(near_at, kNear, "instruction_near", ins.id, [this, k] {
        auto& r = record_.instructions[k];
        if (r.statuses.back().status == InstructionStatus::far) set_status(r, InstructionStatus::near);
      });
    }
    // An instruction issued at or after its start (short notice, 4.1) becomes active when issued.
    engine_.schedule(std::max(ins.start, engine_.now()), kActive, "instruction_active", ins.id,
                     [this, k] { on_active(k); });
  }

  void on_withdrawn(std::size_t k) {
    InstructionRecord& rec = record_.instructions[k];
    const Instruction& ins = s_.instructions[rec.instruction];
    if (withdrawn_in_time(ins, s_.rules)) {
      set_status(rec, InstructionStatus::withdrawn);
    } else {
      log("withdrawal", ins.id, engine_.now() < ins.start ? "too late: full obligation stays" : "window ends now");
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
      log("advanced_reporting", ins.id, "accepted");
    } else {
      rec.late_report = true;
      log("advanced_reporting", ins.id, "late: entered after start, ignored");
    }
  }

  void on_active(std::size_t k) {
    InstructionRecord& rec = record_.instructions[k];
    const Instruction& ins = s_.instructions[rec.instruction];
    const Resource& res = s_.resources[rec.resource];
    const SeasonRegistration* reg = registration(res, rec.season.season);
    int& deployed = deployments_[{rec.resource, rec.season}];
    if (rec.whole_exemption == ExemptReason::none) {
      RegistrationFacts facts{reg, declared_availability(rec), deployed};
      rec.whole_exemption = whole_instruction_exemption(ins, facts, s_.rules);
      if (rec.whole_exemption != ExemptReason::none) log("exemption", ins.id, std::string(name(rec.whole_exemption)));
    }
    rec.deployment = is_deployment(ins, rec.whole_exemption);
    if (rec.deployment) ++deployed;
    if (rec.statuses.back().status != InstructionStatus::withdrawn) set_status(rec, InstructionStatus::active);
    for (std::size_t h = 0; h < rec.hours.size(); ++h) {
      const MarketTime hour_end = std::min(rec.hours[h].hour + Duration::hours(1), rec.effective_end);
      engine_.schedule(std::max(hour_end, engine_.now()), kHour, "hour_settled", ins.id,
                       [this, k, h] { on_hour(k, h); });
    }
    engine_.schedule(std::max(rec.effective_end, engine_.now()), kCompleted, "instruction_completed", ins.id,
                     [this, k] {
                       auto& r = record_.instructions[k];
                       if (r.statuses.back().status != InstructionStatus::withdrawn) {
                         set_status(r, InstructionStatus::completed);
                       }
                     });
  }

  // Rules.md 3.4: availability above 0 declared at any time in the season.
  bool declared_availability(const InstructionRecord& rec) const {
    const DateRange season = season_range(rec.season.planning_year, rec.season.season);
    const MarketTime a = MarketTime::at(season.begin);
    const MarketTime b = MarketTime::at(season.end);
    for (const Availability* av : availability_of_[rec.resource]) {
      if (av->available_mw > Mw{} && overlaps(av->start, av->end, a, b)) return true;
    }
    return false;
  }

  // Rules.md 3.4: the smallest MW in force over the hour's obligated part, cleared plus
  // FRAP MW counting wherever no entry is in force during some of it; an hour with no
  // obligated part takes the MW in force at its start. Entries never overlap (an input error).
  Mw available_in(const InstructionRecord& rec, MarketTime hour) const {
    const Resource& res = s_.resources[rec.resource];
    const SeasonRegistration* reg = registration(res, rec.season.season);
    const Mw registered = reg ? reg->cleared_mw + reg->frap_mw : Mw{};
    ExactTime from = max(ExactTime::of(hour), ExactTime::of(s_.instructions[rec.instruction].start));
    ExactTime to = min(ExactTime::of(hour + Duration::hours(1)), rec.obligated_end);
    if (to <= from) {
      from = ExactTime::of(hour);  // the instant of its start
      to = from + ExactDuration{1};
    }
    std::vector<const Availability*> in_force;
    for (const Availability* av : availability_of_[rec.resource]) {
      if (ExactTime::of(av->start) < to && from < ExactTime::of(av->end)) in_force.push_back(av);
    }
    std::sort(in_force.begin(), in_force.end(),
              [](const Availability* a, const Availability* b) { return a->start < b->start; });
    std::optional<Mw> low;
    bool gap = false;
    ExactTime reached = from;
    for (const Availability* av : in_force) {
      if (ExactTime::of(av->start) > reached) gap = true;
      reached = max(reached, ExactTime::of(av->end));
      low = low ? min(*low, av->available_mw) : av->available_mw;
    }
    if (reached < to) gap = true;
    if (gap) low = low ? min(*low, registered) : registered;
    return *low;
  }

  void on_hour(std::size_t k, std::size_t h) {
    InstructionRecord& rec = record_.instructions[k];
    const Instruction& ins = s_.instructions[rec.instruction];
    const Resource& res = s_.resources[rec.resource];
    HourRecord& hr = rec.hours[h];
    const MarketTime hour_end = hr.hour + Duration::hours(1);
    hr.instruction_mw = ins.mw_in(hr.hour);
    hr.available_mw = available_in(rec, hr.hour);
    hr.instructed_mw = instructed_mw(hr.instruction_mw, hr.available_mw);
    if (rec.report) hr.reported_target = s_.advanced_reporting[*rec.report].target_in(hr.hour);
    if (rec.late_report) hr.flags |= kLateAdvancedReporting;
    if (!ins.acknowledged) hr.flags |= kNotAcknowledged;
    bool excused = false;
    for (const Outage* o : outages_of_[rec.resource]) {
      if (!overlaps(o->start, o->end, hr.hour, hour_end)) continue;
      if (o->reason == OutageReason::forced) hr.flags |= kForcedOutage;
      else excused = true;
    }
    hr.exempt = rec.whole_exemption != ExemptReason::none ? rec.whole_exemption
                                                          : hour_exemption(hr.hour, rec.obligated_end, excused);
    hr.measured = meters_.window_average(plans_[k].hours[h].measured);
    if (res.protocol == Protocol::baseline) hr.baseline = baseline_for(rec, hr);
    log("hour_settled", ins.id, fmt::format("he={} exempt={}", hr.hour.he(), name(hr.exempt)));
  }

  // True when the hour's shortfall depends on its baseline (4.6, v1.2). Not for an
  // instruction exempt as a whole, an hour exempt by 4.2 (unless an excused outage hour
  // settled under charged_not_counted), an hour without advanced reporting (charged the
  // instruction's MW whatever the response), nor an hour whose meter value is missing
  // (its response is 0 whatever the baseline, 4.7).
  bool needs_baseline(const InstructionRecord& rec, const HourRecord& hr) const {
    if (rec.whole_exemption != ExemptReason::none) return false;
    if (hr.exempt == ExemptReason::max_duration) return false;
    if (hr.exempt == ExemptReason::outage_excused && s_.rules.outage_excused_hours != OutageExcusedHours::charged_not_counted) {
      return false;
    }
    return hr.reported_target.has_value() && hr.measured.has_value();
  }

  // The baseline of an hour: the series value, or the default of rules.md 4.6. Too few
  // eligible days is an input error only for an hour that needs it; another hour then
  // has no baseline (and shows no actual).
  std::optional<Mw> baseline_for(const InstructionRecord& rec, HourRecord& hr) {
    const Resource& res = s_.resources[rec.resource];
    if (auto v = s_.baseline.get(res.id, hr.hour)) return Mw(*v);
    auto base = default_baseline(rec.resource, hr.hour);
    if (!base) {
      if (needs_baseline(rec, hr)) report_short_history(rec.resource, hr.hour.date());
      return std::nullopt;
    }
    hr.flags |= kDefaultBaseline;
    if (s_.rules.baseline_same_day_adjustment) {
      if (auto ratio = same_day_ratio_for(rec)) {
        hr.flags |= kSameDayAdjusted;
        return Mw(Decimal::mul(base->value(), *ratio));
      }
    }
    return base;
  }

  const std::vector<Date>& eligible_days(std::size_t r, Date day) {
    auto key = std::make_pair(r, day.days());
    auto cached = eligible_.find(key);
    if (cached == eligible_.end()) {
      const auto& inst_days = instruction_days_[r];
      const auto first = meters_.first_metered_day(r);
      auto days = first ? eligible_baseline_days(
                              day, *first, [&](Date d) { return meters_.fully_metered(r, d); },
                              [&](Date d) { return inst_days.count(d.days()) != 0; })
                        : std::vector<Date>{};
      cached = eligible_.emplace(key, std::move(days)).first;
    }
    return cached->second;
  }

  void report_short_history(std::size_t r, Date day) {
    if (!short_history_.insert({r, day.days()}).second) return;
    const Resource& res = s_.resources[r];
    problems_.push_back({s_.path, res.mark.line, res.mark.column, "resources." + res.id,
                         fmt::format("only {} eligible baseline days (weekdays, not NERC holidays, fully "
                                     "metered, without instructions) in the meter history before {}; the default "
                                     "baseline needs {}",
                                     eligible_days(r, day).size(), day.str(), kBaselineDays)});
  }

  // The average load of the same clock hour over the eligible days; none when too few.
  std::optional<Mw> default_baseline(std::size_t r, MarketTime hour) {
    const auto& days = eligible_days(r, hour.date());
    if (static_cast<int>(days.size()) < kBaselineDays) return std::nullopt;
    std::vector<Mw> loads;
    for (Date d : days) loads.push_back(*meters_.hour_average(r, MarketTime::at(d, hour.hour())));
    return average(loads);
  }

  // Ratio of metered load to baseline over the 3 whole hours ending at or before issue.
  std::optional<Decimal> same_day_ratio_for(const InstructionRecord& rec) {
    const Instruction& ins = s_.instructions[rec.instruction];
    const MarketTime last_end = ins.issued.hour_start();
    Mw load_sum, base_sum;
    for (int back = 3; back >= 1; --back) {
      const MarketTime h = last_end - Duration::hours(back);
      auto load = meters_.hour_average(rec.resource, h);
      auto base = s_.baseline.get(s_.resources[rec.resource].id, h);
      std::optional<Mw> b = base ? std::optional<Mw>(Mw(*base)) : default_baseline(rec.resource, h);
      if (!load || !b) return std::nullopt;
      load_sum += *load;
      base_sum += *b;
    }
    return same_day_ratio(load_sum, base_sum);
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
      const SeasonRegistration* reg = registration(s_.resources[key.first], key.second.season);
      record_.deployments.push_back({key.first, key.second, n, seasonal_minimum_interruptions(key.second.season),
                                     reg ? reg->max_interruptions : 0});
    }
    record_.fingerprint = engine_.fingerprint();
  }

  const Scenario& s_;
  Engine engine_;
  MeterIntegrator meters_;
  RunRecord record_;
  std::vector<Plan> plans_;
  std::vector<Problem> problems_;
  std::unordered_map<std::string, std::size_t> resource_index_;
  std::unordered_map<std::string, std::size_t> instruction_index_;
  std::vector<std::vector<const Availability*>> availability_of_;  // per resource index
  std::vector<std::vector<const Outage*>> outages_of_;             // per resource index
  std::unordered_map<std::size_t, std::size_t> position_;
  std::map<std::size_t, std::set<std::int32_t>> instruction_days_;
  std::map<std::pair<std::size_t, SeasonKey>, int> deployments_;
  std::map<std::pair<std::size_t, std::int32_t>, std::vector<Date>> eligible_;
  std::set<std::pair<std::size_t, std::int32_t>> short_history_;
};

}  // namespace

MeterFeed inline_meter_feed(const Scenario& s) {
  return [&s](MeterIntegrator& m) {
    for (const auto& row : s.meter.rows) m.feed(row);
  };
}

RunRecord simulate(const Scenario& s, const MeterFeed& meters) {
  Lifecycle lc(s);
  return lc.run(meters);
}

}  // namespace drsim::sim
