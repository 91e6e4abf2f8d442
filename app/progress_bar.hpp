// A progress bar with rate and ETA on stderr for long work (only when stderr is a terminal).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace drsim::app {

class ProgressBar {
 public:
  // Draws nothing unless `enabled` (callers pass isatty(2)). `unit` names what is
  // counted ("trials", "meter rows") in the rate.
  ProgressBar(std::uint64_t total, bool enabled, std::string unit = "trials");
  void update(std::uint64_t done);
  // Ends the line the bar is drawn on.
  void finish();

 private:
  std::uint64_t total_;
  bool enabled_;
  std::string unit_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace drsim::app
