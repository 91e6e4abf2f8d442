// Reads one MISO BTMG registration (rules.md 7.1) and reports the form's rules at their lines.
#include <sstream>

#include "scenarios/accredit/section_readers.hpp"

namespace drsim::accredit {

YAML::Mark mark_at(const YAML::Node& root, const std::string& dotted) {
  // Node::reset rebinds; assigning a Node would overwrite the tree it refers to.
  YAML::Node cur;
  cur.reset(root);
  YAML::Mark mark = root.Mark();
  std::istringstream parts(dotted);
  std::string part;
  while (std::getline(parts, part, '.')) {
    if (!cur.IsMap()) break;
    const YAML::Node& ccur = cur;
    YAML::Node next = ccur[part];
    if (!next.IsDefined()) break;
    mark = next.Mark();
    cur.reset(next);
  }
  return mark;
}

namespace {

void read_season(ReadContext& cx, Season season, const YAML::Node& node, const std::string& path,
                 btm::MisoBtmgSeason& s) {
  YamlMap m(cx, node, path);
  s.season = season;
  s.status = m.text("status").value_or("");
  s.excluded = m.flag("excluded", false);
  if (YAML::Node g = m.get("generators"); g.IsDefined()) {
    if (!g.IsSequence()) {
      cx.add(g.Mark(), m.path("generators"), "expected a list of generator ids");
    } else {
      for (std::size_t i = 0; i < g.size(); ++i) {
        if (auto id = as_text(cx, g[i], m.path("generators") + "[" + std::to_string(i) + "]")) {
          s.generators.push_back(*id);
        }
      }
    }
  } else if (!s.excluded) {
    m.need("generators");
  }
  s.xeford_override = m.number("xeford_override", false);
  s.emergency_dr = m.flag("emergency_dr", false);
  s.max_interruptions = static_cast<int>(m.integer("max_interruptions").value_or(1));
  s.max_duration_h = static_cast<int>(m.integer("max_duration_h").value_or(1));
  if (YAML::Node months = m.need("months"); months.IsDefined()) {
    if (!months.IsSequence()) {
      cx.add(months.Mark(), m.path("months"), "expected a list of months 1..12");
    } else {
      for (std::size_t i = 0; i < months.size(); ++i) {
        if (auto v = as_integer(cx, months[i], m.path("months") + "[" + std::to_string(i) + "]")) {
          s.months.push_back(static_cast<int>(*v));
        }
      }
    }
  }
  s.notification_h = m.number("notification_h").value_or(Decimal());
}

}  // namespace

void read_miso(ReadContext& cx, const YAML::Node& node, const std::string& path, btm::AccreditInput& out) {
  const std::size_t problems_before = cx.problems.size();
  btm::MisoCase c;
  c.source = cx.file;
  auto& r = c.registration;
  {
    YamlMap m(cx, node, path);
    if (!m.ok()) return;
    r.name = m.text("name").value_or("");
    r.market_participant = m.text("market_participant").value_or("");
    r.mp_certified = m.required_flag("mp_certified").value_or(true);
    r.asset_owner = m.text("asset_owner").value_or("");
    r.lba = m.text("lba").value_or("");
    r.description = m.text("description").value_or("");
    r.cpnode = m.text("cpnode").value_or("");
    r.cpnode_override = m.flag("cpnode_override", false);
    r.document = m.text("document").value_or("");
    r.drc_forecast = Mw(m.number("drc_forecast_mw").value_or(Decimal::from_int(1)));
    if (YAML::Node contact = m.need("operator_contact"); contact.IsDefined()) {
      YamlMap cm(cx, contact, m.path("operator_contact"));
      r.contact_name = cm.text("name").value_or("");
      r.contact_phone = cm.text("phone").value_or("");
      r.contact_email = cm.text("email").value_or("");
    }
    r.protocol = m.text("protocol").value_or("metered_generation");
    const auto py = m.integer("planning_year");
    if (py && (*py < 2000 || *py > 2200)) cx.add(m.get("planning_year").Mark(), m.path("planning_year"),
                                                 std::to_string(*py) + " is not a planning year");
    r.planning_year = static_cast<int>(py.value_or(2000));
    if (auto lmr = m.text("lmr")) {
      if (*lmr != "new" && *lmr != "existing") {
        cx.add(m.get("lmr").Mark(), m.path("lmr"), "'" + *lmr + "' is not new or existing");
      }
      r.new_lmr = *lmr == "new";
    }
    r.submitted = m.date("submitted").value_or(Date::from_ymd(r.planning_year, 1, 1));
    r.statements_accepted = m.required_flag("statements_accepted").value_or(true);
    if (YAML::Node seasons = m.need("seasons"); seasons.IsDefined()) {
      YamlMap sm(cx, seasons, m.path("seasons"));
      for (Season season : kSeasons) {
        const std::string key(name(season));
        if (YAML::Node sn = sm.get(key); sn.IsDefined()) {
          btm::MisoBtmgSeason s;
          read_season(cx, season, sn, sm.path(key), s);
          r.seasons.push_back(std::move(s));
        }
      }
    }
  }
  // A field already reported as missing or mistyped holds a placeholder: its
  // rules are not checked again, so each mistake is reported once.
  auto already_reported = [&](const std::string& key) {
    for (std::size_t i = problems_before; i < cx.problems.size(); ++i) {
      const std::string& k = cx.problems[i].key;
      if (k.rfind(key, 0) == 0 || key.rfind(k + ".", 0) == 0) return true;
    }
    return false;
  };
  for (const auto& f : btm::check_registration(r)) {
    const std::string key = path + "." + f.key;
    if (already_reported(key)) continue;
    const YAML::Mark at = mark_at(node, f.key);
    if (f.warning) {
      cx.warn(at, key, f.message);
    } else {
      cx.add(at, key, f.message);
    }
  }
  out.miso.push_back(std::move(c));
}

}  // namespace drsim::accredit
