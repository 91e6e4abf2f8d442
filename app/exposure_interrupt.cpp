// The SIGINT handler of `drsim exposure`: sets a lock-free flag, restored when the guard ends.
#include "app/exposure_interrupt.hpp"

#include <csignal>

namespace drsim::app {

namespace {
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the SIGINT handler needs a lock-free flag");
struct sigaction g_previous {};

extern "C" void on_sigint(int) { g_interrupted.store(true); }
}  // namespace

InterruptGuard::InterruptGuard() {
  g_interrupted.store(false);
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, &g_previous);
}

InterruptGuard::~InterruptGuard() { sigaction(SIGINT, &g_previous, nullptr); }

const std::atomic<bool>& interrupted() { return g_interrupted; }

}  // namespace drsim::app
