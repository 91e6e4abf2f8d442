// `drsim check` over many scenario files: which files a folder holds, and each file's outcome.
#pragma once

#include <string>
#include <vector>

#include "app/expectations.hpp"

namespace drsim::app {

// The scenario files named by `args`: a file as given; a folder, every *.yaml / *.yml file under it
// (recursively, sorted by path) that has a top-level `expect:` key. Throws InputError for a path that
// does not exist, or a folder with no such file.
std::vector<std::string> scenario_files(const std::vector<std::string>& args);

struct CheckOutcome {
  enum class Status { holds, differs, invalid };
  std::string path;
  Status status = Status::invalid;
  std::vector<FigureCheck> figures;   // every figure of expect:, when it ran
  std::vector<std::string> problems;  // `file:line:column: ...` when invalid
  std::vector<std::string> warnings;  // `file:line:column: warning: ...` of a file that loaded
  double seconds = 0;                 // wall time, for the report only
};

// Runs and checks one file; input problems become an `invalid` outcome, not an exception.
CheckOutcome check_file(const std::string& path);

// Checks every file on `jobs` threads; the outcomes come back in the order of `paths`.
std::vector<CheckOutcome> check_files(const std::vector<std::string>& paths, unsigned jobs);

}  // namespace drsim::app
