// summary.json of a run.
#include "summary_json.hpp"

#include "reports/json_writer.hpp"
#include "reports/rule_text.hpp"
#include "reports/run_warnings.hpp"
#include "settlement/warning.hpp"

namespace drsim::reports {

namespace {

void rule(JsonWriter& j, const RuleValue& r) { rule_json(j, r.key, r.value); }

std::string write(const RunInfo& info, const RunRecord& record, const Statement& st,
                  const std::vector<Problem>& warnings, const Scenario* s) {
  JsonWriter j;
  j.begin_object();
  j.string("drsim_version", info.drsim_version);
  j.begin_object("scenario")
      .string("name", info.scenario_name)
      .string("path", info.scenario_path)
      .string("sha256", info.scenario_sha256)
      .end_object();
  j.number("planning_year", info.planning_year);
  j.money("energy_charge_usd", st.energy_charge);
  j.money("rsg_charge_usd", st.rsg_charge);
  j.money("penalty_usd", st.penalty);
  j.money("capacity_usd", st.capacity_total);
  j.money("allocated_usd", st.allocated);
  j.money("eo_usd", st.eo_total);
  j.begin_array("disqualified");
  for (const auto& id : st.disqualified) j.string(id);
  j.end_array();
  // Non-fatal input problems (source "scenario": each as its place and text, and as the line
  // `drsim` printed on stderr), then the settlement's hours to act on (source "settlement").
  j.begin_array("warnings");
  const auto list = [&](const std::vector<Problem>& ws, const char* source) {
    for (const auto& w : ws) {
      j.begin_object()
          .string("file", w.file)
          .number("line", w.line)
          .number("column", w.column)
          .string("key", w.key)
          .string("message", w.message)
          .string("text", warning_text(w));
      if (s) j.string("entity", warning_entity(*s, w));
      j.string("source", source);
      j.end_object();
    }
  };
  list(warnings, "scenario");
  list(st.warnings, "settlement");
  j.end_array();
  j.begin_object("resources");
  for (const auto& [id, t] : st.by_resource) {
    j.begin_object(id)
        .money("energy_charge_usd", t.energy_charge)
        .money("rsg_charge_usd", t.rsg_charge)
        .money("penalty_usd", t.penalty)
        .money("capacity_usd", t.capacity)
        .number("counted_failures", t.counted_failures)
        .boolean("disqualified", t.disqualified)
        .end_object();
  }
  j.end_object();
  j.begin_object("lses");
  for (const auto& a : st.allocation) j.money(a.lse_id, a.amount);
  j.end_object();
  j.begin_object("rules");
  for (const auto& r : info.rules) rule(j, r);
  j.end_object();
  j.number("instructions", static_cast<std::int64_t>(record.instructions.size()));
  j.number("instruction_hours", static_cast<std::int64_t>(st.hourly.size()));
  j.number("meter_rows", static_cast<std::int64_t>(record.meter_rows));
  j.string("trace_fingerprint", info.fingerprint);
  j.end_object();
  return j.str();
}

}  // namespace

std::string summary_json(const RunInfo& info, const RunRecord& record, const Statement& st,
                         const std::vector<Problem>& warnings) {
  return write(info, record, st, warnings, nullptr);
}

std::string summary_json(const RunInfo& info, const RunRecord& record, const Statement& st, const Scenario& s) {
  return write(info, record, st, s.warnings, &s);
}

}  // namespace drsim::reports
