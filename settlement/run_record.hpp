// The record of a simulated run: what sim/ observed, hour by hour, for settlement to price.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar.hpp"
#include "exemption.hpp"
#include "flags.hpp"
#include "market.hpp"

namespace drsim {

// One settlement hour of one instruction, as the lifecycle saw it.
struct HourRecord {
  MarketTime hour;                    // start of the settlement hour
  ExactDuration obligated;            // the part of the hour in the obligated part (4), exact
  Mw instruction_mw;                  // the instruction's MW in the hour
  Mw available_mw;                    // DSRI availability (or cleared + FRAP MW)
  Mw instructed_mw;                   // min(instruction, available) (4.3)
  // Before the optionals, apart from the flags: two fields written apart and read as one
  // word stall the read (same_terms is asked of every hour of an exposure trial).
  ExemptReason exempt = ExemptReason::none;  // whole-instruction or hour exemption
  std::optional<Mw> reported_target;  // advanced reporting for the hour; none when missing or late
  std::optional<Mw> measured;         // load (baseline, FSL) or generation (BTMG); none when missing
  std::optional<Mw> baseline;         // baseline protocol only
  std::uint32_t flags = 0;
  // frac_h of rules.md 4: the fraction of the hour in the obligated part, to six places
  // (1199.9988 s of an hour: 0.333333).
  Decimal frac() const { return Decimal::ratio(obligated.us, ExactDuration::kPerHour); }
  bool operator==(const HourRecord&) const = default;
};

// True when two hours' records agree in every field but their time (`hour`). Field by field,
// no copy (the trial kernel asks it of every hour); a field added to HourRecord belongs here too.
inline bool same_terms(const HourRecord& a, const HourRecord& b) {
  static_assert(sizeof(HourRecord) == 104, "a field was added to HourRecord: compare it in same_terms");
  return a.obligated == b.obligated && a.instruction_mw == b.instruction_mw && a.available_mw == b.available_mw &&
         a.instructed_mw == b.instructed_mw && a.reported_target == b.reported_target && a.measured == b.measured &&
         a.baseline == b.baseline && a.exempt == b.exempt && a.flags == b.flags;
}

enum class InstructionStatus { far, near, active, completed, withdrawn };
std::string_view name(InstructionStatus s);

struct StatusChange {
  MarketTime at;
  InstructionStatus status;
};

// One Scheduling Instruction with every hour of its window.
struct InstructionRecord {
  std::size_t instruction = 0;  // index into Market::instructions
  std::size_t resource = 0;     // index into Market::resources
  SeasonKey season;             // of its start
  ExemptReason whole_exemption = ExemptReason::none;
  bool deployment = false;
  MarketTime effective_end;
  ExactTime obligated_end;  // start + max_duration_h may fall between whole seconds
  std::optional<std::size_t> report;  // index into Market::advanced_reporting of the entry that counts
  bool late_report = false;           // some entry arrived after start
  std::vector<StatusChange> statuses;
  std::vector<HourRecord> hours;
};

// One dispatched event of the engine, as the `events` table holds it.
struct EventLogEntry {
  std::uint64_t sequence = 0;
  MarketTime time;
  std::string kind;
  std::string entity;
  std::string detail;
};

// Deployments of a resource in a season, against the seasonal minimum
// (Summer 5, Fall 3, Winter 5, Spring 3 interruptions a resource must accept).
struct DeploymentCount {
  std::size_t resource = 0;
  SeasonKey season;
  int deployments = 0;
  int seasonal_minimum = 0;
  int max_interruptions = 0;
};
int seasonal_minimum_interruptions(Season s);

struct RunRecord {
  std::vector<InstructionRecord> instructions;  // ordered by start, then id
  std::vector<EventLogEntry> events;
  std::vector<DeploymentCount> deployments;
  std::string fingerprint;  // hash of the engine's trace
  std::uint64_t meter_rows = 0;
};

}  // namespace drsim
