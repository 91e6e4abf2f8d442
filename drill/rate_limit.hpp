// A token bucket per caller: `rate` requests a second on average, bursts of up to 2 x rate.
#pragma once

#include <chrono>
#include <string>
#include <unordered_map>

namespace drsim::drill {

class RateLimit {
 public:
  using Clock = std::chrono::steady_clock;
  explicit RateLimit(double rate) : rate_(rate), burst_(2 * rate) {}
  // Takes one request of `key` at `now`; false when its bucket is empty (429).
  bool take(const std::string& key, Clock::time_point now) {
    auto [it, fresh] = buckets_.try_emplace(key, Bucket{burst_, now});
    Bucket& b = it->second;
    if (!fresh) {
      b.tokens = std::min(burst_, b.tokens + rate_ * std::chrono::duration<double>(now - b.at).count());
      b.at = now;
    }
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

 private:
  struct Bucket {
    double tokens;
    Clock::time_point at;
  };
  double rate_;
  double burst_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace drsim::drill
