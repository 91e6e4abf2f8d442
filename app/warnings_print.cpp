// The CLI's warnings on stderr.
#include "app/warnings_print.hpp"

#include <iostream>

#include "settlement/warning.hpp"

namespace drsim::app {

void print_warnings(const Scenario& s) {
  for (const auto& w : s.warnings) std::cerr << warning_text(w) << '\n';
}

}  // namespace drsim::app
