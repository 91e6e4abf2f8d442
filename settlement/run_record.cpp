// Names and constants of the run record.
#include "run_record.hpp"

namespace drsim {

std::string_view name(InstructionStatus s) {
  switch (s) {
    case InstructionStatus::far: return "far";
    case InstructionStatus::near: return "near";
    case InstructionStatus::active: return "active";
    case InstructionStatus::completed: return "completed";
    case InstructionStatus::withdrawn: return "withdrawn";
  }
  return "?";
}

int seasonal_minimum_interruptions(Season s) {
  return (s == Season::summer || s == Season::winter) ? 5 : 3;
}

}  // namespace drsim
