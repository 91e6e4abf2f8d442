// The one inline script of report.html: sortable, filterable, paged tables and the charts drawn on demand.
#pragma once

#include <string>

namespace drsim::reports {

// The script's source (no external reference, no network).
const std::string& report_script();
// Its Content-Security-Policy source, "'sha256-<base64>'": the page runs this script and no other.
std::string report_script_csp_source();

}  // namespace drsim::reports
