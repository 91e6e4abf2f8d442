// The ledger's entries and its one aggregation.
#include "ledger.hpp"

#include <array>
#include <stdexcept>

namespace drsim {

std::string_view name(Reason r) {
  switch (r) {
    case Reason::energy_charge: return "energy_charge";
    case Reason::rsg_charge: return "rsg_charge";
    case Reason::capacity_payment: return "capacity_payment";
    case Reason::allocation_share: return "allocation_share";
    case Reason::eo_before: return "eo_before";
    case Reason::eo_adjustment: return "eo_adjustment";
    case Reason::eo_cap: return "eo_cap";
  }
  return "";
}

std::string_view rule_of(Reason r) {
  switch (r) {
    case Reason::energy_charge:
    case Reason::rsg_charge: return "4.7";
    case Reason::capacity_payment: return "4.9";
    case Reason::allocation_share: return "4.10";
    case Reason::eo_before:
    case Reason::eo_adjustment:
    case Reason::eo_cap: return "5";
  }
  return "";
}

Period::Period(MarketTime from, MarketTime to) : from_(from), to_(to) {
  if (!(from < to)) throw std::invalid_argument("period [" + from.str() + ", " + to.str() + ") is empty");
}

LedgerEntry ledger_entry(Subject subject, Period period, Reason reason, Money amount, Detail detail) {
  return LedgerEntry{std::move(subject), period, reason, rule_of(reason), amount, detail};
}

LedgerSums sum_by_subject_and_reason(const Ledger& ledger, const std::optional<Period>& window) {
  LedgerSums sums;
  // A subject's entries mostly follow each other (an hourly line's energy and RSG charges, a
  // resource's lines): per reason, the slot of the last entry is reused while its subject repeats.
  constexpr std::size_t kReasons = static_cast<std::size_t>(Reason::eo_cap) + 1;
  std::array<std::pair<const Subject*, LedgerSum*>, kReasons> last{};
  for (const auto& e : ledger) {
    if (window && !e.period.within(*window)) continue;
    auto& [subject, slot] = last[static_cast<std::size_t>(e.reason)];
    if (slot == nullptr || *subject != e.subject) {
      slot = &sums[{e.subject, e.reason}];
      subject = &e.subject;
    }
    slot->amount += e.amount;
    ++slot->entries;
  }
  return sums;
}

Money total(const LedgerSums& sums, Reason reason) {
  Money out;
  for (const auto& [key, sum] : sums) {
    if (key.second == reason) out += sum.amount;
  }
  return out;
}

LedgerSum sum_of(const LedgerSums& sums, const Subject& subject, Reason reason) {
  const auto it = sums.find({subject, reason});
  return it == sums.end() ? LedgerSum{} : it->second;
}

std::map<std::string, ResourceSums> totals_by_resource(const LedgerSums& sums) {
  std::map<std::string, ResourceSums> out;
  for (const auto& [key, sum] : sums) {
    if (key.first.kind != SubjectKind::resource) continue;
    ResourceSums& t = out[key.first.id];
    switch (key.second) {
      case Reason::energy_charge:
        t.energy_charge += sum.amount;
        t.instruction_hours += sum.entries;
        break;
      case Reason::rsg_charge: t.rsg_charge += sum.amount; break;
      case Reason::capacity_payment:
        t.capacity += sum.amount;
        t.capacity_lines += sum.entries;
        break;
      default: break;  // no other reason is a resource's
    }
  }
  return out;
}

std::map<std::string, LseSums> totals_by_lse(const LedgerSums& sums) {
  std::map<std::string, LseSums> out;
  for (const auto& [key, sum] : sums) {
    if (key.first.kind != SubjectKind::lse) continue;
    LseSums& t = out[key.first.id];
    if (key.second == Reason::allocation_share) {
      t.allocated += sum.amount;
      t.shares += sum.entries;
    }
  }
  return out;
}

}  // namespace drsim
