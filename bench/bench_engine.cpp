// Benchmark: events per second of sim::Engine (trace off) against bare std::priority_queue loops.
//
// Usage: bench_engine [events] [hold_queue_size]
// Two workloads, each run by three loops over the same event times and priorities
// with the same trivial handler work (add the event's payload to a sink):
//   bulk - every event scheduled up front, then run to exhaustion;
//   hold - a queue of K events where each handler schedules one successor
//          (the classic "hold model" of event-list benchmarks).
// The loops: a std::priority_queue of POD entries with the work inline (the
// floor), a std::priority_queue whose entries carry a std::function, and the
// Engine (which adds handler slots, kind interning and cancellation checks to
// the std::function loop; its run loop is the same plain pop-and-call).
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <queue>
#include <vector>

#include <fmt/core.h>

#include "sim/engine.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using drsim::MarketTime;

// A fixed pseudo-random stream (SplitMix64), so every loop sees the same events.
struct SplitMix {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
};

struct Event {
  std::int64_t time;   // seconds
  std::int32_t priority;
};

// Event i: a time within a planning year (hourly grid plus minutes), priority 0..3.
std::vector<Event> make_events(std::size_t n, std::uint64_t seed) {
  SplitMix rng{seed};
  std::vector<Event> out(n);
  for (auto& e : out) {
    const std::uint64_t r = rng.next();
    e.time = static_cast<std::int64_t>((r >> 8) % (365ULL * 24 * 60)) * 60;
    e.priority = static_cast<std::int32_t>(r & 3U);
  }
  return out;
}

struct PodEntry {
  std::int64_t time;
  std::int32_t priority;
  std::uint64_t sequence;
  std::int64_t payload;
};
struct PodLater {
  bool operator()(const PodEntry& a, const PodEntry& b) const {
    if (a.time != b.time) return a.time > b.time;
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.sequence > b.sequence;
  }
};
struct FnEntry {
  std::int64_t time;
  std::int32_t priority;
  std::uint64_t sequence;
  std::function<void()> handler;
};
struct FnLater {
  bool operator()(const FnEntry& a, const FnEntry& b) const {
    if (a.time != b.time) return a.time > b.time;
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.sequence > b.sequence;
  }
};

struct Result {
  double seconds;
  std::int64_t sink;
};

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// ---- bulk: schedule all, run all ----

Result bulk_pod(const std::vector<Event>& ev) {
  const auto start = Clock::now();
  std::priority_queue<PodEntry, std::vector<PodEntry>, PodLater> q;
  std::uint64_t seq = 0;
  for (std::size_t i = 0; i < ev.size(); ++i) {
    q.push(PodEntry{ev[i].time, ev[i].priority, ++seq, static_cast<std::int64_t>(i)});
  }
  std::int64_t sink = 0;
  while (!q.empty()) {
    sink += q.top().payload;
    q.pop();
  }
  return {since(start), sink};
}

Result bulk_fn(const std::vector<Event>& ev) {
  const auto start = Clock::now();
  std::priority_queue<FnEntry, std::vector<FnEntry>, FnLater> q;
  std::int64_t sink = 0;
  std::uint64_t seq = 0;
  for (std::size_t i = 0; i < ev.size(); ++i) {
    const auto payload = static_cast<std::int64_t>(i);
    q.push(FnEntry{ev[i].time, ev[i].priority, ++seq, [&sink, payload] { sink += payload; }});
  }
  while (!q.empty()) {
    // top() is const: copy-free extraction needs a const_cast move, as is usual here.
    auto handler = std::move(const_cast<FnEntry&>(q.top()).handler);
    q.pop();
    handler();
  }
  return {since(start), sink};
}

Result bulk_engine(const std::vector<Event>& ev) {
  const auto start = Clock::now();
  drsim::sim::Engine engine;
  engine.set_tracing(false);
  std::int64_t sink = 0;
  for (std::size_t i = 0; i < ev.size(); ++i) {
    const auto payload = static_cast<std::int64_t>(i);
    engine.schedule(MarketTime::from_seconds(ev[i].time), ev[i].priority, "tick", std::string(),
                    [&sink, payload] { sink += payload; });
  }
  engine.run();
  return {since(start), sink};
}

// ---- hold: K pending, each handler schedules a successor a random step later ----

Result hold_pod(const std::vector<Event>& ev, std::size_t k) {
  const auto start = Clock::now();
  std::priority_queue<PodEntry, std::vector<PodEntry>, PodLater> q;
  std::uint64_t seq = 0;
  std::size_t next = 0;
  for (; next < k; ++next) q.push(PodEntry{ev[next].time, ev[next].priority, ++seq, static_cast<std::int64_t>(next)});
  std::int64_t sink = 0;
  while (!q.empty()) {
    const PodEntry top = q.top();
    q.pop();
    sink += top.payload;
    if (next < ev.size()) {
      q.push(PodEntry{top.time + ev[next].time % 86400, ev[next].priority, ++seq, static_cast<std::int64_t>(next)});
      ++next;
    }
  }
  return {since(start), sink};
}

struct FnHold {
  const std::vector<Event>& ev;
  std::priority_queue<FnEntry, std::vector<FnEntry>, FnLater> q;
  std::uint64_t seq = 0;
  std::size_t next = 0;
  std::int64_t sink = 0;
  void push(std::int64_t time, std::int32_t priority, std::int64_t payload) {
    q.push(FnEntry{time, priority, ++seq, [this, time, payload] { handle(time, payload); }});
  }
  void handle(std::int64_t now, std::int64_t payload) {
    sink += payload;
    if (next < ev.size()) {
      push(now + ev[next].time % 86400, ev[next].priority, static_cast<std::int64_t>(next));
      ++next;
    }
  }
};

Result hold_fn(const std::vector<Event>& ev, std::size_t k) {
  const auto start = Clock::now();
  FnHold h{ev, {}, 0, 0, 0};
  for (; h.next < k; ++h.next) h.push(ev[h.next].time, ev[h.next].priority, static_cast<std::int64_t>(h.next));
  while (!h.q.empty()) {
    auto handler = std::move(const_cast<FnEntry&>(h.q.top()).handler);
    h.q.pop();
    handler();
  }
  return {since(start), h.sink};
}

struct EngineHold {
  const std::vector<Event>& ev;
  drsim::sim::Engine& engine;
  std::size_t next = 0;
  std::int64_t sink = 0;
  void push(std::int64_t time, std::int32_t priority, std::int64_t payload) {
    engine.schedule(MarketTime::from_seconds(time), priority, "tick", std::string(),
                    [this, payload] { handle(payload); });
  }
  void handle(std::int64_t payload) {
    sink += payload;
    if (next < ev.size()) {
      push(engine.now().seconds() + ev[next].time % 86400, ev[next].priority, static_cast<std::int64_t>(next));
      ++next;
    }
  }
};

Result hold_engine(const std::vector<Event>& ev, std::size_t k) {
  const auto start = Clock::now();
  drsim::sim::Engine engine;
  engine.set_tracing(false);
  EngineHold h{ev, engine, 0, 0};
  for (; h.next < k; ++h.next) h.push(ev[h.next].time, ev[h.next].priority, static_cast<std::int64_t>(h.next));
  engine.run();
  return {since(start), h.sink};
}

// Best of five rounds, the three loops taking turns in each round, so a burst
// of load on the shared machine hits them alike.
template <class A, class B, class C>
std::array<Result, 3> best_of(A a, B b, C c) {
  std::array<Result, 3> best{a(), b(), c()};
  for (int round = 1; round < 5; ++round) {
    const std::array<Result, 3> r{a(), b(), c()};
    for (std::size_t i = 0; i < 3; ++i) {
      if (r[i].seconds < best[i].seconds) best[i] = r[i];
    }
  }
  return best;
}

void report(const char* workload, std::size_t n, const std::array<Result, 3>& r) {
  const Result& pod = r[0];
  const Result& fn = r[1];
  const Result& engine = r[2];
  const double m = static_cast<double>(n) / 1e6;
  fmt::print("{:<5} {:>10} events | pq POD {:7.2f} M ev/s | pq std::function {:7.2f} M ev/s | "
             "Engine {:7.2f} M ev/s | Engine/POD {:5.2f}x slower, Engine/function {:5.2f}x slower\n",
             workload, n, m / pod.seconds, m / fn.seconds, m / engine.seconds, engine.seconds / pod.seconds,
             engine.seconds / fn.seconds);
  if (pod.sink != engine.sink || fn.sink != engine.sink) {
    fmt::print(stderr, "bench_engine: the loops disagree ({} / {} / {})\n", pod.sink, fn.sink, engine.sink);
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 2'000'000;
  const std::size_t k = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 10'000;
  if (n == 0 || k == 0 || k > n) {
    fmt::print(stderr, "usage: bench_engine [events > 0] [hold_queue_size, 1..events]\n");
    return 2;
  }
  const std::vector<Event> ev = make_events(n, 20250601);
  report("bulk", n, best_of([&] { return bulk_pod(ev); }, [&] { return bulk_fn(ev); }, [&] { return bulk_engine(ev); }));
  report("hold", n, best_of([&] { return hold_pod(ev, k); }, [&] { return hold_fn(ev, k); },
                            [&] { return hold_engine(ev, k); }));
  return 0;
}
