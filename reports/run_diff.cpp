// Comparing two runs: rules, totals, per resource, per LSE, capacity, EO, failures and hourly lines.
#include "reports/run_diff.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "reports/csv_writer.hpp"
#include "settlement/decimal.hpp"
#include "settlement/money.hpp"

namespace drsim::reports {

namespace {

// One figure as both runs print it, and its value when it is a number (the typed reading of
// results.sqlite, run_tables.hpp), so changes are computed from figures, never from text.
struct Figure {
  std::string text;
  std::optional<WideDecimal> value;
};

// Figures keyed by (key, field), keys kept in first-seen order.
struct Figures {
  std::vector<std::string> keys;
  std::map<std::string, std::map<std::string, Figure>> values;
  void set(const std::string& key, const std::string& field, std::string text,
           std::optional<WideDecimal> value = std::nullopt) {
    if (!values.count(key)) keys.push_back(key);
    values[key][field] = Figure{std::move(text), value};
  }
};

// b - a exactly when both are numbers (money with two places), else empty. In 128 bits:
// a money figure may pass Decimal's range (rules.md 1a v1.2).
std::string change(const std::string& field, const Figure& a, const Figure& b) {
  if (!a.value || !b.value) return "";
  const WideDecimal d = *b.value + WideDecimal::from_micros(-a.value->micros());
  const std::string text =
      field.size() > 4 && field.ends_with("_usd") ? scaled_fixed(d.micros(), Decimal::kPlaces, 2) : d.str();
  return d.micros() < 0 || text.starts_with('-') ? text : "+" + text;
}

void compare(const std::string& section, const Figures& a, const Figures& b, const std::vector<std::string>& fields,
             std::vector<DiffRow>& out) {
  std::vector<std::string> keys = a.keys;
  for (const auto& k : b.keys) {
    if (!a.values.count(k)) keys.push_back(k);
  }
  for (const auto& key : keys) {
    const auto ia = a.values.find(key);
    const auto ib = b.values.find(key);
    if (ia == a.values.end() || ib == b.values.end()) {
      out.push_back({section, key, "line", ia != a.values.end() ? "present" : "", ib != b.values.end() ? "present" : "", ""});
      continue;
    }
    for (const auto& field : fields) {
      const auto fa = ia->second.find(field);
      const auto fb = ib->second.find(field);
      const Figure va = fa == ia->second.end() ? Figure{} : fa->second;
      const Figure vb = fb == ib->second.end() ? Figure{} : fb->second;
      if (va.text != vb.text) out.push_back({section, key, field, va.text, vb.text, change(field, va, vb)});
    }
  }
}

// Each row of `table` as key -> fields (the listed columns that the table has).
Figures rows_of(const DbTable& t, const std::vector<std::string>& key_cols, const std::string& sep,
                const std::vector<std::string>& fields) {
  Figures f;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    std::string key;
    for (std::size_t k = 0; k < key_cols.size(); ++k) key += (k ? sep : "") + t.at(i, key_cols[k]);
    for (const auto& field : fields) {
      if (t.has(field)) f.set(key, field, t.at(i, field), t.number(i, field));
    }
  }
  return f;
}

// A money cell's amount (NULL reads as 0).
Money money_of(const DbTable& t, std::size_t row, const std::string& column) {
  return t.money(row, column).value_or(Money());
}

// A sum of money as text and in millionths (its cents x 10^4: within 128 bits for every sum of
// a database's cents, which are below 1.7e38 / 10^4 when they come from drsim; else no number).
Figure money_figure(Money m) {
  constexpr int128 kMaxCents = int128(1'000'000'000'000'000'000LL) * 1'000'000'000'000'000LL;  // 1e33
  if (m.cents() > kMaxCents || m.cents() < -kMaxCents) return {m.str(), std::nullopt};
  return {m.str(), WideDecimal::from_micros(m.cents() * (Decimal::kScale / 100))};
}

// Per resource: charges from the hourly lines, capacity, counted failures, disqualification.
Figures resource_figures(const RunTables& run) {
  struct T {
    Money energy, rsg, capacity;
    int counted = 0;
    bool disqualified = false;
  };
  std::map<std::string, T> by;
  std::vector<std::string> order;
  const auto get = [&](const std::string& id) -> T& {
    if (!by.count(id)) order.push_back(id);
    return by[id];
  };
  const DbTable& h = run.table("hourly");
  for (std::size_t i = 0; i < h.rows.size(); ++i) {
    T& t = get(h.at(i, "resource_id"));
    t.energy += money_of(h, i, "energy_charge_usd");
    t.rsg += money_of(h, i, "rsg_charge_usd");
  }
  const DbTable& c = run.table("capacity");
  for (std::size_t i = 0; i < c.rows.size(); ++i) get(c.at(i, "resource_id")).capacity += money_of(c, i, "amount_usd");
  const DbTable& f = run.table("failures");
  for (std::size_t i = 0; i < f.rows.size(); ++i) {
    T& t = get(f.at(i, "resource_id"));
    t.counted += f.flag(i, "counted");
    t.disqualified = t.disqualified || f.flag(i, "disqualified");
  }
  std::sort(order.begin(), order.end());
  Figures out;
  const auto set = [&](const std::string& id, const char* field, const Figure& fig) {
    out.set(id, field, fig.text, fig.value);
  };
  for (const auto& id : order) {
    const T& t = by[id];
    set(id, "energy_charge_usd", money_figure(t.energy));
    set(id, "rsg_charge_usd", money_figure(t.rsg));
    set(id, "penalty_usd", money_figure(t.energy + t.rsg));
    set(id, "capacity_usd", money_figure(t.capacity));
    out.set(id, "counted_failures", std::to_string(t.counted), WideDecimal::from_micros(int128(t.counted) * Decimal::kScale));
    out.set(id, "disqualified", t.disqualified ? "true" : "false");
  }
  return out;
}

Figures total_figures(const RunTables& run) {
  Figures out;
  std::string dq;
  const DbTable& s = run.table("summary");
  for (std::size_t i = 0; i < s.rows.size(); ++i) {
    if (s.at(i, "key") == "disqualified") {
      dq += (dq.empty() ? "" : ";") + s.at(i, "value");
    } else {
      out.set(s.at(i, "key"), "value", s.at(i, "value"), s.number(i, "value"));
    }
  }
  out.set("disqualified", "value", dq);
  return out;
}

// Terminal columns of UTF-8 text: one per code point (continuation bytes do not count).
std::size_t display_width(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

const std::vector<std::string> kHourlyFields{
    "resource_id",   "he",       "instructed_mw", "target_mw",         "actual_mw",      "shortfall_mw",
    "shortfall_mwh", "lmp_usd_per_mwh", "rsg_usd_per_mwh", "multiplier", "energy_charge_usd", "rsg_charge_usd",
    "exempt_reason", "flags"};

}  // namespace

std::size_t RunDiff::count(const std::string& section) const {
  return static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [&](const DiffRow& r) { return r.section == section; }));
}

RunDiff diff_runs(const RunTables& a, const RunTables& b) {
  RunDiff d;
  d.a_path = a.path;
  d.b_path = b.path;
  compare("rule", rows_of(a.table("rules"), {"key"}, "", {"value"}), rows_of(b.table("rules"), {"key"}, "", {"value"}),
          {"value"}, d.rows);
  // Totals: summary keys; the field is the key itself for readability.
  {
    const Figures ta = total_figures(a);
    const Figures tb = total_figures(b);
    std::vector<DiffRow> rows;
    compare("total", ta, tb, {"value"}, rows);
    for (auto& r : rows) {
      if (r.field == "value") {
        // The field is the total's key: money changes print with two decimals.
        const Figure& fa = ta.values.at(r.key).at("value");
        const auto ib = tb.values.find(r.key);
        r.field = r.key;
        r.key = "run";
        if (ib != tb.values.end()) r.change = change(r.field, fa, ib->second.at("value"));
      }
      d.rows.push_back(r);
    }
  }
  compare("resource", resource_figures(a), resource_figures(b),
          {"energy_charge_usd", "rsg_charge_usd", "penalty_usd", "capacity_usd", "counted_failures", "disqualified"},
          d.rows);
  compare("lse", rows_of(a.table("allocation"), {"lse_id"}, "", {"amount_usd"}),
          rows_of(b.table("allocation"), {"lse_id"}, "", {"amount_usd"}), {"amount_usd"}, d.rows);
  const std::vector<std::string> cap{"cleared_mw", "acp_usd_per_mw_day", "days_paid", "amount_usd"};
  compare("capacity", rows_of(a.table("capacity"), {"resource_id", "season"}, "/", cap),
          rows_of(b.table("capacity"), {"resource_id", "season"}, "/", cap), cap, d.rows);
  const std::vector<std::string> eo{"cleared_mw", "nonperformance_mw", "mw_days_before", "mw_days_after",
                                    "eo_before_usd", "adjustment_usd", "eo_usd"};
  compare("eo", rows_of(a.table("eo"), {"mp_id", "season"}, "/", eo), rows_of(b.table("eo"), {"mp_id", "season"}, "/", eo),
          eo, d.rows);
  const std::vector<std::string> fail{"start", "counted", "disqualified"};
  compare("failure", rows_of(a.table("failures"), {"resource_id", "instruction_id"}, "/", fail),
          rows_of(b.table("failures"), {"resource_id", "instruction_id"}, "/", fail), fail, d.rows);
  compare("hourly", rows_of(a.table("hourly"), {"instruction_id", "hour_start"}, "@", kHourlyFields),
          rows_of(b.table("hourly"), {"instruction_id", "hour_start"}, "@", kHourlyFields), kHourlyFields, d.rows);
  return d;
}

std::string results_db_path(const std::string& arg) {
  const std::filesystem::path p(arg);
  if (std::filesystem::is_directory(p)) return (p / "results.sqlite").string();
  return arg;
}

std::string diff_text(const RunDiff& diff) {
  std::string out = fmt::format("A: {}\nB: {}\n", diff.a_path, diff.b_path);
  if (diff.identical()) return out + "identical: no figure differs\n";
  const std::vector<std::string> header{"section", "key", "field", "A", "B", "change"};
  std::vector<std::size_t> width(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) width[c] = display_width(header[c]);
  const auto cells = [](const DiffRow& r) { return std::vector<std::string>{r.section, r.key, r.field, r.a, r.b, r.change}; };
  for (const auto& r : diff.rows) {
    const auto cs = cells(r);
    for (std::size_t c = 0; c < cs.size(); ++c) width[c] = std::max(width[c], display_width(cs[c]));
  }
  const auto line = [&](const std::vector<std::string>& cs) {
    std::string l;
    for (std::size_t c = 0; c < cs.size(); ++c) {
      const bool right = c >= 3;  // figures right-aligned
      const std::size_t pad = width[c] - std::min(width[c], display_width(cs[c]));
      if (c) l += "  ";
      l += right ? std::string(pad, ' ') + cs[c] : cs[c] + (c + 1 < cs.size() ? std::string(pad, ' ') : "");
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    return l + "\n";
  };
  out += line(header);
  std::vector<std::string> rule;
  for (std::size_t c = 0; c < header.size(); ++c) rule.push_back(std::string(width[c], '-'));
  out += line(rule);
  for (const auto& r : diff.rows) out += line(cells(r));
  std::string counts;
  for (const auto* s : {"rule", "total", "resource", "lse", "capacity", "eo", "failure", "hourly"}) {
    if (const std::size_t n = diff.count(s)) counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", n, s);
  }
  return out + fmt::format("{} differences ({})\n", diff.rows.size(), counts);
}

void write_diff_csv(const RunDiff& diff, const std::string& path) {
  CsvWriter csv(path, {"section", "key", "field", "a", "b", "change"});
  for (const auto& r : diff.rows) csv.row({r.section, r.key, r.field, r.a, r.b, r.change});
  csv.close();
}

}  // namespace drsim::reports
