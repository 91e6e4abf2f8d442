// The output files of `drsim exposure` and `drsim exposure-merge`, from the trial results alone.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "settlement/money.hpp"
#include "sim/exposure_statistics.hpp"
#include "sim/exposure_trial_result.hpp"

namespace drsim::reports {

// What a run (or a shard) was: enough for exposure-merge to check shards belong together.
struct ExposureRunInfo {
  std::string scenario_name;
  std::string scenario_sha256;
  std::uint64_t seed = 0;
  std::uint64_t trials = 0;  // N of the whole study
  std::uint64_t first = 0;   // the trials of this output: [first, end)
  std::uint64_t end = 0;
  bool partial = false;      // stopped early (Ctrl-C): only the completed trials are written
  std::vector<std::string> resources;  // resource ids in scenario order (sim::TrialResult::disqualified indexes them)
};

inline constexpr int kHistogramBins = 20;
inline constexpr const char* kRunFormat = "2";  // exposure_run.csv: 1 had the resources as repeated keys

// A metric of a trial: its column name in exposure.csv and its field.
struct ExposureMetric {
  const char* name;  // e.g. "penalty_usd"
  Money sim::TrialResult::*field;
};
// The seven money metrics, in the column order of exposure.csv and the row order of the statistics.
const std::vector<ExposureMetric>& exposure_metrics();

// The figures every writer of a run's outputs reads (CSV, JSON, SQLite, report), computed once.
struct ExposureFigures {
  struct Statistic {
    const char* metric;
    sim::MoneySummary summary;
  };
  struct MetricHistogram {
    const char* metric;
    sim::Histogram histogram;
  };
  std::vector<Statistic> statistics;          // one per exposure_metrics(), in that order
  std::vector<std::uint64_t> disqualified;    // trials in which each resource (by index) is disqualified
  std::vector<MetricHistogram> histograms;    // eo_loss_usd, then penalty_usd
};
ExposureFigures exposure_figures(const ExposureRunInfo& info, const std::vector<sim::TrialResult>& results);

// The values of one metric over the trials, in trial order.
std::vector<Money> metric_values(const std::vector<sim::TrialResult>& results, Money sim::TrialResult::*field);

// The `;`-joined ids of the resources disqualified in a trial (exposure.csv's last column).
std::string disqualified_ids(const ExposureRunInfo& info, const sim::TrialResult& r);

// Writes exposure.csv, exposure_summary.json, exposure_summary.csv, exposure_resources.csv,
// exposure_disqualification.csv, exposure_histogram.csv, exposure_run.csv, exposure.sqlite and
// exposure_report.html into `dir`. `results` are ordered by trial. The bytes depend only on the arguments.
void write_exposure_outputs(const std::string& dir, const ExposureRunInfo& info,
                            const std::vector<sim::TrialResult>& results);

std::string exposure_summary_json(const ExposureRunInfo& info, const std::vector<sim::TrialResult>& results);

}  // namespace drsim::reports
