// sweep.html: one self-contained page for a filing, with a tornado chart of what each reading is worth.
#pragma once

#include <string>

#include "reports/sweep_figures.hpp"

namespace drsim::reports {

// The tornado chart (inline SVG, integer pixels): one bar per reading other than the default, the
// change of the net (capacity paid less the penalty) from the default, largest first.
std::string sweep_tornado_svg(const SweepFigures& f);

// The page: the run facts, the tornado, the totals and their changes per reading, the changes per
// resource, the readings that could not be settled, and the keys swept. No script, no fetch.
std::string sweep_report_html(const SweepFigures& f);

}  // namespace drsim::reports
