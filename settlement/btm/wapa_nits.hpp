// WAPA network service billing with BTM generation added back, and the rolling 12-CP (rules.md 7.4).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "settlement/market_time.hpp"
#include "settlement/units.hpp"

namespace drsim::btm {

inline const Mw kWapaExemptBelow = Mw(Decimal::from_micros(150'000));  // 150 kW, in MW
inline const Mw kWapaMonitoringFrom = Mw(Decimal::from_int(10));       // 10 MW site
inline constexpr int kWapaCpMonths = 12;

struct WapaGenerator {
  std::string id;
  std::string substation;        // units at one substation add up for the 150 kW and 10 MW tests
  Mw installed;                  // installed capacity, MW
  bool isolated_only = false;    // runs only when its load is disconnected from the grid
  bool interval_metered = true;  // without the required metering it counts at installed capacity
  bool accredited_wecc_mapp = false;
};

enum class WapaTreatment {
  metered,             // added back at its metered output at the peak hour
  unmetered_full_load, // added back at installed capacity
  exempt_below_150kw,  // its substation's units total less than 150 kW
  exempt_isolated,     // runs only isolated from the grid
};
std::string_view name(WapaTreatment t);

struct WapaGeneratorResult {
  std::string id;
  std::string substation;
  Mw installed;
  Mw substation_installed;  // sum over the substation's units, MW
  WapaTreatment treatment = WapaTreatment::metered;
  bool realtime_monitoring = false;  // site >= 10 MW, or accredited in WECC or MAPP
};

// The monthly transmission-system peak hour of one network customer.
struct WapaMonth {
  int year = 0;
  int month = 0;                             // 1..12
  MarketTime peak_hour;                      // start of the system peak hour
  Mw delivered;                              // delivered from the system at the peak, MW
  Mw delivered_back;                         // metered delivery back into the system, MW
  std::map<std::string, Mw> generation;      // metered BTM output at the peak, by generator id, MW
};

struct WapaMonthResult {
  int year = 0;
  int month = 0;
  MarketTime peak_hour;
  Mw delivered;
  Mw btm_generation;   // added back (metered or installed), non-exempt generators only
  Mw delivered_back;
  Mw nits_load;        // delivered + btm_generation - delivered_back
  std::optional<Mw> twelve_cp;  // average of this and the 11 months before, once 12 are known
};

struct WapaNitsResult {
  std::vector<WapaGeneratorResult> generators;
  std::vector<WapaMonthResult> months;
  bool realtime_monitoring = false;  // any generator flagged
};

// Treatment of each generator (input order).
std::vector<WapaGeneratorResult> classify_wapa_generators(const std::vector<WapaGenerator>& gens);

// `months` must be consecutive calendar months in order, and a metered,
// non-exempt generator must have a reading in every month; otherwise
// std::invalid_argument (the reader reports these with line and column first).
WapaNitsResult compute_wapa_nits(const std::vector<WapaGenerator>& gens, const std::vector<WapaMonth>& months);

}  // namespace drsim::btm
