// A reference to one scheduled event of the Engine, used to cancel it.
#pragma once

#include <cstdint>

namespace drsim::sim {

// Names one scheduled event: its slot in the engine and its sequence number, so
// a handle to an event that has already run (whose slot was reused) cancels
// nothing. A default-constructed handle names no event.
class EventHandle {
 public:
  constexpr EventHandle() = default;
  constexpr EventHandle(std::uint32_t slot, std::uint64_t sequence) : slot_(slot), sequence_(sequence) {}
  constexpr std::uint32_t slot() const { return slot_; }
  // Insertion sequence of the event (1, 2, ...); 0 for a handle that names none.
  constexpr std::uint64_t sequence() const { return sequence_; }
  constexpr bool valid() const { return sequence_ != 0; }
  constexpr bool operator==(const EventHandle&) const = default;

 private:
  std::uint32_t slot_ = 0;
  std::uint64_t sequence_ = 0;
};

}  // namespace drsim::sim
