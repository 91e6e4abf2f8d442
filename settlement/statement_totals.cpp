// The line items of a statement, and the statement's totals as their sums.
#include "statement_totals.hpp"

#include <set>

#include "calendar.hpp"

namespace drsim {

namespace {

Period hour_of(MarketTime hour) { return Period(hour, hour + Duration::hours(1)); }

Period days_of(DateRange days) { return Period(MarketTime::at(days.begin), MarketTime::at(days.end)); }

}  // namespace

Ledger statement_ledger(const Market& s, const Statement& st, const std::vector<EoCut>& cuts) {
  Ledger ledger;
  ledger.reserve(2 * st.hourly.size() + st.capacity.size() + st.allocation_shares.size() + 2 * st.eo.size() +
                 cuts.size());
  const auto add = [&](SubjectKind kind, const std::string& id, Period period, Reason reason, Money amount,
                       DetailKind detail, std::size_t index) {
    ledger.push_back(ledger_entry({kind, id}, period, reason, amount, {detail, index}));
  };
  for (std::size_t n = 0; n < st.hourly.size(); ++n) {
    const HourlyLine& l = st.hourly[n];
    const Period hour = hour_of(l.hour);
    add(SubjectKind::resource, l.resource_id, hour, Reason::energy_charge, l.settled.energy_charge, DetailKind::hourly, n);
    add(SubjectKind::resource, l.resource_id, hour, Reason::rsg_charge, l.settled.rsg_charge, DetailKind::hourly, n);
  }
  for (std::size_t n = 0; n < st.capacity.size(); ++n) {
    const CapacityLine& c = st.capacity[n];
    add(SubjectKind::resource, c.resource_id, days_of(season_range(c.planning_year, c.season)),
        Reason::capacity_payment, c.amount, DetailKind::capacity, n);
  }
  for (std::size_t n = 0; n < st.allocation_shares.size(); ++n) {
    const AllocationShare& a = st.allocation_shares[n];
    add(SubjectKind::lse, a.lse_id, hour_of(a.hour), Reason::allocation_share, a.amount, DetailKind::allocation_share, n);
  }
  for (std::size_t n = 0; n < st.eo.size(); ++n) {
    const EoLine& e = st.eo[n];
    const Period season = days_of(season_range(s.planning_year, e.season));
    add(SubjectKind::utility, e.mp_id, season, Reason::eo_before, e.eo_before, DetailKind::eo, n);
    add(SubjectKind::utility, e.mp_id, season, Reason::eo_adjustment, e.adjustment, DetailKind::eo, n);
  }
  for (const auto& c : cuts) {
    add(SubjectKind::utility, c.mp_id, days_of(planning_year_range(s.planning_year)), Reason::eo_cap, c.amount,
        DetailKind::eo, c.last_line);
  }
  return ledger;
}

void total_statement(const Market& s, Statement& st) {
  // Every total is a sum of rounded line items, in 128-bit cents: 8.8e9 lines of at most
  // 6.4e19 cents stay below 1e30, and a sum beyond int128 would throw, never wrap (money.hpp).
  const LedgerSums sums = sum_by_subject_and_reason(st.ledger);
  st.energy_charge = total(sums, Reason::energy_charge);
  st.rsg_charge = total(sums, Reason::rsg_charge);
  st.penalty = st.energy_charge + st.rsg_charge;
  st.capacity_total = total(sums, Reason::capacity_payment);
  st.allocated = total(sums, Reason::allocation_share);
  st.eo_total = total(sums, Reason::eo_before) + total(sums, Reason::eo_adjustment) + total(sums, Reason::eo_cap);

  // Every resource and LSE of the market has a total, zero when the ledger has no entry of it.
  for (const auto& r : s.resources) st.by_resource[r.id];
  for (const auto& [id, m] : totals_by_resource(sums)) {
    ResourceTotals& t = st.by_resource[id];
    t.energy_charge = m.energy_charge;
    t.rsg_charge = m.rsg_charge;
    t.penalty = m.penalty();
    t.capacity = m.capacity;
    t.instruction_hours = m.instruction_hours;
    t.capacity_lines = m.capacity_lines;
  }
  for (const auto& f : st.failures) {
    ResourceTotals& t = st.by_resource[f.occasion.resource_id];
    ++t.failed_occasions;
    t.counted_failures += f.counted;
    if (f.disqualified) t.disqualified = true;
  }
  for (const auto& l : s.lses) st.by_lse[l.id];
  for (const auto& [id, m] : totals_by_lse(sums)) st.by_lse[id] = LseTotals{m.allocated, m.shares};
  st.allocation.clear();
  for (const auto& [id, t] : st.by_lse) st.allocation.push_back({id, t.allocated});

  std::set<std::string> dq;
  for (const auto& d : st.disqualifications) dq.insert(d.resource_id);
  st.disqualified.assign(dq.begin(), dq.end());
}

}  // namespace drsim
