// CSV statements of a run.
#include "statement_csv.hpp"

#include "reports/csv_writer.hpp"

namespace drsim::reports {

std::string text(const std::optional<Mw>& v) { return v ? v->value().str() : std::string(); }
std::string text(const std::optional<UsdPerMwh>& v) { return v ? v->value().str() : std::string(); }

void write_statement_csv(const std::string& dir, const Scenario& s, const RunRecord& record, const Statement& st) {
  {
    CsvWriter w(dir + "/hourly.csv",
                {"instruction_id", "resource_id", "hour_start", "he", "instructed_mw", "target_mw", "actual_mw",
                 "shortfall_mw", "shortfall_mwh", "lmp_usd_per_mwh", "rsg_usd_per_mwh", "multiplier",
                 "energy_charge_usd", "rsg_charge_usd", "exempt_reason", "flags", "emergency_id",
                 "obligated_fraction", "instruction_mw", "available_mw", "measured_mw", "baseline_mw"});
    for (const auto& l : st.hourly) {
      w.row({l.instruction_id, l.resource_id, l.hour.str(), std::to_string(l.hour.he()),
             text(l.instructed_mw.value()), text(l.settled.target), text(l.settled.actual),
             text(l.settled.shortfall.value()), text(l.settled.shortfall_mwh.value()), text(l.lmp), text(l.rsg),
             text(l.settled.multiplier), l.settled.energy_charge.str(), l.settled.rsg_charge.str(),
             std::string(name(l.exempt)), flags_text(l.settled.flags), l.emergency_id, text(l.frac),
             text(l.instruction_mw.value()), text(l.available_mw.value()), text(l.measured), text(l.baseline)});
    }
    w.close();
  }
  {
    CsvWriter w(dir + "/failures.csv", {"resource_id", "instruction_id", "planning_year", "season", "start",
                                        "counted", "disqualified", "acp_stops_from", "acp_resumes_on"});
    for (const auto& f : st.failures) {
      std::string from, until;
      if (f.disqualified) {
        for (const auto& d : st.disqualifications) {
          if (d.resource_id == f.occasion.resource_id) {
            from = d.from.str();
            until = d.until.str();
          }
        }
      }
      w.row({f.occasion.resource_id, f.occasion.instruction_id, std::to_string(f.occasion.season.planning_year),
             std::string(name(f.occasion.season.season)), f.occasion.start.str(), text(f.counted),
             text(f.disqualified), from, until});
    }
    w.close();
  }
  {
    CsvWriter w(dir + "/capacity.csv", {"resource_id", "planning_year", "season", "cleared_mw",
                                        "acp_usd_per_mw_day", "days_paid", "amount_usd"});
    for (const auto& c : st.capacity) {
      w.row({c.resource_id, std::to_string(c.planning_year), std::string(name(c.season)), text(c.cleared_mw.value()),
             c.acp.value().str_at_least(2), std::to_string(c.days_paid), c.amount.str()});
    }
    w.close();
  }
  {
    CsvWriter w(dir + "/allocation.csv", {"lse_id", "amount_usd"});
    for (const auto& a : st.allocation) w.row({a.lse_id, a.amount.str()});
    w.close();
  }
  {
    CsvWriter w(dir + "/eo.csv", {"mp_id", "season", "acp_usd_per_mw_day", "cleared_mw", "nonperformance_mw",
                                  "eo_before_usd", "adjustment_usd", "eo_usd", "mw_days_before", "mw_days_after"});
    for (const auto& e : st.eo) {
      w.row({e.mp_id, std::string(name(e.season)), e.acp.value().str_at_least(2), text(e.cleared_mw.value()),
             text(e.nonperformance_mw.value()), e.eo_before.str(), e.adjustment.str(), e.eo.str(),
             text(e.mw_days_before), text(e.mw_days_after)});
    }
    w.close();
  }
  {
    CsvWriter w(dir + "/deployments.csv", {"resource_id", "planning_year", "season", "deployments",
                                           "max_interruptions", "seasonal_minimum"});
    for (const auto& d : record.deployments) {
      w.row({s.resources[d.resource].id, std::to_string(d.season.planning_year), std::string(name(d.season.season)),
             std::to_string(d.deployments), std::to_string(d.max_interruptions), std::to_string(d.seasonal_minimum)});
    }
    w.close();
  }
}

}  // namespace drsim::reports
