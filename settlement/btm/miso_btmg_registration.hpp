// MISO MECT registration of BTMG as an LMR (rules.md 7.1): the form's fields and its rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "settlement/calendar.hpp"
#include "settlement/units.hpp"

namespace drsim::btm {

inline const Decimal kMaxNotificationH = Decimal::from_int(12);  // hours

// One season of the registration (MECT steps 16-24).
struct MisoBtmgSeason {
  Season season = Season::summer;
  std::string status;                     // "active" or "inactive"
  bool excluded = false;                  // excluded from the season
  std::vector<std::string> generators;    // generator ids
  std::optional<Decimal> xeford_override; // fraction, 0 <= x < 1
  bool emergency_dr = false;              // Emergency Demand Response Resource
  int max_interruptions = 0;              // per season
  int max_duration_h = 0;                 // hours per interruption
  std::vector<int> months;                // monthly availability, 1..12
  Decimal notification_h;                 // hours, at most 12
};

// A registration as entered in MECT (steps 4-15, 26) plus the planning year and submission.
struct MisoBtmgRegistration {
  std::string name;
  std::string market_participant;
  bool mp_certified = false;
  std::string asset_owner;
  std::string lba;
  std::string description;
  std::string cpnode;          // Load Zone CPNode
  bool cpnode_override = false;
  std::string document;        // supporting document
  Mw drc_forecast;             // Demand Reduction Capability forecast, MW
  std::string contact_name;
  std::string contact_phone;
  std::string contact_email;
  std::string protocol;        // measurement protocol
  int planning_year = 0;       // PY N runs [N-06-01, N+1-06-01)
  bool new_lmr = false;        // a new LMR (else an existing one)
  Date submitted;
  bool statements_accepted = false;
  std::vector<MisoBtmgSeason> seasons;
};

// A rule the registration breaks. `key` is the path below the registration
// ("operator_contact.email", "seasons.summer.months"), `warning` marks the
// February 15 FRAP/RBDC date, which does not stop the registration.
struct MisoFinding {
  std::string key;
  std::string message;
  bool warning = false;
};

// Dates for planning year N (seed 003's timeline).
Date existing_lmr_due(int planning_year);  // February 1 of N
Date new_lmr_due(int planning_year);       // March 1 of N
Date frap_rbdc_due(int planning_year);     // February 15 of N (new LMRs)

// Shape checks of the contact fields.
bool valid_email(std::string_view text);
bool valid_phone(std::string_view text);

// Every rule of 7.1 the registration breaks, in field order (missing and
// mistyped fields are the reader's, which cannot build the struct without them).
std::vector<MisoFinding> check_registration(const MisoBtmgRegistration& r);

}  // namespace drsim::btm
