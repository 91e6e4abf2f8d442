// A run's money as one ledger of dated line items, and the one set of functions over it
// (QuantLib's CashFlow, Leg and the CashFlows functions over a leg).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "market_time.hpp"
#include "money.hpp"

namespace drsim {

// Whom an amount is charged or paid: a resource (charges, capacity), an LSE (its share of
// the charges) or a utility (its earnings opportunity).
enum class SubjectKind { resource = 0, lse = 1, utility = 2 };

struct Subject {
  SubjectKind kind = SubjectKind::resource;
  std::string id;
  auto operator<=>(const Subject&) const = default;
};

// Why an amount is owed, each made by one rule of rules.md (rule_of).
enum class Reason {
  energy_charge = 0,     // shortfall MWh x LMP x multiplier, charged to the resource (4.7)
  rsg_charge = 1,        // shortfall MWh x RSG rate, charged to the resource (4.7)
  capacity_payment = 2,  // cleared MW x ACP x days paid, paid to the resource (4.9)
  allocation_share = 3,  // an LSE's share of an instruction-hour's charges (4.10)
  eo_before = 4,         // a utility's EO of a season before non-performance (5)
  eo_adjustment = 5,     // the season's non-performance adjustment: zero or negative (5)
  eo_cap = 6,            // the cut that brings a utility's year to its cap_usd: zero or negative (5)
};

std::string_view name(Reason r);
// The rules.md section that makes an amount of `r`: "4.7", "4.9", "4.10", "5".
std::string_view rule_of(Reason r);

// A half-open span of market time [from, to), as every window in drsim.
class Period {
 public:
  // Throws std::invalid_argument unless from < to: an entry is dated by a span of time.
  Period(MarketTime from, MarketTime to);
  MarketTime from() const { return from_; }
  MarketTime to() const { return to_; }
  bool contains(MarketTime t) const { return from_ <= t && t < to_; }
  // Whether this period lies inside `window` (both half-open: [16:00, 17:00) lies inside
  // [16:00, 17:00) and not inside [15:00, 16:30)).
  bool within(const Period& window) const { return window.from_ <= from_ && to_ <= window.to_; }
  auto operator<=>(const Period&) const = default;

 private:
  MarketTime from_, to_;
};

// The statement line an entry comes from: `index` into Statement's vector of that kind.
enum class DetailKind { hourly = 0, capacity = 1, allocation_share = 2, eo = 3 };
struct Detail {
  DetailKind kind = DetailKind::hourly;
  std::size_t index = 0;
  auto operator<=>(const Detail&) const = default;
};

// One dated line item: who, over what period, why, under which rule, how much, from which line.
struct LedgerEntry {
  Subject subject;
  Period period;
  Reason reason = Reason::energy_charge;
  std::string_view rule;  // rules.md section (rule_of(reason)); static text
  Money amount;           // rounded to the cent once, by the line that made it
  Detail detail;
};

// A run's line items, in the order settle() makes them: per hourly line its energy and RSG
// charges, then capacity, allocation shares and EO.
using Ledger = std::vector<LedgerEntry>;

// An entry of `reason` for `subject` over `period`, its rule that of the reason.
LedgerEntry ledger_entry(Subject subject, Period period, Reason reason, Money amount, Detail detail);

// The sum of a set of entries: their amount and how many there are.
struct LedgerSum {
  Money amount;
  std::size_t entries = 0;
  bool operator==(const LedgerSum&) const = default;
};

// Sums per (subject, reason), in subject then reason order.
using LedgerSums = std::map<std::pair<Subject, Reason>, LedgerSum>;

// The one aggregation of a ledger: the sum per subject and reason of the entries whose period
// lies within `window` (every entry when none). Sums are exact: 128-bit cents that throw on
// overflow (money.hpp), never wrap.
LedgerSums sum_by_subject_and_reason(const Ledger& ledger, const std::optional<Period>& window = std::nullopt);

// The sum of every subject's entries of `reason`.
Money total(const LedgerSums& sums, Reason reason);
// The sum of one subject's entries of `reason` (zero when it has none).
LedgerSum sum_of(const LedgerSums& sums, const Subject& subject, Reason reason);

// A resource's sums in the ledger.
struct ResourceSums {
  Money energy_charge, rsg_charge, capacity;
  std::size_t instruction_hours = 0;  // energy charge entries: one per hourly line
  std::size_t capacity_lines = 0;     // capacity payment entries: one per capacity line
  Money penalty() const { return energy_charge + rsg_charge; }
};
// Per resource id with at least one entry, sorted by id.
std::map<std::string, ResourceSums> totals_by_resource(const LedgerSums& sums);

// An LSE's sums in the ledger: its shares of the charges (4.10).
struct LseSums {
  Money allocated;
  std::size_t shares = 0;  // allocation share entries
};
// Per LSE id with at least one entry, sorted by id.
std::map<std::string, LseSums> totals_by_lse(const LedgerSums& sums);

}  // namespace drsim
