// The column descriptions of the statement tables (CSV file and results.sqlite table alike).
#include "reports/statement_tables.hpp"

namespace drsim::reports {

namespace {

using T = ColumnType;

template <class Q>
StatementCell opt(const std::optional<Q>& v) {
  return v ? StatementCell{v->value()} : StatementCell{};
}
StatementCell count(std::int64_t n) { return StatementCell{n}; }

// Columns of one table, added in order: a cell may read the row only, or the run too.
template <class Row>
struct Columns {
  std::vector<StatementColumn<Row>> list;
  Columns& add(const char* name, ColumnType type, std::function<StatementCell(const Row&)> cell, unsigned use = kBoth) {
    return add(name, type, [cell = std::move(cell)](const Row& r, const RunSource&) { return cell(r); }, use);
  }
  Columns& add(const char* name, ColumnType type, std::function<StatementCell(const Row&, const RunSource&)> cell,
               unsigned use = kBoth) {
    // Filled in place: g++ 12 sees a braced temporary's string as maybe uninitialized.
    StatementColumn<Row>& c = list.emplace_back();
    c.column.name = name;
    c.column.type = type;
    c.use = use;
    c.cell = std::move(cell);
    return *this;
  }
};

// The disqualification a failure line starts: its resource's (the last listed), on the
// disqualifying failure only.
const Disqualification* disqualification_of(const FailureLine& f, const Statement& st) {
  const Disqualification* out = nullptr;
  if (!f.disqualified) return out;
  for (const auto& d : st.disqualifications) {
    if (d.resource_id == f.occasion.resource_id) out = &d;
  }
  return out;
}

StatementTable<HourlyLine> hourly() {
  using R = HourlyLine;
  Columns<R> c;
  c.add("instruction_id", T::text, [](const R& l) { return StatementCell{l.instruction_id}; })
      .add("resource_id", T::text, [](const R& l) { return StatementCell{l.resource_id}; }, kBoth | kDiff)
      .add("hour_start", T::text, [](const R& l) { return StatementCell{l.hour.str()}; })
      .add("he", T::integer, [](const R& l) { return count(l.hour.he()); }, kBoth | kDiff)
      .add("instructed_mw", T::decimal, [](const R& l) { return StatementCell{l.instructed_mw.value()}; }, kBoth | kDiff)
      .add("target_mw", T::decimal, [](const R& l) { return opt(l.settled.target); }, kBoth | kDiff)
      .add("actual_mw", T::decimal, [](const R& l) { return opt(l.settled.actual); }, kBoth | kDiff)
      .add("shortfall_mw", T::decimal, [](const R& l) { return StatementCell{l.settled.shortfall.value()}; }, kBoth | kDiff)
      .add("shortfall_mwh", T::decimal, [](const R& l) { return StatementCell{l.settled.shortfall_mwh.value()}; }, kBoth | kDiff)
      .add("lmp_usd_per_mwh", T::decimal, [](const R& l) { return opt(l.lmp); }, kBoth | kDiff)
      .add("rsg_usd_per_mwh", T::decimal, [](const R& l) { return opt(l.rsg); }, kBoth | kDiff)
      .add("multiplier", T::decimal, [](const R& l) { return StatementCell{l.settled.multiplier}; }, kBoth | kDiff)
      .add("energy_charge_usd", T::usd, [](const R& l) { return StatementCell{l.settled.energy_charge}; }, kBoth | kDiff)
      .add("rsg_charge_usd", T::usd, [](const R& l) { return StatementCell{l.settled.rsg_charge}; }, kBoth | kDiff)
      .add("exempt_reason", T::text, [](const R& l) { return StatementCell{std::string(name(l.exempt))}; }, kBoth | kDiff)
      .add("flags", T::text, [](const R& l) { return StatementCell{flags_text(l.settled.flags)}; }, kBoth | kDiff)
      .add("emergency_id", T::text, [](const R& l) { return StatementCell{l.emergency_id}; })
      .add("obligated_fraction", T::decimal, [](const R& l) { return StatementCell{l.frac}; })
      .add("instruction_mw", T::decimal, [](const R& l) { return StatementCell{l.instruction_mw.value()}; })
      .add("available_mw", T::decimal, [](const R& l) { return StatementCell{l.available_mw.value()}; })
      .add("measured_mw", T::decimal, [](const R& l) { return opt(l.measured); })
      .add("baseline_mw", T::decimal, [](const R& l) { return opt(l.baseline); })
      .add("energy_charge_cents", T::cents, [](const R& l) { return StatementCell{l.settled.energy_charge}; }, kDb)
      .add("rsg_charge_cents", T::cents, [](const R& l) { return StatementCell{l.settled.rsg_charge}; }, kDb);
  return {"hourly", {"instruction_id", "hour_start"}, "@", std::move(c.list)};
}

StatementTable<FailureLine> failures() {
  using R = FailureLine;
  Columns<R> c;
  c.add("resource_id", T::text, [](const R& f) { return StatementCell{f.occasion.resource_id}; })
      .add("instruction_id", T::text, [](const R& f) { return StatementCell{f.occasion.instruction_id}; })
      .add("planning_year", T::integer, [](const R& f) { return count(f.occasion.season.planning_year); })
      .add("season", T::text, [](const R& f) { return StatementCell{std::string(name(f.occasion.season.season))}; })
      .add("start", T::text, [](const R& f) { return StatementCell{f.occasion.start.str()}; }, kBoth | kDiff)
      .add("counted", T::flag, [](const R& f) { return StatementCell{f.counted}; }, kBoth | kDiff)
      .add("disqualified", T::flag, [](const R& f) { return StatementCell{f.disqualified}; }, kBoth | kDiff)
      .add("acp_stops_from", T::text, [](const R& f, const RunSource& src) {
        const Disqualification* d = disqualification_of(f, src.st);
        return StatementCell{d ? d->from.str() : std::string()};
      }, kCsv)
      .add("acp_resumes_on", T::text, [](const R& f, const RunSource& src) {
        const Disqualification* d = disqualification_of(f, src.st);
        return StatementCell{d ? d->until.str() : std::string()};
      }, kCsv);
  return {"failures", {"resource_id", "instruction_id"}, "/", std::move(c.list)};
}

StatementTable<CapacityLine> capacity() {
  using R = CapacityLine;
  Columns<R> c;
  c.add("resource_id", T::text, [](const R& x) { return StatementCell{x.resource_id}; })
      .add("planning_year", T::integer, [](const R& x) { return count(x.planning_year); })
      .add("season", T::text, [](const R& x) { return StatementCell{std::string(name(x.season))}; })
      .add("cleared_mw", T::decimal, [](const R& x) { return StatementCell{x.cleared_mw.value()}; }, kBoth | kDiff)
      .add("acp_usd_per_mw_day", T::rate, [](const R& x) { return StatementCell{x.acp.value()}; }, kBoth | kDiff)
      .add("days_paid", T::integer, [](const R& x) { return count(x.days_paid); }, kBoth | kDiff)
      .add("amount_usd", T::usd, [](const R& x) { return StatementCell{x.amount}; }, kBoth | kDiff)
      .add("amount_cents", T::cents, [](const R& x) { return StatementCell{x.amount}; }, kDb);
  return {"capacity", {"resource_id", "season"}, "/", std::move(c.list)};
}

StatementTable<AllocationLine> allocation() {
  using R = AllocationLine;
  Columns<R> c;
  c.add("lse_id", T::text, [](const R& x) { return StatementCell{x.lse_id}; })
      .add("amount_usd", T::usd, [](const R& x) { return StatementCell{x.amount}; }, kBoth | kDiff)
      .add("amount_cents", T::cents, [](const R& x) { return StatementCell{x.amount}; }, kDb);
  return {"allocation", {"lse_id"}, "", std::move(c.list)};
}

StatementTable<EoLine> eo() {
  using R = EoLine;
  Columns<R> c;
  c.add("mp_id", T::text, [](const R& x) { return StatementCell{x.mp_id}; })
      .add("season", T::text, [](const R& x) { return StatementCell{std::string(name(x.season))}; })
      .add("acp_usd_per_mw_day", T::rate, [](const R& x) { return StatementCell{x.acp.value()}; })
      .add("cleared_mw", T::decimal, [](const R& x) { return StatementCell{x.cleared_mw.value()}; }, kBoth | kDiff)
      .add("nonperformance_mw", T::decimal, [](const R& x) { return StatementCell{x.nonperformance_mw.value()}; }, kBoth | kDiff)
      .add("eo_before_usd", T::usd, [](const R& x) { return StatementCell{x.eo_before}; }, kBoth | kDiff)
      .add("adjustment_usd", T::usd, [](const R& x) { return StatementCell{x.adjustment}; }, kBoth | kDiff)
      .add("eo_usd", T::usd, [](const R& x) { return StatementCell{x.eo}; }, kBoth | kDiff)
      .add("mw_days_before", T::decimal, [](const R& x) { return StatementCell{x.mw_days_before}; }, kBoth | kDiff)
      .add("mw_days_after", T::decimal, [](const R& x) { return StatementCell{x.mw_days_after}; }, kBoth | kDiff)
      .add("eo_cents", T::cents, [](const R& x) { return StatementCell{x.eo}; }, kDb)
      .add("eo_before_cents", T::cents, [](const R& x) { return StatementCell{x.eo_before}; }, kDb)
      .add("adjustment_cents", T::cents, [](const R& x) { return StatementCell{x.adjustment}; }, kDb);
  return {"eo", {"mp_id", "season"}, "/", std::move(c.list)};
}

StatementTable<DeploymentCount> deployments() {
  using R = DeploymentCount;
  Columns<R> c;
  c.add("resource_id", T::text, [](const R& d, const RunSource& src) { return StatementCell{src.market.resources[d.resource].id}; })
      .add("planning_year", T::integer, [](const R& d) { return count(d.season.planning_year); })
      .add("season", T::text, [](const R& d) { return StatementCell{std::string(name(d.season.season))}; })
      .add("deployments", T::integer, [](const R& d) { return count(d.deployments); })
      .add("max_interruptions", T::integer, [](const R& d) { return count(d.max_interruptions); })
      .add("seasonal_minimum", T::integer, [](const R& d) { return count(d.seasonal_minimum); });
  return {"deployments", {}, "", std::move(c.list)};
}

StatementTable<ResourceRow> resource_totals() {
  using R = ResourceRow;
  Columns<R> c;
  c.add("resource_id", T::text, [](const R& r) { return StatementCell{r.first}; })
      .add("energy_charge_usd", T::usd, [](const R& r) { return StatementCell{r.second.energy_charge}; }, kBoth | kDiff)
      .add("rsg_charge_usd", T::usd, [](const R& r) { return StatementCell{r.second.rsg_charge}; }, kBoth | kDiff)
      .add("penalty_usd", T::usd, [](const R& r) { return StatementCell{r.second.penalty}; }, kBoth | kDiff)
      .add("capacity_usd", T::usd, [](const R& r) { return StatementCell{r.second.capacity}; }, kBoth | kDiff)
      .add("instruction_hours", T::integer,
           [](const R& r) { return count(static_cast<std::int64_t>(r.second.instruction_hours)); })
      .add("capacity_lines", T::integer,
           [](const R& r) { return count(static_cast<std::int64_t>(r.second.capacity_lines)); })
      .add("failed_occasions", T::integer, [](const R& r) { return count(r.second.failed_occasions); })
      .add("counted_failures", T::integer, [](const R& r) { return count(r.second.counted_failures); }, kBoth | kDiff)
      .add("disqualified", T::flag, [](const R& r) { return StatementCell{r.second.disqualified}; }, kBoth | kDiff)
      .add("energy_charge_cents", T::cents, [](const R& r) { return StatementCell{r.second.energy_charge}; }, kDb)
      .add("rsg_charge_cents", T::cents, [](const R& r) { return StatementCell{r.second.rsg_charge}; }, kDb)
      .add("penalty_cents", T::cents, [](const R& r) { return StatementCell{r.second.penalty}; }, kDb)
      .add("capacity_cents", T::cents, [](const R& r) { return StatementCell{r.second.capacity}; }, kDb);
  return {"resource_totals", {"resource_id"}, "", std::move(c.list)};
}

StatementTable<LseRow> lse_totals() {
  using R = LseRow;
  Columns<R> c;
  c.add("lse_id", T::text, [](const R& r) { return StatementCell{r.first}; })
      .add("allocated_usd", T::usd, [](const R& r) { return StatementCell{r.second.allocated}; })
      .add("allocation_shares", T::integer,
           [](const R& r) { return count(static_cast<std::int64_t>(r.second.shares)); })
      .add("allocated_cents", T::cents, [](const R& r) { return StatementCell{r.second.allocated}; }, kDb);
  return {"lse_totals", {}, "", std::move(c.list)};
}

// Each table is built on first use and kept.
template <auto build>
const auto& built_once() {
  static const auto table = build();
  return table;
}

}  // namespace

std::string csv_text(const StatementCell& cell, ColumnType type) {
  struct Text {
    ColumnType type;
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(std::int64_t n) const { return std::to_string(n); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(Decimal d) const { return type == ColumnType::rate ? d.str_at_least(2) : d.str(); }
    std::string operator()(const WideDecimal& d) const { return d.str(); }
    std::string operator()(Money m) const { return m.str(); }
  };
  return std::visit(Text{type}, cell);
}

const StatementTable<HourlyLine>& hourly_table() { return built_once<hourly>(); }
const StatementTable<FailureLine>& failures_table() { return built_once<failures>(); }
const StatementTable<CapacityLine>& capacity_table() { return built_once<capacity>(); }
const StatementTable<AllocationLine>& allocation_table() { return built_once<allocation>(); }
const StatementTable<EoLine>& eo_table() { return built_once<eo>(); }
const StatementTable<DeploymentCount>& deployments_table() { return built_once<deployments>(); }
const StatementTable<ResourceRow>& resource_totals_table() { return built_once<resource_totals>(); }
const StatementTable<LseRow>& lse_totals_table() { return built_once<lse_totals>(); }

}  // namespace drsim::reports
