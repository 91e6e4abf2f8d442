// Test helper: reads the cells of an .xlsx (unzip -p) and recomputes its formulas in exact decimals.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "settlement/decimal.hpp"
#include "tests/reports/report_test_support.hpp"

namespace drsim::test {

struct XlsxCell {
  std::string value;    // <v> text, or the shared string for t="s"
  std::string formula;  // <f> text without '=' (XML entities decoded)
  bool is_string = false;
};

// An exact decimal with any number of places: v / 10^scale (int128; enough for products of three six-place figures).
struct Exact {
  int128 v = 0;
  int scale = 0;
  bool blank = false;
  static Exact of(Decimal d) { return Exact{d.micros(), 6}.normal(); }
  Exact normal() const {
    Exact e = *this;
    while (e.scale > 0 && e.v % 10 == 0) {
      e.v /= 10;
      --e.scale;
    }
    return e;
  }
  static int128 pow10(int n) {
    int128 p = 1;
    while (n-- > 0) p *= 10;
    return p;
  }
  int128 at_scale(int s) const { return v * pow10(s - scale); }
  friend Exact operator+(Exact a, Exact b) {
    const int s = std::max(a.scale, b.scale);
    return Exact{a.at_scale(s) + b.at_scale(s), s}.normal();
  }
  friend Exact operator-(Exact a, Exact b) { return a + Exact{-b.v, b.scale}; }
  friend Exact operator*(Exact a, Exact b) { return Exact{a.v * b.v, a.scale + b.scale}.normal(); }
  friend bool operator<(Exact a, Exact b) {
    const int s = std::max(a.scale, b.scale);
    return a.at_scale(s) < b.at_scale(s);
  }
  // Half away from zero to `places`, as Excel's ROUND.
  Exact round(int places) const {
    if (scale <= places) return *this;
    const int128 d = pow10(scale - places);
    return Exact{div_round_half_away(v, d), places}.normal();
  }
  // Cents when the value has at most two places.
  std::int64_t cents() const {
    if (scale > 2) throw std::logic_error("not a whole number of cents");
    return static_cast<std::int64_t>(v * pow10(2 - scale));
  }
};

class XlsxBook {
 public:
  explicit XlsxBook(const std::string& path) : path_(path) {
    const std::string strings = part("xl/sharedStrings.xml");
    for (std::size_t at = strings.find("<si>"); at != std::string::npos; at = strings.find("<si>", at + 1)) {
      const std::size_t t = strings.find('>', strings.find("<t", at)) + 1;
      shared_.push_back(decode(strings.substr(t, strings.find("</t>", t) - t)));
    }
    const std::string wb = part("xl/workbook.xml");
    int n = 1;
    for (std::size_t at = wb.find("<sheet "); at != std::string::npos; at = wb.find("<sheet ", at + 1), ++n) {
      const std::size_t q = wb.find("name=\"", at) + 6;
      const std::string name = decode(wb.substr(q, wb.find('"', q) - q));
      sheet_xml_[name] = part("xl/worksheets/sheet" + std::to_string(n) + ".xml");
      read_cells(name, sheet_xml_[name]);
    }
  }

  // The raw XML of a sheet (to look at what the file really holds).
  const std::string& sheet_xml(const std::string& sheet) const { return sheet_xml_.at(sheet); }
  // Any part of the package, e.g. "xl/styles.xml", "xl/workbook.xml".
  std::string xml(const std::string& name) const { return part(name); }
  // The number format code of a cell (its s="N" style's numFmtId in styles.xml).
  std::string number_format(const std::string& sheet, const std::string& ref) const {
    const std::string& x = sheet_xml(sheet);
    const std::size_t at = x.find("<c r=\"" + ref + "\"");
    if (at == std::string::npos) throw std::out_of_range("no cell " + sheet + "!" + ref);
    const std::string tag = x.substr(at, x.find('>', at) - at);
    const std::size_t s = tag.find(" s=\"");
    const int style = s == std::string::npos ? 0 : std::stoi(tag.substr(s + 4));
    const std::string styles = part("xl/styles.xml");
    std::size_t xf = styles.find("<xf ", styles.find("<cellXfs"));
    for (int i = 0; i < style; ++i) xf = styles.find("<xf ", xf + 1);
    const std::size_t id_at = styles.find("numFmtId=\"", xf) + 10;
    const std::string id = styles.substr(id_at, styles.find('"', id_at) - id_at);
    const std::size_t custom = styles.find("<numFmt numFmtId=\"" + id + "\" formatCode=\"");
    if (custom != std::string::npos) {
      const std::size_t code = styles.find("formatCode=\"", custom) + 12;
      return decode(styles.substr(code, styles.find('"', code) - code));
    }
    const std::map<std::string, std::string> builtin{{"0", "General"}, {"1", "0"}, {"2", "0.00"}, {"3", "#,##0"},
                                                     {"4", "#,##0.00"}};
    return builtin.count(id) ? builtin.at(id) : "builtin " + id;
  }
  // A column's width in characters as stored (Excel adds its padding: 12 -> 12.7109375).
  double column_width(const std::string& sheet, int col) const {
    const std::string& x = sheet_xml(sheet);
    for (std::size_t at = x.find("<col "); at != std::string::npos; at = x.find("<col ", at + 1)) {
      const int min = std::stoi(x.substr(x.find("min=\"", at) + 5));
      const int max = std::stoi(x.substr(x.find("max=\"", at) + 5));
      if (col >= min && col <= max) return std::stod(x.substr(x.find("width=\"", at) + 7));
    }
    return 0;
  }
  const XlsxCell& cell(const std::string& sheet, const std::string& ref) const {
    static const XlsxCell blank;
    const auto s = cells_.find(sheet);
    if (s == cells_.end()) throw std::out_of_range("no sheet " + sheet);
    const auto c = s->second.find(ref);
    return c == s->second.end() ? blank : c->second;
  }
  // Overrides a cell with a value (an analyst typing an input), for recomputation.
  void set(const std::string& sheet, const std::string& ref, const std::string& value) {
    cells_[sheet][ref] = XlsxCell{value, "", false};
  }
  // Recomputes a cell from its formula (or reads its value), in exact decimals.
  Exact eval(const std::string& sheet, const std::string& ref) const {
    const XlsxCell& c = cell(sheet, ref);
    if (c.formula.empty()) {
      if (c.value.empty() || c.is_string) return Exact{0, 0, true};
      // Excel stores doubles as %.16G text; every input is a six-place decimal, so round back to six.
      const auto d = Decimal::parse(c.value);
      if (!d) throw std::runtime_error(sheet + "!" + ref + ": not a number: " + c.value);
      return Exact::of(*d);
    }
    Parser p{*this, sheet, c.formula, 0};
    Exact e = p.expr();
    if (p.pos != c.formula.size()) throw std::runtime_error("unparsed formula tail in " + ref + ": " + c.formula);
    return e;
  }

 private:
  std::string part(const std::string& name) const {
    const auto r = run_command("unzip -p " + shell_quote(path_) + " " + shell_quote(name), fs::temp_directory_path());
    if (r.status != 0) throw std::runtime_error("unzip " + name + ": " + r.output);
    return r.output;
  }
  static std::string decode(std::string s) {
    const std::vector<std::pair<std::string, std::string>> ents{
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [from, to] : ents) {
      for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    }
    return s;
  }
  void read_cells(const std::string& sheet, const std::string& xml) {
    for (std::size_t at = xml.find("<c r=\""); at != std::string::npos; at = xml.find("<c r=\"", at + 1)) {
      const std::size_t q = at + 6;
      const std::string ref = xml.substr(q, xml.find('"', q) - q);
      const std::size_t tag_end = xml.find('>', at);
      const std::string attrs = xml.substr(at, tag_end - at);
      XlsxCell c;
      if (xml[tag_end - 1] != '/') {
        const std::size_t close = xml.find("</c>", tag_end);
        const std::string body = xml.substr(tag_end + 1, close - tag_end - 1);
        const auto inner = [&body](const std::string& tag) -> std::string {
          const std::size_t s = body.find("<" + tag + ">");
          if (s == std::string::npos) return "";
          return body.substr(s + tag.size() + 2, body.find("</" + tag + ">") - s - tag.size() - 2);
        };
        c.formula = decode(inner("f"));
        c.value = decode(inner("v"));
        if (attrs.find("t=\"s\"") != std::string::npos) {
          c.is_string = true;
          c.value = shared_.at(std::stoul(c.value));
        }
      }
      cells_[sheet][ref] = c;
    }
  }

  // Recursive descent over the formula subset the workbook uses.
  struct Parser {
    const XlsxBook& book;
    std::string sheet;
    const std::string& f;
    std::size_t pos;

    char peek() const { return pos < f.size() ? f[pos] : '\0'; }
    void expect(char c) {
      if (peek() != c) throw std::runtime_error(std::string("expected ") + c + " in " + f);
      ++pos;
    }
    Exact expr() {
      Exact v = term();
      while (peek() == '+' || peek() == '-') {
        const char op = f[pos++];
        const Exact r = term();
        v = op == '+' ? v + r : v - r;
      }
      return v;
    }
    Exact term() {
      Exact v = factor();
      while (peek() == '*') {
        ++pos;
        v = v * factor();
      }
      return v;
    }
    // A reference: optional 'Sheet'! prefix, $ signs, column letters, row digits.
    std::pair<std::string, std::string> ref() {
      std::string s = sheet;
      if (peek() == '\'') {
        const std::size_t end = f.find('\'', pos + 1);
        s = f.substr(pos + 1, end - pos - 1);
        pos = end + 1;
        expect('!');
      }
      std::string r;
      while (peek() == '$' || std::isalnum(static_cast<unsigned char>(peek()))) {
        if (peek() != '$') r += f[pos];
        ++pos;
      }
      return {s, r};
    }
    static std::pair<int, int> split(const std::string& r) {
      std::size_t i = 0;
      int col = 0;
      while (i < r.size() && std::isalpha(static_cast<unsigned char>(r[i]))) col = col * 26 + (r[i++] - 'A' + 1);
      return {col, std::stoi(r.substr(i))};
    }
    static std::string name(int col, int row) {
      std::string c;
      for (; col > 0; col = (col - 1) / 26) c.insert(c.begin(), static_cast<char>('A' + (col - 1) % 26));
      return c + std::to_string(row);
    }
    std::vector<Exact> args() {
      std::vector<Exact> out;
      expect('(');
      while (peek() != ')') {
        // A range argument expands to its cells.
        const std::size_t save = pos;
        if (peek() == '\'' || peek() == '$' || std::isupper(static_cast<unsigned char>(peek()))) {
          const auto [s, a] = ref();
          if (peek() == ':') {
            ++pos;
            const auto [s2, b] = ref();
            const auto [c0, r0] = split(a);
            const auto [c1, r1] = split(b);
            for (int c = c0; c <= c1; ++c) {
              for (int r = r0; r <= r1; ++r) out.push_back(book.eval(s, name(c, r)));
            }
            if (peek() == ',') ++pos;
            continue;
          }
          pos = save;
        }
        out.push_back(expr());
        if (peek() == ',') ++pos;
      }
      expect(')');
      return out;
    }
    static std::int64_t days_from_civil(std::int64_t y, int m, int d) {
      y -= m <= 2;
      const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
      const std::int64_t yoe = y - era * 400;
      const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
      return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
    }
    static std::int64_t whole(const Exact& e) { return static_cast<std::int64_t>(e.v / Exact::pow10(e.scale)); }
    Exact factor() {
      if (peek() == '-') {
        ++pos;
        const Exact v = factor();
        return Exact{-v.v, v.scale};
      }
      if (peek() == '(') {
        ++pos;
        const Exact v = expr();
        expect(')');
        return v;
      }
      if (std::isdigit(static_cast<unsigned char>(peek()))) {
        std::size_t end = pos;
        while (end < f.size() && (std::isdigit(static_cast<unsigned char>(f[end])) || f[end] == '.')) ++end;
        const Exact v = Exact::of(*Decimal::parse(f.substr(pos, end - pos)));
        pos = end;
        return v;
      }
      // A function name is letters followed by '('; otherwise it is a reference.
      std::size_t end = pos;
      while (end < f.size() && std::isupper(static_cast<unsigned char>(f[end]))) ++end;
      if (end < f.size() && f[end] == '(' && end > pos) {
        const std::string fn = f.substr(pos, end - pos);
        pos = end;
        const std::vector<Exact> a = args();
        if (fn == "SUM") {
          Exact s;
          for (const auto& x : a) s = s + x;
          return s;
        }
        if (fn == "ROUND") return a.at(0).round(static_cast<int>(whole(a.at(1))));
        if (fn == "MAX") return a.at(0) < a.at(1) ? a.at(1) : a.at(0);
        if (fn == "MIN") return a.at(1) < a.at(0) ? a.at(1) : a.at(0);
        if (fn == "DATE") return Exact{days_from_civil(whole(a.at(0)), static_cast<int>(whole(a.at(1))),
                                                       static_cast<int>(whole(a.at(2)))), 0};
        if (fn == "ISNUMBER") return Exact{a.at(0).blank ? 0 : 1, 0};
        if (fn == "IF") return a.at(0).v != 0 ? a.at(1) : a.at(2);
        throw std::runtime_error("unsupported function " + fn);
      }
      const auto [s, r] = ref();
      if (r.empty()) throw std::runtime_error("cannot parse at " + std::to_string(pos) + " of " + f);
      return book.eval(s, r);
    }
  };

  std::string path_;
  std::vector<std::string> shared_;
  std::map<std::string, std::string> sheet_xml_;
  std::map<std::string, std::map<std::string, XlsxCell>> cells_;
};

}  // namespace drsim::test
