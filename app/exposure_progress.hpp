// A progress bar with ETA on stderr for `drsim exposure` (only when stderr is a terminal).
#pragma once

#include <chrono>
#include <cstdint>

namespace drsim::app {

class ProgressBar {
 public:
  // Draws nothing unless `enabled` (callers pass isatty(2)).
  ProgressBar(std::uint64_t total, bool enabled);
  void update(std::uint64_t done);
  // Ends the line the bar is drawn on.
  void finish();

 private:
  std::uint64_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace drsim::app
