// The discrete-event engine: a simulated market clock, an ordered event queue and a plain loop that runs it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "settlement/market_time.hpp"
#include "sim/event_handle.hpp"

namespace drsim::sim {

// A line a handler logs about the event running: under the event's own kind, or
// under another (an "exemption" found while issuing an instruction).
struct Note {
  std::string kind;
  std::string detail;
};

// One dispatched event, as the engine keeps it: the trace line the fingerprint
// hashes, and the notes its handler attached (the event log).
struct TraceRecord {
  std::uint64_t sequence = 0;  // insertion sequence of the event (1, 2, ...)
  MarketTime time;             // when it ran, market time
  std::string kind;            // what happened, e.g. "instruction_start"
  std::string entity;          // what it happened to, e.g. an instruction id
  std::uint64_t ordinal = 0;   // its place in the run: the n-th event dispatched (1, 2, ...)
  std::vector<Note> notes;     // what its handler logged, in order; not part of line()

  // The line the fingerprint hashes: "seq|YYYY-MM-DDTHH:MM[:SS]|kind|entity\n".
  std::string line() const;
  // Logs a line under the event's own kind, so a handler never repeats it.
  void note(std::string detail = {}) { notes.push_back({kind, std::move(detail)}); }
  // Logs a line of another kind about the same entity.
  void note_as(std::string_view other_kind, std::string detail) {
    notes.push_back({std::string(other_kind), std::move(detail)});
  }
};

// Runs events in the order (time, priority, sequence): earlier time first; at
// equal times the lower priority number first; at equal priority the event
// scheduled first. That order is total, so a run is repeatable.
//
// Simulated time is MarketTime (integer seconds); nothing reads the wall
// clock. run() is a plain loop (as ns-3's Simulator::Run): pop the first event,
// set the clock to its time, call its handler, on the thread that calls run().
// The engine is single-threaded: schedule and cancel from handlers or between
// runs, never from another thread.
//
// A handler may schedule further events, at now() or later, and cancel any
// pending one. An exception thrown by a handler leaves run() with the
// engine consistent: that event is spent (and traced), the rest stay queued.
class Engine {
 public:
  Engine() = default;
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

  // The record of the event whose handler is running, for the handler to attach
  // its notes to. With tracing off it is a scratch record, dropped when the
  // handler returns. Throws std::logic_error outside a handler.
  TraceRecord& current();

  // Tracing is on by default; a benchmark may turn it off. Events run while it
  // is off are not recorded (nor their notes).
  void set_tracing(bool on) { tracing_ = on; }
  bool tracing() const { return tracing_; }
  const std::vector<TraceRecord>& trace() const { return trace_; }
  // 64-bit FNV-1a over every trace line, as 16 lower-case hex digits. The
  // same events in the same order give the same value on every platform.
  std::string fingerprint() const;

 private:
  // A heap entry: small and trivially copyable, so the heap moves no handlers.
  struct Entry {
    std::int64_t time;
    std::int32_t priority;
    std::uint32_t slot;
    std::uint64_t sequence;
  };
  // Min-heap order on (time, priority, sequence): a is later than b.
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
  void push(Entry e);  // onto the heap
  void pop();          // removes the heap's first entry
  void take_unsorted();  // unsorted_ into calendar_
  std::uint64_t run_before(std::int64_t until);

  std::vector<Entry> heap_;       // scheduled by handlers, during a run
  std::vector<Entry> calendar_;   // scheduled between runs: sorted, the first event last
  std::vector<Entry> unsorted_;   // scheduled since the last run started, not yet in calendar_
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
  bool running_ = false;     // inside run()/run_until(), which do not nest
  bool in_handler_ = false;  // a handler is running: current() names its event
  bool in_trace_ = false;    // ... and its record is trace_.back()
  std::uint32_t scratch_kind_ = 0;
  TraceRecord scratch_;      // current() with tracing off
  std::vector<TraceRecord> trace_;
};

}  // namespace drsim::sim
