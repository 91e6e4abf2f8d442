// sweep.csv and sweep.json, both from the one column description of sweep_figures.
#include "reports/sweep_outputs.hpp"

#include <fstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "reports/csv_writer.hpp"
#include "reports/json_writer.hpp"
#include "reports/output_folder.hpp"
#include "reports/rule_text.hpp"
#include "reports/sweep_report.hpp"

namespace drsim::reports {

namespace {

std::vector<std::string> csv_header(const SweepFigures& f) {
  std::vector<std::string> h{"reading", "status"};
  for (const auto& k : f.keys) h.push_back(k.key);
  h.insert(h.end(), {"scope", "resource_id"});
  for (const auto& c : sweep_figures()) h.push_back(c.name);
  for (const auto& c : sweep_figures()) h.push_back(c.change_name);
  h.push_back("problems");
  return h;
}

// The figures and changes of one row; a total-only figure is empty on a resource row.
void add_figures(std::vector<std::string>& row, const SweepTotals& t, const SweepTotals& change, bool total) {
  for (const auto& c : sweep_figures()) row.push_back(total || !c.total_only ? c.text(t) : "");
  for (const auto& c : sweep_figures()) row.push_back(total || !c.total_only ? c.text(change) : "");
}

void figures_json(JsonWriter& j, const SweepTotals& t, bool total) {
  for (const auto& c : sweep_figures()) {
    if (!total && c.total_only) continue;
    if (c.money) j.money(c.name, t.*c.money);
    else j.number(c.name, t.*c.count);
  }
}

void reading_json(JsonWriter& j, const SweepFigures& f, std::size_t i) {
  const SweepReading& r = f.readings[i];
  j.begin_object().string("reading", r.name).string("status", r.settled() ? "settled" : "invalid");
  j.begin_object("rules");
  for (std::size_t k = 0; k < f.keys.size(); ++k) rule_json(j, f.keys[k].key, r.values[k]);
  j.end_object().begin_object("changed");
  for (const auto& [key, value] : r.changed) rule_json(j, key, value);
  j.end_object().begin_array("problems");
  for (const auto& p : r.problems) j.string(p);
  j.end_array();
  if (r.settled()) {
    j.begin_object("total");
    figures_json(j, r.total, true);
    j.end_object().begin_object("change");
    figures_json(j, f.total_change(i), true);
    j.end_object().begin_array("resources");
    for (std::size_t k = 0; k < f.resources.size(); ++k) {
      j.begin_object().string("resource_id", f.resources[k]);
      figures_json(j, r.resources[k], false);
      j.begin_object("change");
      figures_json(j, f.resource_change(i, k), false);
      j.end_object().end_object();
    }
    j.end_array();
  }
  j.end_object();
}

}  // namespace

void write_sweep_csv(const std::string& path, const SweepFigures& f) {
  CsvWriter csv(path, csv_header(f));
  for (std::size_t i = 0; i < f.readings.size(); ++i) {
    const SweepReading& r = f.readings[i];
    const auto start = [&](const char* scope, const std::string& id) {
      std::vector<std::string> row{r.name, r.settled() ? "settled" : "invalid"};
      row.insert(row.end(), r.values.begin(), r.values.end());
      row.insert(row.end(), {scope, id});
      return row;
    };
    std::vector<std::string> total = start("total", "");
    if (r.settled()) {
      add_figures(total, r.total, f.total_change(i), true);
    } else {
      total.resize(total.size() + 2 * sweep_figures().size());
    }
    total.push_back(fmt::format("{}", fmt::join(r.problems, " | ")));
    csv.row(total);
    if (!r.settled()) continue;
    for (std::size_t k = 0; k < f.resources.size(); ++k) {
      std::vector<std::string> row = start("resource", f.resources[k]);
      add_figures(row, r.resources[k], f.resource_change(i, k), false);
      row.emplace_back();
      csv.row(row);
    }
  }
  csv.close();
}

std::string sweep_json(const SweepFigures& f) {
  JsonWriter j;
  j.begin_object().string("drsim_version", DRSIM_VERSION);
  j.begin_object("scenario")
      .string("name", f.scenario_name)
      .string("path", f.scenario_path)
      .string("sha256", f.scenario_sha256)
      .end_object();
  j.string("mode", f.grid.empty() ? "one_at_a_time" : "grid").begin_array("grid");
  for (const auto& k : f.grid) j.string(k);
  j.end_array().begin_array("keys");
  for (std::size_t k = 0; k < f.keys.size(); ++k) {
    j.begin_object().string("key", f.keys[k].key).string("rules_section", f.keys[k].section);
    rule_json(j, "in_force", f.readings[0].values[k]);
    j.begin_array("readings");
    for (const auto& v : f.keys[k].values) rule_json(j, {}, v);
    j.end_array().end_object();
  }
  j.end_array().begin_array("resources");
  for (const auto& id : f.resources) j.string(id);
  j.end_array().begin_array("readings");
  for (std::size_t i = 0; i < f.readings.size(); ++i) reading_json(j, f, i);
  j.end_array().end_object();
  return j.str() + "\n";
}

void write_sweep_outputs(const SweepFigures& f, const std::string& out_dir, bool force) {
  OutputFolder folder(out_dir, force);
  write_sweep_csv(folder.file("sweep.csv"), f);
  const auto write_text = [&folder](const std::string& name, const std::string& text) {
    std::ofstream out(folder.file(name), std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw std::runtime_error("failed writing " + folder.file(name));
  };
  write_text("sweep.json", sweep_json(f));
  write_text("sweep.html", sweep_report_html(f));
  folder.commit();
}

}  // namespace drsim::reports
