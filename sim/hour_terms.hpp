// What an instruction owes in one settlement hour before its meters are read (rules.md 3.4,
// 4.1-4.3): the one code both the lifecycle and the exposure trial kernel fill an hour with.
#pragma once

#include <vector>

#include "settlement/exact_time.hpp"
#include "settlement/market.hpp"
#include "settlement/run_record.hpp"

namespace drsim::sim {

// An instruction as its hours see it: all references, nothing copied.
struct InstructionTerms {
  const Instruction& instruction;
  const SeasonRegistration* registration;            // in the season of start; null when not listed
  ExactTime obligated_end;                           // (4), exact
  const std::vector<const Availability*>& availability;  // the resource's DSRI entries
  const std::vector<const Outage*>& outages;             // the resource's outages
  const AdvancedReport* report;                      // the entry that counts; null when none
  bool late_report;                                  // some entry came after start
  ExemptReason whole_exemption;                      // 4.1 (none when not exempt as a whole)
};

// Rules.md 3.4: the smallest MW in force over the hour's obligated part, cleared plus FRAP MW
// counting wherever no entry is in force during some of it; an hour with no obligated part
// takes the MW in force at its start. Entries never overlap (an input error).
Mw available_in(const InstructionTerms& t, MarketTime hour);

// Sets the hour's instruction, available and instructed MW, reported target, flags (late
// reporting, not acknowledged, forced outage) and exemption (the whole instruction's, else
// 4.2's): every field but hour, obligated, measured and baseline, whatever they held before
// (a record can be reused hour after hour). `hr.hour` is set by the caller.
void fill_hour_terms(const InstructionTerms& t, HourRecord& hr);

// True when fill_hour_terms gives every hour of the window [start, effective end) the record
// of its first hour but for the time: flat MW terms (mw_terms_flat), a window of whole hours
// obligated to its end (each hour covered whole, none at or past the obligated end), and each
// outage over the whole window or none of it (the same flags and exemption every hour).
bool hours_alike(const InstructionTerms& t);

}  // namespace drsim::sim
