// Reads one NYISO BTM:NG entry (rules.md 7.2): host-load meter data, the NYCA peak hours, capacity inputs.
#include <set>
#include <stdexcept>

#include "scenarios/accredit/section_readers.hpp"

namespace drsim::accredit {

namespace {

const Decimal kOne = Decimal::from_int(1);

// A fraction in [0, 1).
std::optional<Decimal> read_rate(YamlMap& m, const std::string& key) {
  auto v = m.number(key);
  if (v && (v->is_negative() || *v >= kOne)) {
    m.cx().add(m.get(key).Mark(), m.path(key), v->str() + " is outside [0, 1)");
    return std::nullopt;
  }
  return v;
}

std::vector<MarketTime> read_peak_list(ReadContext& cx, const YAML::Node& list, const std::string& path,
                                       DateRange period, const char* period_name) {
  std::vector<MarketTime> out;
  if (!list.IsSequence()) {
    cx.add(list.Mark(), path, "expected a list of 40 hour starts");
    return out;
  }
  std::set<MarketTime> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string p = path + "[" + std::to_string(i) + "]";
    auto h = as_hour(cx, list[i], p);
    if (!h) continue;
    if (!period.contains(h->date())) {
      cx.add(list[i].Mark(), p, h->str() + " is not in the " + period_name + " Capability Period " +
                                    period.begin.str() + " .. " + period.end.str());
    } else if (!seen.insert(*h).second) {
      cx.add(list[i].Mark(), p, h->str() + " is listed twice");
    } else {
      out.push_back(*h);
    }
  }
  if (list.size() != 40) {
    cx.add(list.Mark(), path, "holds " + std::to_string(list.size()) + " hours, the NYCA top-40 list needs 40");
  }
  return out;
}

void check_cris(YamlMap& m, const std::string& key, const std::optional<Decimal>& v) {
  if (!v) return;
  if (auto why = btm::cris_request_problem(*v)) m.cx().add(m.get(key).Mark(), m.path(key), *why);
}

}  // namespace

void read_nyiso(ReadContext& cx, const YAML::Node& node, const std::string& path, btm::AccreditInput& out) {
  const std::size_t problems_before = cx.problems.size();
  btm::NyisoCase c;
  c.source = cx.file;
  YamlMap m(cx, node, path);
  if (!m.ok()) return;
  c.id = m.text("id").value_or("");
  const auto cy = m.integer("capability_year");
  if (cy && (*cy < 2000 || *cy > 2200)) {
    cx.add(m.get("capability_year").Mark(), m.path("capability_year"), std::to_string(*cy) + " is not a year");
  }
  c.capability_year = static_cast<int>(cy && *cy >= 2000 && *cy <= 2200 ? *cy : 2000);
  c.nameplate = Mw(m.non_negative("nameplate_mw").value_or(Decimal()));
  auto& in = c.input;

  const bool given = m.has("peak_proxy_load_mw");
  const bool metered = m.has("host_load_mw") || m.has("nyca_peak_hours");
  if (given && metered) {
    cx.add(m.get("peak_proxy_load_mw").Mark(), m.path("peak_proxy_load_mw"),
           "give either peak_proxy_load_mw or host_load_mw with nyca_peak_hours, not both");
  } else if (given) {
    in.peak_proxy_load = Mw(m.non_negative("peak_proxy_load_mw").value_or(Decimal()));
  } else {
    // Capability Year Y: the prior Summer is May-Oct of Y-1, the Winter before it Nov Y-2 .. Apr Y-1.
    const int y = c.capability_year;
    const DateRange summer{Date::from_ymd(y - 1, 5, 1), Date::from_ymd(y - 1, 11, 1)};
    const DateRange winter{Date::from_ymd(y - 2, 11, 1), Date::from_ymd(y - 1, 5, 1)};
    std::vector<btm::HourlyLoad> loads;
    YAML::Node hl = m.need("host_load_mw");
    if (hl.IsDefined() && !hl.IsMap()) cx.add(hl.Mark(), m.path("host_load_mw"), "expected hour: MW pairs");
    if (hl.IsMap()) {
      std::set<MarketTime> seen;
      for (const auto& kv : hl) {
        const std::string p = m.path("host_load_mw") + "." + kv.first.Scalar();
        auto h = as_hour(cx, kv.first, p);
        auto v = as_number(cx, kv.second, p);
        if (v && v->is_negative()) cx.add(kv.second.Mark(), p, v->str() + " must not be negative");
        if (h && !seen.insert(*h).second) cx.add(kv.first.Mark(), p, "the hour is given twice");
        if (h && v) loads.push_back({*h, Mw(*v)});
      }
    }
    std::vector<MarketTime> peaks;
    if (YAML::Node ph = m.need("nyca_peak_hours"); ph.IsDefined()) {
      YamlMap pm(cx, ph, m.path("nyca_peak_hours"));
      if (YAML::Node s = pm.need("summer"); s.IsDefined()) {
        auto v = read_peak_list(cx, s, pm.path("summer"), summer, "prior Summer");
        peaks.insert(peaks.end(), v.begin(), v.end());
      }
      if (YAML::Node w = pm.need("winter"); w.IsDefined()) {
        auto v = read_peak_list(cx, w, pm.path("winter"), winter, "Winter");
        peaks.insert(peaks.end(), v.begin(), v.end());
      }
    }
    if (cx.problems.size() == problems_before) {
      try {
        c.peak_proxy = btm::peak_proxy_load(loads, peaks);
        in.peak_proxy_load = c.peak_proxy->value;
      } catch (const std::invalid_argument& e) {
        cx.add(hl.Mark(), m.path("host_load_mw"), e.what());
      }
    }
  }
  in.wnf = m.number("wnf").value_or(Decimal());
  in.rlgf = m.number("rlgf").value_or(Decimal());
  in.irm = m.non_negative("irm").value_or(Decimal());
  in.dmgc = Mw(m.non_negative("dmgc_mw").value_or(Decimal()));
  if (auto v = m.non_negative("dmnc_mw", false)) in.dmnc = Mw(*v);
  in.injection_limit = Mw(m.non_negative("injection_limit_mw").value_or(Decimal()));
  in.initial_cris = m.flag("initial_cris", false);
  const auto cris = in.initial_cris ? m.number("cris_mw", false) : m.number("cris_mw");
  check_cris(m, "cris_mw", cris);
  if (cris) in.cris = Mw(*cris);
  const auto request = m.number("cris_request_mw", false);
  check_cris(m, "cris_request_mw", request);
  if (request) c.cris_request = Mw(*request);
  in.derating_factor = read_rate(m, "derating_factor").value_or(Decimal());
  in.caf = m.non_negative("caf").value_or(kOne);
  if (in.caf.is_zero()) cx.add(m.get("caf").Mark(), m.path("caf"), "the capacity accreditation factor must be above 0");
  in.nyca_tf = read_rate(m, "nyca_tf").value_or(Decimal());
  if (auto v = m.non_negative("ucap_sold_mw", false)) in.ucap_sold = Mw(*v);
  if (YAML::Node ex = m.get("excluded"); ex.IsDefined()) {
    if (!ex.IsSequence()) {
      cx.add(ex.Mark(), m.path("excluded"), "expected a list of categories");
    } else {
      for (std::size_t i = 0; i < ex.size(); ++i) {
        const std::string p = m.path("excluded") + "[" + std::to_string(i) + "]";
        if (auto t = as_text(cx, ex[i], p)) {
          if (auto cat = btm::parse_nyiso_excluded(*t)) {
            c.excluded.push_back(*cat);
          } else {
            cx.add(ex[i].Mark(), p, "'" + *t + "' is not an excluded category (intermittent, energy_storage, "
                                     "station_power_only, aggregation_member, nyiso_demand_response, utility_buyback)");
          }
        }
      }
    }
  }
  if (YAML::Node el = m.get("election"); el.IsDefined()) {
    YamlMap em(cx, el, m.path("election"));
    btm::NyisoElection e;
    e.as = em.text("as").value_or("generator");
    if (e.as != "generator" && e.as != "demand_response") {
      cx.add(em.get("as").Mark(), em.path("as"), "'" + e.as + "' is not generator or demand_response");
    }
    e.requalification_notice = em.date("requalification_notice", false);
    c.election = e;
  }
  out.nyiso.push_back(std::move(c));
}

}  // namespace drsim::accredit
