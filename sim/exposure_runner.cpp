// The exposure runner: trial scenarios settled on a thread pool, stored by trial index.
#include <utility>  // before Asio (g++ 12, C++20)

#include "sim/exposure_runner.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "settlement/settle.hpp"
#include "sim/lifecycle.hpp"

namespace drsim::sim {

Statement settle_inline(const Market& s, const std::vector<MeterRow>& meter_rows) {
  const RunRecord record = simulate(s, inline_meter_feed(meter_rows));
  return settle(s, record);
}

ExposureRunner::ExposureRunner(const Market& file, ExposureModel model)
    : base_(exposure_base(file)), model_(std::move(model)) {
  eo_without_events_ = settle_inline(base_, {}).eo_total;
  for (std::size_t i = 0; i < base_.resources.size(); ++i) {
    resource_index_.emplace(base_.resources[i].id, static_cast<std::uint32_t>(i));
  }
}

TrialScenario ExposureRunner::trial_scenario(std::uint64_t seed, std::uint64_t trial) const {
  return build_trial(base_, model_, seed, trial);
}

TrialResult ExposureRunner::result_of(std::uint64_t trial, const TrialScenario& t, const Statement& st) const {
  TrialResult r;
  r.trial = trial;
  r.penalty = st.penalty;
  r.energy_charge = st.energy_charge;
  r.rsg_charge = st.rsg_charge;
  r.capacity = st.capacity_total;
  for (const auto& line : st.eo) r.eo_before += line.eo_before;
  r.eo = st.eo_total;
  r.eo_loss = eo_without_events_ - st.eo_total;
  r.emergencies = t.emergencies;
  r.instructions = static_cast<int>(t.market.instructions.size());
  for (const auto& id : st.disqualified) r.disqualified.push_back(resource_index_.at(id));
  std::sort(r.disqualified.begin(), r.disqualified.end());
  return r;
}

TrialResult ExposureRunner::run_trial(std::uint64_t seed, std::uint64_t trial) const {
  const TrialScenario t = trial_scenario(seed, trial);
  return result_of(trial, t, settle_inline(t.market, t.meter_rows));
}

ExposureBatch ExposureRunner::run(std::uint64_t seed, std::uint64_t first, std::uint64_t end, unsigned threads,
                                  const std::atomic<bool>* cancel,
                                  const std::function<void(std::uint64_t)>& progress) const {
  const std::uint64_t n = end > first ? end - first : 0;
  const unsigned workers = static_cast<unsigned>(std::clamp<std::uint64_t>(n, 1, std::max(1U, threads)));
  std::vector<std::optional<TrialResult>> slots(n);  // by trial index: the order never depends on timing
  std::atomic<std::uint64_t> next{0};
  std::atomic<std::uint64_t> done{0};
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::condition_variable cv;
  unsigned finished_workers = 0;
  std::optional<std::pair<std::uint64_t, std::exception_ptr>> failure;

  boost::asio::thread_pool pool(workers);
  for (unsigned w = 0; w < workers; ++w) {
    boost::asio::post(pool, [&] {
      // Each worker takes the next trial index until none is left or the run stops.
      for (;;) {
        if (stop.load(std::memory_order_relaxed) || (cancel && cancel->load(std::memory_order_relaxed))) break;
        const std::uint64_t k = next.fetch_add(1);
        if (k >= n) break;
        try {
          slots[k] = run_trial(seed, first + k);
          done.fetch_add(1);
        } catch (...) {
          stop = true;
          std::lock_guard lock(mu);
          if (!failure || first + k < failure->first) failure.emplace(first + k, std::current_exception());
        }
      }
      std::lock_guard lock(mu);
      ++finished_workers;
      cv.notify_all();
    });
  }
  {
    std::unique_lock lock(mu);
    while (finished_workers < workers) {
      cv.wait_for(lock, std::chrono::milliseconds(100));
      if (progress) {
        lock.unlock();
        progress(done.load());
        lock.lock();
      }
    }
  }
  pool.join();
  if (failure) std::rethrow_exception(failure->second);
  ExposureBatch batch;
  batch.results.reserve(done.load());
  for (auto& slot : slots) {
    if (slot) batch.results.push_back(std::move(*slot));
  }
  batch.cancelled = batch.results.size() < n;
  return batch;
}

}  // namespace drsim::sim
