// The obligation schedule: windows, obligated parts, notice, withdrawal and status times of each instruction.
#include "sim/obligation_plan.hpp"

#include <algorithm>
#include <numeric>
#include <string>
#include <tuple>
#include <unordered_map>

#include "settlement/exemption.hpp"

namespace drsim::sim {

std::vector<MarketTime> window_hours(MarketTime start, MarketTime end) {
  std::vector<MarketTime> out;
  if (start < end) out.reserve(static_cast<std::size_t>((end - start.hour_start()).in_seconds() / 3600 + 1));
  for (MarketTime h = start.hour_start(); h < end && start < end; h = h + Duration::hours(1)) out.push_back(h);
  return out;
}

namespace {

ObligationSchedule plan_one(const Instruction& ins, std::size_t idx, std::size_t resource, const Resource& res,
                            const Rules& rules) {
  ObligationSchedule p;
  p.instruction = idx;
  p.resource = resource;
  p.season = season_key(ins.start.date());
  const auto& reg = at(res.seasons, p.season.season);
  p.registration = reg ? &*reg : nullptr;
  p.effective_end = effective_end(ins);
  p.obligated_end = obligated_end(ins, p.registration);
  p.withdrawn_in_time = withdrawn_in_time(ins, rules);
  if (ins.withdrawn) p.withdrawal_at = std::max(*ins.withdrawn, ins.issued);
  const MarketTime near =
      p.registration
          ? (ExactTime::of(ins.start) - ExactDuration::hours(p.registration->notification_h)).ceil_second()
          : ins.start;
  if (near > ins.issued && near < ins.start) p.near_at = near;
  p.active_at = std::max(ins.start, ins.issued);
  p.completed_at = std::max(p.effective_end, p.active_at);
  const ExactTime start = ExactTime::of(ins.start);
  const std::vector<MarketTime> hours = window_hours(ins.start, p.effective_end);
  p.hours.reserve(hours.size());
  for (MarketTime h : hours) {
    HourObligation o;
    o.hour = h;
    o.obligated = covered(h, start, p.obligated_end);
    const ExactTime hour = ExactTime::of(h);
    o.measure_from = max(hour, start);
    o.measure_to = min(ExactTime::of(h + Duration::hours(1)),
                       hour < p.obligated_end ? p.obligated_end : ExactTime::of(p.effective_end));
    o.settle_at = std::max(std::min(h + Duration::hours(1), p.effective_end), p.active_at);
    p.hours.push_back(o);
  }
  return p;
}

}  // namespace

std::vector<ObligationSchedule> plan_obligations(const std::vector<Instruction>& instructions,
                                                 const std::vector<Resource>& resources, const Rules& rules) {
  std::unordered_map<std::string, std::size_t> resource_index;
  for (std::size_t i = 0; i < resources.size(); ++i) resource_index.emplace(resources[i].id, i);
  std::vector<std::size_t> order(instructions.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = instructions[a];
    const auto& y = instructions[b];
    return std::tie(x.start, x.id) < std::tie(y.start, y.id);
  });
  std::vector<ObligationSchedule> out;
  out.reserve(order.size());
  for (std::size_t idx : order) {
    const Instruction& ins = instructions[idx];
    const std::size_t r = resource_index.at(ins.resource);
    out.push_back(plan_one(ins, idx, r, resources[r], rules));
  }
  return out;
}

}  // namespace drsim::sim
