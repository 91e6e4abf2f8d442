// The discrete-event engine: heap of (time, priority, sequence), handler slots, and the loop that runs them.
#include "sim/engine.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace drsim::sim {

std::string TraceRecord::line() const {
  std::string out = std::to_string(sequence);
  out += '|';
  out += time.str();
  out += '|';
  out += kind;
  out += '|';
  out += entity;
  out += '\n';
  return out;
}

std::uint32_t Engine::intern(std::string_view kind) {
  // Events of one kind tend to come in runs: skip the hash lookup then.
  if (last_kind_ != UINT32_MAX && kinds_[last_kind_] == kind) return last_kind_;
  auto it = kind_ids_.find(kind);
  if (it == kind_ids_.end()) {
    const auto id = static_cast<std::uint32_t>(kinds_.size());
    kinds_.emplace_back(kind);
    it = kind_ids_.emplace(kinds_.back(), id).first;
  }
  last_kind_ = it->second;
  return last_kind_;
}

std::uint32_t Engine::take_slot() {
  if (!free_slots_.empty()) {
    const std::uint32_t slot = free_slots_.back();
    free_slots_.pop_back();
    return slot;
  }
  if (slots_.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("engine: too many pending events");
  }
  slots_.emplace_back();
  return static_cast<std::uint32_t>(slots_.size() - 1);
}

EventHandle Engine::schedule(MarketTime at, int priority, std::string_view kind, std::string entity,
                             std::function<void()> handler) {
  if (at < now_) {
    throw std::logic_error("engine: cannot schedule " + std::string(kind) + " '" + entity + "' at " +
                           at.str() + ", before the current time " + now_.str());
  }
  const std::uint32_t kind_id = intern(kind);
  const std::uint32_t slot = take_slot();
  const std::uint64_t sequence = next_sequence_++;
  Slot& s = slots_[slot];
  s.handler = std::move(handler);
  s.entity = std::move(entity);
  s.sequence = sequence;
  s.kind = kind_id;
  s.cancelled = false;
  const Entry entry{at.seconds(), static_cast<std::int32_t>(priority), slot, sequence};
  if (running_) push(entry);
  else unsorted_.push_back(entry);  // sorted in one go when the next run starts
  ++pending_;
  return EventHandle(slot, sequence);
}

bool Engine::cancel(EventHandle handle) {
  if (!handle.valid() || handle.slot() >= slots_.size()) return false;
  Slot& s = slots_[handle.slot()];
  if (s.sequence != handle.sequence() || s.cancelled) return false;
  s.cancelled = true;
  s.handler = nullptr;  // release what the handler holds now; the heap entry goes when popped
  --pending_;
  return true;
}

// A 4-ary min-heap: half the levels of a binary one, and a node's children share a cache line
// or two. The order (time, priority, sequence) is total (sequences are unique), so the events
// come out in the same order whatever the shape of the heap.
void Engine::push(Entry e) {
  std::size_t i = heap_.size();
  heap_.push_back(e);
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!Later{}(heap_[parent], e)) break;
    heap_[i] = heap_[parent];
    i = parent;
  }
  heap_[i] = e;
}

void Engine::pop() {
  const Entry last = heap_.back();
  heap_.pop_back();
  const std::size_t n = heap_.size();
  if (n == 0) return;
  std::size_t i = 0;
  for (;;) {
    const std::size_t first = 4 * i + 1;
    if (first >= n) break;
    std::size_t best = first;
    const std::size_t end = std::min(first + 4, n);
    for (std::size_t c = first + 1; c < end; ++c) {
      if (Later{}(heap_[best], heap_[c])) best = c;
    }
    if (!Later{}(last, heap_[best])) break;
    heap_[i] = heap_[best];
    i = best;
  }
  heap_[i] = last;
}

// Events scheduled outside a run (most of a scenario's, scheduled before it starts) are sorted
// once into the calendar, latest first, so taking the first is a pop_back and the heap holds
// only what handlers schedule. Merged with what the calendar still holds from an earlier run.
void Engine::take_unsorted() {
  if (unsorted_.empty()) return;
  std::sort(unsorted_.begin(), unsorted_.end(), Later{});
  if (calendar_.empty()) {
    calendar_.swap(unsorted_);
  } else {
    std::vector<Entry> merged(calendar_.size() + unsorted_.size());
    std::merge(calendar_.begin(), calendar_.end(), unsorted_.begin(), unsorted_.end(), merged.begin(), Later{});
    calendar_.swap(merged);
  }
  unsorted_.clear();
}

TraceRecord& Engine::current() {
  if (!in_handler_) throw std::logic_error("engine: current() called outside a handler");
  if (in_trace_) return trace_.back();
  if (scratch_.kind != kinds_[scratch_kind_]) scratch_.kind = kinds_[scratch_kind_];
  return scratch_;
}

std::uint64_t Engine::run_before(std::int64_t until) {
  if (running_) throw std::logic_error("engine: run() or run_until() called from inside a handler");
  take_unsorted();
  running_ = true;
  std::uint64_t ran = 0;
  try {
    while (!heap_.empty() || !calendar_.empty()) {
      // The first event is the earlier of the heap's and the calendar's.
      const bool from_heap = calendar_.empty() || (!heap_.empty() && Later{}(calendar_.back(), heap_.front()));
      const Entry top = from_heap ? heap_.front() : calendar_.back();
      Slot& s = slots_[top.slot];
      // A cancelled entry goes whenever it surfaces, before `until` or not.
      if (!s.cancelled && top.time >= until) break;
      if (from_heap) pop();
      else calendar_.pop_back();
      std::function<void()> handler = std::move(s.handler);
      const bool cancelled = s.cancelled;
      const std::uint32_t kind = s.kind;
      std::string entity = std::move(s.entity);
      s.handler = nullptr;
      s.sequence = 0;
      s.cancelled = false;
      free_slots_.push_back(top.slot);
      if (cancelled) continue;

      // The event is spent before its handler runs, so a handler that throws
      // leaves it run and traced, and the queue as it was.
      --pending_;
      ++dispatched_;
      ++ran;
      now_ = MarketTime::from_seconds(top.time);
      if (tracing_) {
        trace_.push_back(TraceRecord{top.sequence, now_, kinds_[kind], std::move(entity), dispatched_, {}});
      } else {
        scratch_.sequence = top.sequence;
        scratch_.time = now_;
        scratch_.entity = std::move(entity);
        scratch_.ordinal = dispatched_;
        scratch_.notes.clear();
        scratch_kind_ = kind;
      }
      in_trace_ = tracing_;
      in_handler_ = true;
      handler();
      in_handler_ = false;
    }
  } catch (...) {
    in_handler_ = false;
    running_ = false;
    throw;
  }
  running_ = false;
  return ran;
}

std::uint64_t Engine::run() { return run_before(std::numeric_limits<std::int64_t>::max()); }

std::uint64_t Engine::run_until(MarketTime until) {
  const std::uint64_t ran = run_before(until.seconds());
  if (now_ < until) now_ = until;
  return ran;
}

std::string Engine::fingerprint() const {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a 64-bit offset basis
  for (const TraceRecord& r : trace_) {
    for (const char c : r.line()) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 0x100000001b3ULL;  // FNV-1a 64-bit prime
    }
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

}  // namespace drsim::sim
