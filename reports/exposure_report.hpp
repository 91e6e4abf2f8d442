// exposure_report.html: the penalty and EO-loss distributions of an exposure study on one page.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "reports/exposure_outputs.hpp"

namespace drsim::reports {

// One step of the empirical exceedance curve: P(X > value) = above / trials.
struct ExceedancePoint {
  Money value;
  std::uint64_t above = 0;   // trials with a figure strictly greater than `value`
  std::uint64_t trials = 0;
};
// One point per distinct value, ascending (the last has above = 0). Empty for no values.
std::vector<ExceedancePoint> exceedance_points(std::vector<Money> values);

// At most this many points are drawn on an exceedance curve (evenly spread over the distinct
// values, the first and last always kept), so 100,000 trials give a page of the same size.
inline constexpr std::size_t kMaxExceedancePoints = 400;

// The charts as inline SVG. `what` names the figure in titles and tooltips ("penalty").
std::string histogram_svg(const std::string& what, const sim::Histogram& h);
std::string exceedance_svg(const std::string& what, const std::vector<ExceedancePoint>& points);

// The whole page: run facts, for penalty and EO loss a histogram and an exceedance curve, the
// summary statistics and the disqualification probabilities. Self-contained: styles inline, no
// script, no external reference. The bytes depend only on the arguments.
std::string exposure_report_html(const ExposureRunInfo& info, const std::vector<sim::TrialResult>& results,
                                 const ExposureFigures& figures);

}  // namespace drsim::reports
