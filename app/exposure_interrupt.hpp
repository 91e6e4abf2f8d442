// Ctrl-C for `drsim exposure`: SIGINT sets a flag, the run stops starting trials and writes what is complete.
#pragma once

#include <atomic>

namespace drsim::app {

// Installs a SIGINT handler for its lifetime that sets interrupted() instead of ending the process.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};
// The flag the SIGINT handler sets (lock-free, so safe to set from the handler).
const std::atomic<bool>& interrupted();

}  // namespace drsim::app
