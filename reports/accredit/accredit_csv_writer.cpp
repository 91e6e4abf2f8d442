// Lays out the accredit results as CSV tables and writes them through temporary files.
#include "reports/accredit/accredit_csv_writer.hpp"

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace drsim::accredit {

namespace {

std::string join(const std::vector<std::string>& v, char sep = ';') {
  std::string s;
  for (const auto& x : v) {
    if (!s.empty()) s += sep;
    s += x;
  }
  return s;
}

CsvTable miso_table(const btm::AccreditInput& in) {
  CsvTable t({"source", "name", "market_participant", "mp_certified", "asset_owner", "lba", "description",
              "cpnode", "cpnode_override", "document", "drc_forecast_mw", "contact_name", "contact_phone",
              "contact_email", "protocol", "planning_year", "lmr", "submitted", "due", "on_time",
              "frap_rbdc_due", "frap_rbdc_usable", "statements_accepted", "season", "status", "excluded",
              "generators", "xeford_override", "emergency_dr", "max_interruptions", "max_duration_h", "months",
              "notification_h"});
  for (const auto& c : in.miso) {
    const auto& r = c.registration;
    const Date due = r.new_lmr ? btm::new_lmr_due(r.planning_year) : btm::existing_lmr_due(r.planning_year);
    const bool on_time = r.submitted <= due;
    const std::string frap_due = r.new_lmr ? btm::frap_rbdc_due(r.planning_year).str() : std::string();
    const bool frap_ok = r.new_lmr ? r.submitted <= btm::frap_rbdc_due(r.planning_year) : on_time;
    for (const auto& s : r.seasons) {
      std::vector<std::string> months;
      for (int m : s.months) months.push_back(std::to_string(m));
      t.row().add(c.source).add(r.name).add(r.market_participant).add(r.mp_certified).add(r.asset_owner);
      t.add(r.lba).add(r.description).add(r.cpnode).add(r.cpnode_override).add(r.document).add(r.drc_forecast);
      t.add(r.contact_name).add(r.contact_phone).add(r.contact_email).add(r.protocol).add(r.planning_year);
      t.add(r.new_lmr ? "new" : "existing").add(r.submitted.str()).add(due.str()).add(on_time).add(frap_due);
      t.add(frap_ok).add(r.statements_accepted).add(std::string(name(s.season))).add(s.status).add(s.excluded);
      t.add(join(s.generators)).add(s.xeford_override).add(s.emergency_dr).add(s.max_interruptions);
      t.add(s.max_duration_h).add(join(months)).add(s.notification_h);
    }
  }
  return t;
}

void nyiso_tables(const btm::AccreditInput& in, CsvTable& t, CsvTable& hours) {
  for (const auto& c : in.nyiso) {
    const auto o = btm::evaluate(c);
    const auto& r = o.result;
    const auto& x = c.input;
    t.row().add(c.source).add(c.id).add(c.capability_year).add(c.peak_proxy ? "host_load_meter" : "given");
    t.add(c.peak_proxy ? std::optional<int>(c.peak_proxy->coincident_hours_metered) : std::nullopt);
    t.add(x.peak_proxy_load).add(x.wnf).add(x.rlgf).add(r.achl).add(x.irm).add(r.ahl).add(x.dmgc);
    t.add(x.dmnc).add(r.capability_used).add(x.injection_limit).add(x.cris).add(x.initial_cris);
    t.add(r.ahl_plus_injection_limit).add(r.ahl_plus_cris).add(r.adj_dmgc).add(r.net_icap);
    t.add(x.derating_factor).add(x.caf).add(r.gen_ucap).add(x.nyca_tf).add(r.load_ucap);
    t.add(r.gen_minus_load_ucap).add(r.net_ucap).add(x.ucap_sold).add(r.ice).add(c.cris_request);
    t.add(o.cris_request_within_limit).add(c.nameplate).add(o.ineligible.empty()).add(join(o.ineligible));
    if (!c.peak_proxy) continue;
    int rank = 0;
    for (const auto& h : c.peak_proxy->used) {
      hours.row().add(c.source).add(c.id).add(++rank).add(h.hour_start.str()).add(h.load);
    }
  }
}

CsvTable pjm_table(const btm::AccreditInput& in) {
  CsvTable t({"source", "id", "kind", "gross_capability_mw", "station_service_mw", "host_load_in_service",
              "as_of", "under_three_years", "metered_window_start", "metered_window_end",
              "highest_metered_host_load_mw", "isa_max_expected_host_load_mw", "host_load_used_mw",
              "capacity_before_mw", "capacity_value_mw", "cir_before_mw", "cir_after_mw"});
  for (const auto& c : in.pjm) {
    const auto r = btm::compute_pjm_colocated(c.input);
    const auto& x = c.input;
    t.row().add(c.source).add(c.id).add(std::string(name(x.kind))).add(x.gross_capability).add(x.station_service);
    t.add(x.host_load_in_service.str()).add(x.as_of.str()).add(r.under_three_years);
    t.add(r.metered_window.begin.str()).add(r.metered_window.end.str()).add(r.highest_metered);
    t.add(x.isa_max_expected_host_load).add(r.host_load_used).add(r.capacity_before).add(r.capacity_value);
    t.add(r.cir_before).add(r.cir_after);
  }
  return t;
}

void wapa_tables(const btm::AccreditInput& in, CsvTable& months, CsvTable& gens) {
  for (const auto& c : in.wapa) {
    const auto r = btm::compute_wapa_nits(c.generators, c.months);
    for (const auto& m : r.months) {
      char ym[16];
      std::snprintf(ym, sizeof ym, "%04d-%02d", m.year, m.month);
      months.row().add(c.source).add(c.id).add(std::string(ym)).add(m.peak_hour.str()).add(m.delivered);
      months.add(m.btm_generation).add(m.delivered_back).add(m.nits_load).add(m.twelve_cp);
    }
    for (const auto& g : r.generators) {
      gens.row().add(c.source).add(c.id).add(g.id).add(g.substation).add(g.installed);
      gens.add(g.substation_installed).add(std::string(name(g.treatment))).add(g.realtime_monitoring);
    }
  }
}

}  // namespace

std::vector<NamedTable> build_accredit_tables(const btm::AccreditInput& in) {
  CsvTable nyiso({"source", "id", "capability_year", "peak_proxy_load_from", "coincident_hours_metered",
                  "peak_proxy_load_mw", "wnf", "rlgf", "achl_mw", "irm", "ahl_mw", "dmgc_mw", "dmnc_mw",
                  "capability_used_mw", "injection_limit_mw", "cris_mw", "initial_cris",
                  "ahl_plus_injection_limit_mw", "ahl_plus_cris_mw", "adj_dmgc_mw", "net_icap_mw",
                  "derating_factor", "caf", "gen_ucap_mw", "nyca_tf", "load_ucap_mw", "gen_minus_load_ucap_mw",
                  "net_ucap_mw", "ucap_sold_mw", "ice_mw", "cris_request_mw", "cris_request_within_limit",
                  "nameplate_mw", "eligible", "ineligible_reasons"});
  CsvTable hours({"source", "id", "rank", "hour_start", "host_load_mw"});
  nyiso_tables(in, nyiso, hours);
  CsvTable months({"source", "id", "month", "peak_hour", "delivered_mw", "btm_generation_mw",
                   "delivered_back_mw", "nits_load_mw", "twelve_cp_mw"});
  CsvTable gens({"source", "id", "generator", "substation", "installed_mw", "substation_installed_mw",
                 "treatment", "realtime_monitoring"});
  wapa_tables(in, months, gens);
  std::vector<NamedTable> out;
  out.push_back({"miso_btmg_registration.csv", miso_table(in)});
  out.push_back({"nyiso_btmng.csv", std::move(nyiso)});
  out.push_back({"nyiso_peak_proxy_hours.csv", std::move(hours)});
  out.push_back({"pjm_colocated.csv", pjm_table(in)});
  out.push_back({"wapa_nits.csv", std::move(months)});
  out.push_back({"wapa_generators.csv", std::move(gens)});
  return out;
}

void write_accredit_tables(const std::vector<NamedTable>& tables, const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error("cannot create " + dir.string() + ": " + ec.message());
  const std::string tag = ".tmp-" + std::to_string(::getpid());
  std::vector<fs::path> written;
  auto discard = [&] {
    for (const auto& p : written) fs::remove(p, ec);
  };
  for (const auto& t : tables) {
    const fs::path tmp = dir / (t.file + tag);
    written.push_back(tmp);
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << t.table.text();
    out.close();
    if (!out) {
      discard();
      throw std::runtime_error("cannot write " + tmp.string());
    }
  }
  for (std::size_t i = 0; i < tables.size(); ++i) {
    fs::rename(written[i], dir / tables[i].file, ec);
    if (ec) {
      discard();
      throw std::runtime_error("cannot rename " + written[i].string() + ": " + ec.message());
    }
  }
}

}  // namespace drsim::accredit
