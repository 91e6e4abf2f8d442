// The exposure runner: trial scenarios settled on a thread pool, stored by trial index.
#include <utility>  // before Asio (g++ 12, C++20)

#include "sim/exposure_runner.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "settlement/settle.hpp"
#include "sim/lifecycle.hpp"

namespace drsim::sim {

Statement settle_inline(const Market& s, const std::vector<MeterRow>& meter_rows) {
  // No event trace: a trial's figures never read the event log or the fingerprint.
  const RunRecord record = simulate(s, inline_meter_feed(meter_rows), SimulateOptions{.trace = false, .explain_baseline = {}});
  return settle(s, record);
}

ExposureRunner::ExposureRunner(const Market& file, ExposureModel model)
    : base_(exposure_base(file)),
      model_(std::move(model)),
      frame_(base_, model_),
      eo_without_events_(settle_inline(base_, {}).eo_total),
      kernel_(base_, model_, frame_, eo_without_events_) {
  for (std::size_t i = 0; i < base_.resources.size(); ++i) {
    resource_index_.emplace(base_.resources[i].id, static_cast<std::uint32_t>(i));
  }
}

TrialScenario ExposureRunner::trial_scenario(std::uint64_t seed, std::uint64_t trial) const {
  return build_trial(base_, model_, frame_, seed, trial);
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
  // Each thread's buffers, kept from trial to trial: a trial allocates almost nothing.
  thread_local DrawnYear y;
  thread_local KernelScratch scratch;
  draw_year(base_, model_, frame_, seed, trial, y);
  if (auto r = kernel_.settle(trial, y, scratch)) return std::move(*r);
  return run_full_trial(seed, trial);
}

TrialResult ExposureRunner::run_full_trial(std::uint64_t seed, std::uint64_t trial) const {
  const TrialScenario t = trial_scenario(seed, trial);
  return result_of(trial, t, settle_inline(t.market, t.meter_rows));
}

namespace {

// Trials per pool task: consecutive trials, so the cost of a task (one allocation and one queue
// operation, about a microsecond) stays negligible next to a trial's, while the last tasks
// still spread over the threads. Fixed: the split never depends on the thread count.
constexpr std::uint64_t kTrialsPerTask = 4;

// What the tasks of one run share. Each task writes only its own slots; the rest is guarded by mu.
struct RunState {
  std::vector<std::optional<TrialResult>> slots;  // by trial index: the order never depends on timing
  std::atomic<std::uint64_t> done{0};              // completed trials, for the progress callback
  // The lowest failing trial so far (offset from `first`): a trial above it is not started, one
  // below it still runs, so the error rethrown is always that of the lowest failing trial.
  std::atomic<std::uint64_t> lowest_failure{std::numeric_limits<std::uint64_t>::max()};
  std::mutex mu;
  std::condition_variable cv;
  std::uint64_t tasks_finished = 0;
  std::exception_ptr failure;
};

}  // namespace

ExposureBatch ExposureRunner::run(std::uint64_t seed, std::uint64_t first, std::uint64_t end, unsigned threads,
                                  const std::atomic<bool>* cancel,
                                  const std::function<void(std::uint64_t)>& progress) const {
  const std::uint64_t n = end > first ? end - first : 0;
  const std::uint64_t tasks = (n + kTrialsPerTask - 1) / kTrialsPerTask;
  RunState state;
  state.slots.resize(n);
  const auto cancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
  const auto run_trials = [&](std::uint64_t from, std::uint64_t to) {
    for (std::uint64_t k = from; k < to; ++k) {
      if (cancelled() || k > state.lowest_failure.load(std::memory_order_relaxed)) break;
      try {
        state.slots[k] = run_trial(seed, first + k);
        state.done.fetch_add(1, std::memory_order_relaxed);
      } catch (...) {
        std::lock_guard lock(state.mu);
        if (k < state.lowest_failure.load()) {
          state.lowest_failure = k;
          state.failure = std::current_exception();
        }
      }
    }
    std::lock_guard lock(state.mu);
    if (++state.tasks_finished == tasks) state.cv.notify_all();
  };

  boost::asio::thread_pool pool(static_cast<std::size_t>(std::clamp<std::uint64_t>(tasks, 1, std::max(1U, threads))));
  for (std::uint64_t t = 0; t < tasks; ++t) {
    const std::uint64_t from = t * kTrialsPerTask;
    boost::asio::post(pool, [&run_trials, from, to = std::min(n, from + kTrialsPerTask)] { run_trials(from, to); });
  }
  {
    std::unique_lock lock(state.mu);
    // Wakes at the end or every 100 ms, and reports progress each time (the last report is the final count).
    bool finished = tasks == 0;
    while (!finished) {
      finished = state.cv.wait_for(lock, std::chrono::milliseconds(100), [&] { return state.tasks_finished == tasks; });
      if (progress) {
        lock.unlock();
        progress(state.done.load());
        lock.lock();
      }
    }
  }
  pool.join();
  if (state.failure) std::rethrow_exception(state.failure);
  ExposureBatch batch;
  batch.results.reserve(state.done.load());
  for (auto& slot : state.slots) {
    if (slot) batch.results.push_back(std::move(*slot));
  }
  batch.cancelled = batch.results.size() < n;
  return batch;
}

}  // namespace drsim::sim
