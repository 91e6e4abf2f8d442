// The progress bar: carriage-return redraws on stderr with rate and ETA.
#include "app/progress_bar.hpp"

#include <cstdio>

#include <fmt/format.h>

namespace drsim::app {

namespace {
std::string clock_text(double seconds) {
  const auto s = static_cast<long long>(seconds + 0.5);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60) : fmt::format("{}:{:02}", s / 60, s % 60);
}
}  // namespace

ProgressBar::ProgressBar(std::uint64_t total, bool enabled, std::string unit)
    : total_(total), enabled_(enabled), unit_(std::move(unit)), start_(std::chrono::steady_clock::now()) {}

void ProgressBar::update(std::uint64_t done) {
  if (!enabled_ || total_ == 0) return;
  constexpr int kWidth = 30;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  const int filled = static_cast<int>(kWidth * done / total_);
  const std::string eta = done > 0 && rate > 0 ? clock_text(static_cast<double>(total_ - done) / rate) : "--:--";
  std::fprintf(stderr, "\r[%s%s] %llu/%llu %5.1f%%  %.0f %s/s  ETA %s ", std::string(filled, '#').c_str(),
               std::string(kWidth - filled, '.').c_str(), static_cast<unsigned long long>(done),
               static_cast<unsigned long long>(total_), 100.0 * static_cast<double>(done) / static_cast<double>(total_),
               rate, unit_.c_str(), eta.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (drawn_) std::fputc('\n', stderr);
  drawn_ = false;
}

}  // namespace drsim::app
