// Reads the `exposure:` section (docs/exposure.md) into an ExposureModel, with located problems.
#pragma once

#include "scenarios/load_state.hpp"

namespace drsim::scenarios {

// Reads `exposure:` when present into st.scenario.exposure; every key not given keeps
// the default of docs/exposure.md. LBA and resource ids are checked with the other references.
void read_exposure(LoadState& st, MapFields& top);

}  // namespace drsim::scenarios
