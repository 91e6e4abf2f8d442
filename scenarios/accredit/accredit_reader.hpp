// Reads `drsim accredit` YAML files (docs/accredit.md) into the cases of settlement/btm.
#pragma once

#include <string>
#include <vector>

#include "settlement/btm/accredit_cases.hpp"

namespace drsim::accredit {

// Reads every file; throws one InputError with every problem of every file.
// Warnings (the MISO February 15 date) come back in `warnings`.
btm::AccreditInput read_accredit_files(const std::vector<std::string>& paths);

// Reads one file's text, named `file` in problems (for tests and for the above).
btm::AccreditInput read_accredit_text(const std::string& text, const std::string& file);

}  // namespace drsim::accredit
