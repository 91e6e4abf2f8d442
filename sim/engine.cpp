// The discrete-event engine: heap of (time, priority, sequence), handler slots, dispatch through Asio.
#include "sim/engine.hpp"

#include <boost/asio/post.hpp>

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

Engine::Engine()
    // Single-threaded by contract, so the scheduler needs no locking.
    : owned_ioc_(std::make_unique<boost::asio::io_context>(BOOST_ASIO_CONCURRENCY_HINT_UNSAFE)),
      ioc_(owned_ioc_.get()) {}

Engine::Engine(boost::asio::io_context& ioc) : ioc_(&ioc) {}

Engine::~Engine() = default;

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
  heap_.push_back(Entry{at.seconds(), static_cast<std::int32_t>(priority), slot, sequence});
  std::push_heap(heap_.begin(), heap_.end(), Later{});
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

void Engine::pump(std::int64_t until) {
  while (!heap_.empty()) {
    const Entry top = heap_.front();
    Slot& s = slots_[top.slot];
    if (!s.cancelled && top.time >= until) break;
    std::pop_heap(heap_.begin(), heap_.end(), Later{});
    heap_.pop_back();
    std::function<void()> handler = std::move(s.handler);
    const bool cancelled = s.cancelled;
    const std::uint32_t kind = s.kind;
    std::string entity = std::move(s.entity);
    s.handler = nullptr;
    s.sequence = 0;
    s.cancelled = false;
    free_slots_.push_back(top.slot);
    if (cancelled) continue;

    --pending_;
    ++dispatched_;
    ++ran_;
    now_ = MarketTime::from_seconds(top.time);
    if (tracing_) trace_.push_back(TraceRecord{top.sequence, now_, kinds_[kind], std::move(entity)});
    // Posted from inside the running chain, so Asio recycles the operation's memory.
    boost::asio::post(*ioc_, [this, until, h = std::move(handler)]() {
      h();
      pump(until);
    });
    return;
  }
  chain_active_ = false;
}

std::uint64_t Engine::run_before(std::int64_t until) {
  if (running_) throw std::logic_error("engine: run() or run_until() called from inside a handler");
  running_ = true;
  ran_ = 0;
  if (ioc_->stopped()) ioc_->restart();
  chain_active_ = true;
  boost::asio::post(*ioc_, [this, until]() { pump(until); });
  try {
    if (owned_ioc_) {
      // Nothing else uses this context: it runs until the chain posts no more.
      ioc_->run();
    } else {
      // A shared context may hold other work: run handlers one at a time and
      // stop when the chain ends, whatever else is pending.
      while (chain_active_) {
        if (ioc_->run_one() == 0 && ioc_->stopped()) ioc_->restart();
      }
    }
  } catch (...) {
    chain_active_ = false;
    running_ = false;
    throw;
  }
  running_ = false;
  return ran_;
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
