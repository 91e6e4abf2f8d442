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

// Each row of `table` (or of the rows `only`) as key -> fields (the listed columns that the table has).
Figures rows_of(const DbTable& t, const std::vector<std::string>& key_cols, const std::string& sep,
                const std::vector<std::string>& fields, const std::vector<std::size_t>* only = nullptr) {
  Figures f;
  const auto add = [&](std::size_t i) {
    std::string key;
    for (std::size_t k = 0; k < key_cols.size(); ++k) key += (k ? sep : "") + t.at(i, key_cols[k]);
    for (const auto& field : fields) {
      if (t.has(field)) f.set(key, field, t.at(i, field), t.number(i, field));
    }
  };
  if (only) {
    for (std::size_t i : *only) add(i);
  } else {
    for (std::size_t i = 0; i < t.rows.size(); ++i) add(i);
  }
  return f;
}

// The rows of one table of a run keyed and compared as its column description says
// (statement_tables.hpp): its diff key and diff fields.
Figures table_figures(const RunTables& run, const std::string& table, const std::vector<std::size_t>* only = nullptr) {
  const TableSchema& t = *results_table(table);
  return rows_of(run.table(table), t.diff_key, t.diff_key_separator, t.diff_fields(), only);
}

void compare_tables(const std::string& section, const std::string& table, const RunTables& a, const RunTables& b,
                    std::vector<DiffRow>& out) {
  compare(section, table_figures(a, table), table_figures(b, table), results_table(table)->diff_fields(), out);
}

// Per resource with a line: the stored totals (resource_totals), `disqualified` as true/false.
Figures resource_figures(const RunTables& run) {
  const std::vector<std::size_t> rows = resources_with_lines(run);
  Figures out = table_figures(run, "resource_totals", &rows);
  for (auto& [key, fields] : out.values) {
    if (const auto it = fields.find("disqualified"); it != fields.end()) {
      it->second = Figure{it->second.text == "1" ? "true" : "false", std::nullopt};
    }
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
  compare("resource", resource_figures(a), resource_figures(b), results_table("resource_totals")->diff_fields(),
          d.rows);
  compare_tables("lse", "allocation", a, b, d.rows);
  compare_tables("capacity", "capacity", a, b, d.rows);
  compare_tables("eo", "eo", a, b, d.rows);
  compare_tables("failure", "failures", a, b, d.rows);
  compare_tables("hourly", "hourly", a, b, d.rows);
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
