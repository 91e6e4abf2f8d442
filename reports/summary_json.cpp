// summary.json of a run.
#include "summary_json.hpp"

#include "reports/json_writer.hpp"
#include "settlement/warning.hpp"

namespace drsim::reports {

std::string summary_json(const RunInfo& info, const RunRecord& record, const Statement& st,
                         const std::vector<Problem>& warnings) {
  JsonWriter j;
  j.begin_object();
  j.string("drsim_version", info.drsim_version);
  j.begin_object("scenario")
      .string("name", info.scenario_name)
      .string("path", info.scenario_path)
      .string("sha256", info.scenario_sha256)
      .end_object();
  j.number("planning_year", std::to_string(info.planning_year));
  j.number("energy_charge_usd", st.energy_charge.str());
  j.number("rsg_charge_usd", st.rsg_charge.str());
  j.number("penalty_usd", st.penalty.str());
  j.number("capacity_usd", st.capacity_total.str());
  j.number("allocated_usd", st.allocated.str());
  j.number("eo_usd", st.eo_total.str());
  j.begin_array("disqualified");
  for (const auto& id : st.disqualified) j.string(id);
  j.end_array();
  // Non-fatal input problems: each as its place and text, and as the line `drsim` printed on stderr.
  j.begin_array("warnings");
  for (const auto& w : warnings) {
    j.begin_object()
        .string("file", w.file)
        .number("line", std::to_string(w.line))
        .number("column", std::to_string(w.column))
        .string("key", w.key)
        .string("message", w.message)
        .string("text", warning_text(w))
        .end_object();
  }
  j.end_array();
  j.begin_object("resources");
  for (const auto& [id, t] : st.by_resource) {
    j.begin_object(id)
        .number("energy_charge_usd", t.energy_charge.str())
        .number("rsg_charge_usd", t.rsg_charge.str())
        .number("penalty_usd", t.penalty.str())
        .number("capacity_usd", t.capacity.str())
        .number("counted_failures", std::to_string(t.counted_failures))
        .boolean("disqualified", t.disqualified)
        .end_object();
  }
  j.end_object();
  j.begin_object("lses");
  for (const auto& a : st.allocation) j.number(a.lse_id, a.amount.str());
  j.end_object();
  j.begin_object("rules");
  for (const auto& r : info.rules) j.string(r.key, r.value);
  j.end_object();
  j.number("instructions", std::to_string(record.instructions.size()));
  j.number("instruction_hours", std::to_string(st.hourly.size()));
  j.number("meter_rows", std::to_string(record.meter_rows));
  j.string("trace_fingerprint", info.fingerprint);
  j.end_object();
  return j.str();
}

}  // namespace drsim::reports
