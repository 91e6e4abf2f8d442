// Writers of the exposure outputs: per-trial rows, summary statistics, histograms, resources, run facts.
#include "reports/exposure_outputs.hpp"

#include <fstream>
#include <stdexcept>

#include "reports/csv_writer.hpp"
#include "reports/exposure_db.hpp"
#include "reports/exposure_report.hpp"
#include "reports/json_writer.hpp"

namespace drsim::reports {

namespace {

const char* const kHistogramMetrics[] = {"eo_loss_usd", "penalty_usd"};

Money sim::TrialResult::*field_of(std::string_view name) {
  for (const auto& m : exposure_metrics()) {
    if (name == m.name) return m.field;
  }
  throw std::logic_error("unknown metric");
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path);
}

void write_trials_csv(const std::string& dir, const ExposureRunInfo& info, const std::vector<sim::TrialResult>& results) {
  CsvWriter w(dir + "/exposure.csv",
              {"trial", "penalty_usd", "energy_charge_usd", "rsg_charge_usd", "capacity_usd", "eo_before_usd", "eo_usd",
               "eo_loss_usd", "disqualified_count", "emergencies", "instructions", "disqualified_resources"});
  for (const auto& r : results) {
    w.row({std::to_string(r.trial), r.penalty.str(), r.energy_charge.str(), r.rsg_charge.str(), r.capacity.str(),
           r.eo_before.str(), r.eo.str(), r.eo_loss.str(), std::to_string(r.disqualified.size()),
           std::to_string(r.emergencies), std::to_string(r.instructions), disqualified_ids(info, r)});
  }
  w.close();
}

void write_tables_csv(const std::string& dir, const ExposureRunInfo& info, const ExposureFigures& f, std::uint64_t n) {
  {
    CsvWriter w(dir + "/exposure_summary.csv", {"metric", "trials", "mean", "p5", "p50", "p90", "p95", "p99", "min", "max"});
    for (const auto& [metric, s] : f.statistics) {
      w.row({metric, std::to_string(s.n), s.mean.str(), s.p5.str(), s.p50.str(), s.p90.str(), s.p95.str(),
             s.p99.str(), s.min.str(), s.max.str()});
    }
    w.close();
  }
  {
    // The per-resource table; exposure_disqualification.csv is the same rows without the index
    // (kept as it was, for readers of the first format).
    CsvWriter w(dir + "/exposure_resources.csv", {"resource_id", "index", "disqualified_trials", "trials", "probability"});
    CsvWriter old(dir + "/exposure_disqualification.csv", {"resource_id", "disqualified_trials", "trials", "probability"});
    for (std::size_t i = 0; i < info.resources.size(); ++i) {
      const std::string p = sim::probability(f.disqualified[i], n).str();
      w.row({info.resources[i], std::to_string(i), std::to_string(f.disqualified[i]), std::to_string(n), p});
      old.row({info.resources[i], std::to_string(f.disqualified[i]), std::to_string(n), p});
    }
    w.close();
    old.close();
  }
  {
    CsvWriter w(dir + "/exposure_histogram.csv", {"metric", "bin", "lower_usd", "upper_usd", "trials"});
    for (const auto& [metric, h] : f.histograms) {
      for (std::size_t b = 0; b < h.counts.size(); ++b) {
        w.row({metric, std::to_string(b), h.edges[b].str(), h.edges[b + 1].str(), std::to_string(h.counts[b])});
      }
    }
    w.close();
  }
  {
    // The run's facts, one key each: what exposure-merge checks (the resources are in exposure_resources.csv).
    CsvWriter w(dir + "/exposure_run.csv", {"key", "value"});
    w.row({"format", kRunFormat});
    w.row({"scenario_name", info.scenario_name});
    w.row({"scenario_sha256", info.scenario_sha256});
    w.row({"seed", std::to_string(info.seed)});
    w.row({"trials", std::to_string(info.trials)});
    w.row({"first_trial", std::to_string(info.first)});
    w.row({"end_trial", std::to_string(info.end)});
    w.row({"trials_completed", std::to_string(n)});
    w.row({"partial", info.partial ? "true" : "false"});
    w.row({"resources", std::to_string(info.resources.size())});
    w.close();
  }
}

}  // namespace

const std::vector<ExposureMetric>& exposure_metrics() {
  static const std::vector<ExposureMetric> kMetrics = {
      {"penalty_usd", &sim::TrialResult::penalty},       {"energy_charge_usd", &sim::TrialResult::energy_charge},
      {"rsg_charge_usd", &sim::TrialResult::rsg_charge}, {"capacity_usd", &sim::TrialResult::capacity},
      {"eo_before_usd", &sim::TrialResult::eo_before},   {"eo_usd", &sim::TrialResult::eo},
      {"eo_loss_usd", &sim::TrialResult::eo_loss},
  };
  return kMetrics;
}

std::vector<Money> metric_values(const std::vector<sim::TrialResult>& results, Money sim::TrialResult::*field) {
  std::vector<Money> v;
  v.reserve(results.size());
  for (const auto& r : results) v.push_back(r.*field);
  return v;
}

std::string disqualified_ids(const ExposureRunInfo& info, const sim::TrialResult& r) {
  std::string out;
  for (auto i : r.disqualified) out += (out.empty() ? "" : ";") + info.resources.at(i);
  return out;
}

ExposureFigures exposure_figures(const ExposureRunInfo& info, const std::vector<sim::TrialResult>& results) {
  ExposureFigures f;
  for (const auto& m : exposure_metrics()) f.statistics.push_back({m.name, sim::summarize(metric_values(results, m.field))});
  f.disqualified.assign(info.resources.size(), 0);
  for (const auto& r : results) {
    for (auto i : r.disqualified) ++f.disqualified.at(i);
  }
  for (const char* name : kHistogramMetrics) {
    f.histograms.push_back({name, sim::histogram(metric_values(results, field_of(name)), kHistogramBins)});
  }
  return f;
}

namespace {

std::string summary_json(const ExposureRunInfo& info, const std::vector<sim::TrialResult>& results,
                         const ExposureFigures& f) {
  JsonWriter j;
  j.begin_object();
  j.string("drsim_version", DRSIM_VERSION);
  j.begin_object("scenario").string("name", info.scenario_name).string("sha256", info.scenario_sha256).end_object();
  j.number("seed", std::to_string(info.seed));
  j.number("trials", std::to_string(info.trials));
  j.number("first_trial", std::to_string(info.first));
  j.number("end_trial", std::to_string(info.end));
  j.number("trials_completed", std::to_string(results.size()));
  j.boolean("partial", info.partial);
  if (!results.empty()) j.number("eo_without_events_usd", (results.front().eo + results.front().eo_loss).str());
  j.begin_object("statistics");
  for (const auto& [metric, s] : f.statistics) {
    j.begin_object(metric)
        .number("mean", s.mean.str())
        .number("p5", s.p5.str())
        .number("p50", s.p50.str())
        .number("p90", s.p90.str())
        .number("p95", s.p95.str())
        .number("p99", s.p99.str())
        .number("min", s.min.str())
        .number("max", s.max.str())
        .end_object();
  }
  j.end_object();
  j.begin_object("disqualification_probability");
  for (std::size_t i = 0; i < info.resources.size(); ++i) {
    j.number(info.resources[i], sim::probability(f.disqualified[i], results.size()).str());
  }
  j.end_object();
  j.begin_object("histogram");
  for (const auto& [metric, h] : f.histograms) {
    j.begin_object(metric);
    j.begin_array("edges");
    for (const auto& e : h.edges) j.number({}, e.str());
    j.end_array();
    j.begin_array("counts");
    for (auto c : h.counts) j.number({}, std::to_string(c));
    j.end_array();
    j.end_object();
  }
  j.end_object();
  j.end_object();
  return j.str();
}

}  // namespace

std::string exposure_summary_json(const ExposureRunInfo& info, const std::vector<sim::TrialResult>& results) {
  return summary_json(info, results, exposure_figures(info, results));
}

void write_exposure_outputs(const std::string& dir, const ExposureRunInfo& info,
                            const std::vector<sim::TrialResult>& results) {
  const ExposureFigures figures = exposure_figures(info, results);
  write_trials_csv(dir, info, results);
  write_text(dir + "/exposure_summary.json", summary_json(info, results, figures));
  write_tables_csv(dir, info, figures, results.size());
  write_exposure_db(dir + "/exposure.sqlite", info, results, figures);
  write_text(dir + "/exposure_report.html", exposure_report_html(info, results, figures));
}

}  // namespace drsim::reports
