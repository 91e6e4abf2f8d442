// Same-time order of the lifecycle's event kinds (the engine's priority), shared by
// sim::simulate and the live drill's timeline (drill/), so both run in one order.
#pragma once

namespace drsim::sim {

// What is known at an instant is applied before the instructions that depend on it.
enum Priority : int {
  kEmergencyDeclared = 0,
  kOutage = 1,
  kAvailability = 2,
  kIssued = 3,
  kWithdrawn = 4,
  kReporting = 5,
  kNear = 6,
  kActive = 7,
  kHour = 8,
  kCompleted = 9,
  kEmergencyEnded = 10,
};

}  // namespace drsim::sim
