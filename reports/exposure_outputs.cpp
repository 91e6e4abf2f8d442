// Writers of the exposure outputs: per-trial rows, summary statistics, histograms, run facts.
#include "reports/exposure_outputs.hpp"

#include <fstream>
#include <functional>
#include <stdexcept>

#include "reports/csv_writer.hpp"
#include "reports/json_writer.hpp"
#include "sim/exposure_statistics.hpp"

namespace drsim::reports {

namespace {

struct Metric {
  const char* name;
  Money sim::TrialResult::*field;
};
const Metric kMetrics[] = {
    {"penalty_usd", &sim::TrialResult::penalty},       {"energy_charge_usd", &sim::TrialResult::energy_charge},
    {"rsg_charge_usd", &sim::TrialResult::rsg_charge}, {"capacity_usd", &sim::TrialResult::capacity},
    {"eo_before_usd", &sim::TrialResult::eo_before},   {"eo_usd", &sim::TrialResult::eo},
    {"eo_loss_usd", &sim::TrialResult::eo_loss},
};
const char* const kHistogramMetrics[] = {"eo_loss_usd", "penalty_usd"};

std::vector<Money> column(const std::vector<sim::TrialResult>& results, Money sim::TrialResult::*field) {
  std::vector<Money> v;
  v.reserve(results.size());
  for (const auto& r : results) v.push_back(r.*field);
  return v;
}

Money sim::TrialResult::*field_of(std::string_view name) {
  for (const auto& m : kMetrics) {
    if (name == m.name) return m.field;
  }
  throw std::logic_error("unknown metric");
}

std::vector<std::uint64_t> disqualified_counts(const ExposureRunInfo& info, const std::vector<sim::TrialResult>& results) {
  std::vector<std::uint64_t> counts(info.resources.size(), 0);
  for (const auto& r : results) {
    for (auto i : r.disqualified) ++counts.at(i);
  }
  return counts;
}

std::string joined_ids(const ExposureRunInfo& info, const sim::TrialResult& r) {
  std::string out;
  for (auto i : r.disqualified) out += (out.empty() ? "" : ";") + info.resources.at(i);
  return out;
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace

std::string exposure_summary_json(const ExposureRunInfo& info, const std::vector<sim::TrialResult>& results) {
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
  for (const auto& m : kMetrics) {
    const sim::MoneySummary s = sim::summarize(column(results, m.field));
    j.begin_object(m.name)
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
  const auto counts = disqualified_counts(info, results);
  for (std::size_t i = 0; i < info.resources.size(); ++i) {
    j.number(info.resources[i], sim::probability(counts[i], results.size()).str());
  }
  j.end_object();
  j.begin_object("histogram");
  for (const char* name : kHistogramMetrics) {
    const sim::Histogram h = sim::histogram(column(results, field_of(name)), kHistogramBins);
    j.begin_object(name);
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

void write_exposure_outputs(const std::string& dir, const ExposureRunInfo& info,
                            const std::vector<sim::TrialResult>& results) {
  {
    CsvWriter w(dir + "/exposure.csv",
                {"trial", "penalty_usd", "energy_charge_usd", "rsg_charge_usd", "capacity_usd", "eo_before_usd",
                 "eo_usd", "eo_loss_usd", "disqualified_count", "emergencies", "instructions",
                 "disqualified_resources"});
    for (const auto& r : results) {
      w.row({std::to_string(r.trial), r.penalty.str(), r.energy_charge.str(), r.rsg_charge.str(), r.capacity.str(),
             r.eo_before.str(), r.eo.str(), r.eo_loss.str(), std::to_string(r.disqualified.size()),
             std::to_string(r.emergencies), std::to_string(r.instructions), joined_ids(info, r)});
    }
    w.close();
  }
  write_text(dir + "/exposure_summary.json", exposure_summary_json(info, results));
  {
    CsvWriter w(dir + "/exposure_summary.csv", {"metric", "trials", "mean", "p5", "p50", "p90", "p95", "p99", "min", "max"});
    for (const auto& m : kMetrics) {
      const sim::MoneySummary s = sim::summarize(column(results, m.field));
      w.row({m.name, std::to_string(s.n), s.mean.str(), s.p5.str(), s.p50.str(), s.p90.str(), s.p95.str(),
             s.p99.str(), s.min.str(), s.max.str()});
    }
    w.close();
  }
  {
    CsvWriter w(dir + "/exposure_disqualification.csv", {"resource_id", "disqualified_trials", "trials", "probability"});
    const auto counts = disqualified_counts(info, results);
    for (std::size_t i = 0; i < info.resources.size(); ++i) {
      w.row({info.resources[i], std::to_string(counts[i]), std::to_string(results.size()),
             sim::probability(counts[i], results.size()).str()});
    }
    w.close();
  }
  {
    CsvWriter w(dir + "/exposure_histogram.csv", {"metric", "bin", "lower_usd", "upper_usd", "trials"});
    for (const char* name : kHistogramMetrics) {
      const sim::Histogram h = sim::histogram(column(results, field_of(name)), kHistogramBins);
      for (std::size_t b = 0; b < h.counts.size(); ++b) {
        w.row({name, std::to_string(b), h.edges[b].str(), h.edges[b + 1].str(), std::to_string(h.counts[b])});
      }
    }
    w.close();
  }
  {
    CsvWriter w(dir + "/exposure_run.csv", {"key", "value"});
    w.row({"format", "1"});
    w.row({"scenario_name", info.scenario_name});
    w.row({"scenario_sha256", info.scenario_sha256});
    w.row({"seed", std::to_string(info.seed)});
    w.row({"trials", std::to_string(info.trials)});
    w.row({"first_trial", std::to_string(info.first)});
    w.row({"end_trial", std::to_string(info.end)});
    w.row({"trials_completed", std::to_string(results.size())});
    w.row({"partial", info.partial ? "true" : "false"});
    for (const auto& id : info.resources) w.row({"resource", id});
    w.close();
  }
}

}  // namespace drsim::reports
