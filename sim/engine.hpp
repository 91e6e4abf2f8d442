// The discrete-event engine: a simulated market clock and an ordered event queue run through Boost.Asio.
#pragma once

#include <utility>  // before any Asio header (g++ 12, C++20)

#include <boost/asio/io_context.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "settlement/market_time.hpp"
#include "sim/event_handle.hpp"

namespace drsim::sim {

// One dispatched event, as the trace keeps it.
struct TraceRecord {
  std::uint64_t sequence = 0;  // insertion sequence of the event (1, 2, ...)
  MarketTime time;             // when it ran, market time
  std::string kind;            // what happened, e.g. "instruction_start"
  std::string entity;          // what it happened to, e.g. an instruction id
  // The line the fingerprint hashes: "seq|YYYY-MM-DDTHH:MM[:SS]|kind|entity\n".
  std::string line() const;
};

// Runs events in the order (time, priority, sequence): earlier time first; at
// equal times the lower priority number first; at equal priority the event
// scheduled first. That order is total, so a run is repeatable.
//
// Simulated time is MarketTime (integer seconds); nothing reads the wall
// clock. Every handler runs through the engine's boost::asio::io_context, on
// the thread that calls run(). The engine is single-threaded: schedule and
// cancel from handlers or between runs, never from another thread.
//
// A handler may schedule further events, at now() or later, and cancel any
// pending one. An exception thrown by a handler leaves run() with the
// engine consistent: that event is spent, the rest stay queued.
class Engine {
 public:
  // Owns a single-threaded io_context.
  Engine();
  // Runs handlers through `ioc`, which must outlive the engine.
  explicit Engine(boost::asio::io_context& ioc);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Schedules `handler` at `at`. `kind` is copied (the engine interns it);
  // `entity` names what the event is about. Throws std::logic_error, naming
  // both times, when `at` is before now().
  EventHandle schedule(MarketTime at, int priority, std::string_view kind, std::string entity,
                       std::function<void()> handler);
  // Marks a pending event cancelled: its handler never runs and it is not
  // traced. Returns false when the handle names no pending event (already run,
  // already cancelled, or default-constructed).
  bool cancel(EventHandle handle);

  // Runs events until none is left; returns how many ran. Not reentrant: a
  // handler calling run() or run_until() gets std::logic_error.
  std::uint64_t run();
  // Runs the events before `until` (half-open: an event at `until` stays
  // queued), then advances now() to `until` if it is later. Returns how many ran.
  std::uint64_t run_until(MarketTime until);

  // The time of the event running, or of the last one run, or the `until` of
  // the last run_until when later; initially 1970-01-01T00:00.
  MarketTime now() const { return now_; }
  // Events scheduled and neither run nor cancelled.
  std::size_t pending() const { return pending_; }
  // Events run since construction.
  std::uint64_t dispatched() const { return dispatched_; }

  // Tracing is on by default; a benchmark may turn it off. Events run while it
  // is off are not recorded.
  void set_tracing(bool on) { tracing_ = on; }
  bool tracing() const { return tracing_; }
  const std::vector<TraceRecord>& trace() const { return trace_; }
  // 64-bit FNV-1a over every trace line, as 16 lower-case hex digits. The
  // same events in the same order give the same value on every platform.
  std::string fingerprint() const;

  boost::asio::io_context& io_context() { return *ioc_; }

 private:
  // A heap entry: small and trivially copyable, so the heap moves no handlers.
  struct Entry {
    std::int64_t time;
    std::int32_t priority;
    std::uint32_t slot;
    std::uint64_t sequence;
  };
  // Min-heap order on (time, priority, sequence) for std::push_heap/pop_heap.
  struct Later {
    bool operator()(const Entry& a, const Entry& b) const {
      if (a.time != b.time) return a.time > b.time;
      if (a.priority != b.priority) return a.priority > b.priority;
      return a.sequence > b.sequence;
    }
  };
  struct Slot {
    std::function<void()> handler;
    std::string entity;
    std::uint64_t sequence = 0;  // 0 when the slot is free
    std::uint32_t kind = 0;      // index into kinds_
    bool cancelled = false;
  };

  struct KindHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  std::uint32_t intern(std::string_view kind);
  std::uint32_t take_slot();
  // Pops the first live event before `until` into a posted handler that runs
  // it and then calls pump() again; posts nothing (ending the chain) when none.
  void pump(std::int64_t until);
  std::uint64_t run_before(std::int64_t until);

  std::unique_ptr<boost::asio::io_context> owned_ioc_;
  boost::asio::io_context* ioc_ = nullptr;
  std::vector<Entry> heap_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::vector<std::string> kinds_;
  std::unordered_map<std::string, std::uint32_t, KindHash, std::equal_to<>> kind_ids_;
  std::uint32_t last_kind_ = UINT32_MAX;
  MarketTime now_;
  std::uint64_t next_sequence_ = 1;
  std::uint64_t dispatched_ = 0;
  std::size_t pending_ = 0;
  bool tracing_ = true;
  bool chain_active_ = false;  // a pump() handler is posted and not yet run
  bool running_ = false;       // inside run()/run_until(), which do not nest
  std::uint64_t ran_ = 0;      // events run by the current run()/run_until()
  std::vector<TraceRecord> trace_;
};

}  // namespace drsim::sim
