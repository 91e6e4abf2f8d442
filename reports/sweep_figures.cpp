// Totals of a statement for the sweep, and their changes from the default reading.
#include "reports/sweep_figures.hpp"

namespace drsim::reports {

SweepTotals SweepTotals::operator-(const SweepTotals& o) const {
  SweepTotals d;
  d.energy_charge = energy_charge - o.energy_charge;
  d.rsg_charge = rsg_charge - o.rsg_charge;
  d.penalty = penalty - o.penalty;
  d.capacity = capacity - o.capacity;
  d.allocated = allocated - o.allocated;
  d.eo = eo - o.eo;
  d.net = net - o.net;
  d.failed_occasions = failed_occasions - o.failed_occasions;
  d.counted_failures = counted_failures - o.counted_failures;
  d.disqualified = disqualified - o.disqualified;
  return d;
}

std::string SweepFigure::text(const SweepTotals& t) const {
  return money ? (t.*money).str() : std::to_string(t.*count);
}

const std::vector<SweepFigure>& sweep_figures() {
  static const std::vector<SweepFigure> table = {
      {"energy_charge_usd", "energy_charge_change_usd", "energy charges", &SweepTotals::energy_charge},
      {"rsg_charge_usd", "rsg_charge_change_usd", "RSG charges", &SweepTotals::rsg_charge},
      {"penalty_usd", "penalty_change_usd", "penalty", &SweepTotals::penalty},
      {"capacity_usd", "capacity_change_usd", "capacity paid", &SweepTotals::capacity},
      {"allocated_usd", "allocated_change_usd", "allocated", &SweepTotals::allocated, nullptr, true},
      {"eo_usd", "eo_change_usd", "EO", &SweepTotals::eo, nullptr, true},
      {"net_usd", "net_change_usd", "net (capacity - penalty)", &SweepTotals::net},
      {"failed_occasions", "failed_occasions_change", "failed occasions", nullptr, &SweepTotals::failed_occasions},
      {"counted_failures", "counted_failures_change", "counted failures", nullptr, &SweepTotals::counted_failures},
      {"disqualified", "disqualified_change", "disqualified", nullptr, &SweepTotals::disqualified},
  };
  return table;
}

SweepTotals SweepFigures::total_change(std::size_t i) const {
  if (!readings[i].settled() || !readings[0].settled()) return {};
  return readings[i].total - readings[0].total;
}

SweepTotals SweepFigures::resource_change(std::size_t i, std::size_t resource) const {
  if (!readings[i].settled() || !readings[0].settled()) return {};
  return readings[i].resources[resource] - readings[0].resources[resource];
}

SweepTotals statement_totals(const Statement& st) {
  SweepTotals t;
  t.energy_charge = st.energy_charge;
  t.rsg_charge = st.rsg_charge;
  t.penalty = st.penalty;
  t.capacity = st.capacity_total;
  t.allocated = st.allocated;
  t.eo = st.eo_total;
  t.net = t.capacity - t.penalty;
  t.failed_occasions = static_cast<std::int64_t>(st.failures.size());
  for (const auto& f : st.failures) t.counted_failures += f.counted;
  t.disqualified = static_cast<std::int64_t>(st.disqualified.size());
  return t;
}

std::vector<SweepTotals> resource_totals(const Statement& st, const std::vector<std::string>& resources) {
  std::vector<SweepTotals> out;
  out.reserve(resources.size());
  for (const auto& id : resources) {
    SweepTotals t;
    if (const auto it = st.by_resource.find(id); it != st.by_resource.end()) {
      t.energy_charge = it->second.energy_charge;
      t.rsg_charge = it->second.rsg_charge;
      t.penalty = it->second.penalty;
      t.capacity = it->second.capacity;
      t.failed_occasions = it->second.failed_occasions;
      t.counted_failures = it->second.counted_failures;
      t.disqualified = it->second.disqualified ? 1 : 0;
    }
    t.net = t.capacity - t.penalty;
    out.push_back(t);
  }
  return out;
}

}  // namespace drsim::reports
