// NYISO BTM:NG eligibility rules and the CRIS request shape.
#include "settlement/btm/nyiso_eligibility.hpp"

#include <array>

namespace drsim::btm {

namespace {
constexpr std::array<NyisoExcluded, 6> kAll{
    NyisoExcluded::intermittent,       NyisoExcluded::energy_storage,
    NyisoExcluded::station_power_only, NyisoExcluded::aggregation_member,
    NyisoExcluded::nyiso_demand_response, NyisoExcluded::utility_buyback};
}

std::string_view name(NyisoExcluded c) {
  switch (c) {
    case NyisoExcluded::intermittent: return "intermittent";
    case NyisoExcluded::energy_storage: return "energy_storage";
    case NyisoExcluded::station_power_only: return "station_power_only";
    case NyisoExcluded::aggregation_member: return "aggregation_member";
    case NyisoExcluded::nyiso_demand_response: return "nyiso_demand_response";
    case NyisoExcluded::utility_buyback: return "utility_buyback";
  }
  return "?";
}

std::optional<NyisoExcluded> parse_nyiso_excluded(std::string_view text) {
  for (NyisoExcluded c : kAll) {
    if (name(c) == text) return c;
  }
  return std::nullopt;
}

Date requalification_deadline(int capability_year) { return Date::from_ymd(capability_year - 1, 8, 1); }

std::vector<std::string> nyiso_ineligibility(const NyisoEligibilityInput& in) {
  std::vector<std::string> why;
  if (in.nameplate < kMinNameplate) {
    why.push_back("nameplate " + in.nameplate.value().str() + " MW is below 2 MW");
  }
  if (in.injection_limit < kMinInjectionLimit) {
    why.push_back("injection limit " + in.injection_limit.value().str() + " MW is below 1 MW");
  }
  if (in.achl < kMinAchl) why.push_back("ACHL " + in.achl.value().str() + " MW is below 1 MW");
  for (NyisoExcluded c : in.excluded) why.push_back(std::string(name(c)) + " resources are not eligible");
  if (in.election) {
    const Date deadline = requalification_deadline(in.capability_year);
    const bool requalified = in.election->requalification_notice && *in.election->requalification_notice < deadline;
    if (!requalified) {
      why.push_back("elected to participate as " + in.election->as +
                    " with no re-qualification notice before " + deadline.str());
    }
  }
  return why;
}

std::optional<std::string> cris_request_problem(Decimal mw) {
  // Tenths of a MW: the micro count is a multiple of 100000.
  if (mw.micros() % 100'000 != 0) return "CRIS request " + mw.str() + " MW is not in tenths of a MW";
  if (Mw(mw) < kMinCrisRequest) return "CRIS request " + mw.str() + " MW is below the 1 MW minimum";
  return std::nullopt;
}

}  // namespace drsim::btm
