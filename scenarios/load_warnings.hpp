// Warnings of the loader: non-fatal problems, kept in the scenario (Scenario::warnings) beside its values.
#pragma once

#include <string>

#include "scenarios/load_state.hpp"

namespace drsim::scenarios {

// Records a warning at `at`, shaped like an error (`file:line:column: key.path: what`), that does not stop the load.
inline void warn(LoadState& st, const Field& at, std::string message) {
  st.scenario.warnings.push_back(Problem{st.reader.file(), at.mark.line, at.mark.column, at.path, std::move(message)});
}

}  // namespace drsim::scenarios
