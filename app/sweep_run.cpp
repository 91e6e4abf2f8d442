// The sweep's readings on a thread pool: each a copy of the market under other rules, stored by index.
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without including it

#include "app/sweep_run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include <unistd.h>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "app/progress_bar.hpp"
#include "settlement/problem.hpp"

namespace drsim::app {

namespace {

// A reading's name, changes and key values; its figures come after.
reports::SweepReading described(const Reading& r) {
  reports::SweepReading out{r.name, r.changed, {}, {}, {}, {}};
  for (const auto& o : open_readings()) out.values.push_back(rule_value(r.rules, o.key));
  return out;
}

void set_figures(reports::SweepReading& out, const Statement& st, const std::vector<std::string>& resources) {
  out.total = reports::statement_totals(st);
  out.resources = reports::resource_totals(st, resources);
}

// What the tasks share: each writes only its own slot; the rest is guarded by mu.
struct SweepState {
  std::atomic<std::size_t> done{0};
  std::mutex mu;
  std::condition_variable cv;
  std::size_t lowest_failure = SIZE_MAX;
  std::exception_ptr failure;
};

}  // namespace

reports::SweepFigures run_sweep(const RunResult& base, const std::vector<Reading>& readings,
                                const std::vector<std::string>& grid, unsigned threads, bool progress) {
  const Scenario& s = base.scenario;
  reports::SweepFigures f;
  f.scenario_name = s.name;
  f.scenario_path = s.path;
  f.scenario_sha256 = s.sha256;
  f.grid = grid;
  f.keys = open_readings();
  for (const auto& r : s.resources) f.resources.push_back(r.id);
  for (const auto& r : readings) f.readings.push_back(described(r));
  set_figures(f.readings[0], base.statement, f.resources);

  const std::size_t others = readings.size() - 1;
  const std::size_t workers = std::clamp<std::size_t>(std::max(1U, threads), 1, std::max<std::size_t>(others, 1));
  // The cores left to each reading's meter scan (at most 4, as a run scans).
  const std::size_t meter_threads = std::clamp<std::size_t>(std::max(1U, std::thread::hardware_concurrency()) / workers, 1, 4);
  SweepState state;
  boost::asio::thread_pool pool(workers);
  for (std::size_t i = 1; i < readings.size(); ++i) {
    boost::asio::post(pool, [&, i] {
      try {
        set_figures(f.readings[i], settle_under(s, readings[i].rules, meter_threads), f.resources);
      } catch (const InputError& e) {
        for (const auto& p : e.problems()) f.readings[i].problems.push_back(p.str());
      } catch (...) {
        std::lock_guard lock(state.mu);
        if (i < state.lowest_failure) {
          state.lowest_failure = i;
          state.failure = std::current_exception();
        }
      }
      state.done.fetch_add(1);
      std::lock_guard lock(state.mu);
      state.cv.notify_all();
    });
  }
  ProgressBar bar(others, progress && isatty(STDERR_FILENO) != 0 && others > 1, "readings");
  {
    std::unique_lock lock(state.mu);
    while (!state.cv.wait_for(lock, std::chrono::milliseconds(100), [&] { return state.done.load() == others; })) {
      bar.update(state.done.load());
    }
  }
  pool.join();
  bar.update(others);
  bar.finish();
  if (state.failure) std::rethrow_exception(state.failure);
  return f;
}

}  // namespace drsim::app
