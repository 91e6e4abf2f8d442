// The CLI's warnings: every one on stderr, the count and the first few on stdout.
#include "app/warnings_print.hpp"

#include <iostream>

#include <fmt/format.h>

#include "reports/run_warnings.hpp"
#include "settlement/warning.hpp"

namespace drsim::app {

void print_warnings(const Scenario& s) {
  for (const auto& w : s.warnings) std::cerr << warning_text(w) << '\n';
}

std::string warnings_summary(const Scenario& s, const std::vector<Problem>& settled, std::size_t shown) {
  const std::size_t n = s.warnings.size() + settled.size();
  std::string out = fmt::format("  warnings         {:>16}\n", n == 0 ? std::string("none") : std::to_string(n));
  for (std::size_t i = 0; i < n && i < shown; ++i) {
    const Problem& w = i < s.warnings.size() ? s.warnings[i] : settled[i - s.warnings.size()];
    const std::string entity = reports::warning_entity(s, w);
    // `file:line` first, so a terminal or an editor opens the scenario at the line.
    out += fmt::format("    {}:{}: {}{}\n", w.file, w.line, entity.empty() ? "" : entity + ": ", w.message);
  }
  if (n > shown) {
    out += fmt::format("    ... and {} more (all in summary.json, results.sqlite and report.html)\n", n - shown);
  }
  return out;
}

}  // namespace drsim::app
