// The EO workpaper (eo.xlsx) written with libxlsxwriter: inputs as values, every result as a live formula.
#include "reports/eo_workbook.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <stdexcept>

#include <fmt/format.h>

#include "settlement/calendar.hpp"
#include "settlement/capacity.hpp"

namespace drsim::reports {

namespace {

// Attachment C orders the seasons winter, spring, summer, fall.
constexpr std::array<Season, 4> kSheetOrder{Season::winter, Season::spring, Season::summer, Season::fall};
constexpr std::array<const char*, 4> kSeasonLabel{"Winter", "Spring", "Summer", "Fall"};
constexpr std::array<char, 4> kPriceCol{'D', 'E', 'F', 'G'};  // row 18: prices; row 19: days
constexpr std::array<char, 4> kMwCol{'I', 'J', 'K', 'L'};     // row 23: cleared MW and the rows below it

// The one place a figure becomes a binary double: the xlsx number encoding itself.
// Parsing the exact decimal text gives the nearest double, which Excel would read anyway.
// Excel holds 15 significant digits, so a figure beyond about 1e13 dollars is as exact in
// the workbook as Excel can be, and exact in eo.csv and results.sqlite.
double cell_number(Decimal v) { return std::strtod(v.str().c_str(), nullptr); }
double cell_number(const WideDecimal& v) { return std::strtod(v.str().c_str(), nullptr); }
double cell_number(Money v) { return std::strtod(v.str().c_str(), nullptr); }

// Characters a figure takes in its cell's number format: the exact text with thousands
// separators and at least `min_places` decimals, so a column is never too narrow for its
// figures (Excel and LibreOffice print "###" then).
double shown_chars(const std::string& exact, int min_places) {
  const std::size_t point = exact.find('.');
  const bool negative = !exact.empty() && exact[0] == '-';
  const std::size_t int_digits = (point == std::string::npos ? exact.size() : point) - (negative ? 1 : 0);
  const std::size_t places = point == std::string::npos ? 0 : exact.size() - point - 1;
  const std::size_t shown_places = std::max<std::size_t>(places, static_cast<std::size_t>(min_places));
  return static_cast<double>((negative ? 1 : 0) + int_digits + (int_digits - 1) / 3 + (shown_places > 0 ? 1 : 0) +
                             shown_places);
}

std::size_t sheet_slot(Season s) {
  for (std::size_t i = 0; i < kSheetOrder.size(); ++i) {
    if (kSheetOrder[i] == s) return i;
  }
  return 0;
}

void check(lxw_error e, const std::string& what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error("eo.xlsx: " + what + ": " + lxw_strerror(e));
}

// Number formats. Prices and rates keep every digit drsim has (at least two decimals, as
// eo.csv writes `acp_usd_per_mw_day`: 666.50, 398.987); MW at least one decimal and up to
// Decimal's six (no bare "10." as `#,##0.######` shows); money to the cent.
constexpr const char* kPriceFormat = "#,##0.00####";
constexpr const char* kMwFormat = "#,##0.0#####";
constexpr const char* kMoneyFormat = "#,##0.00";
constexpr const char* kShareFormat = "0.00####";
constexpr const char* kYearFormat = "0";  // 2025, not 2,025
constexpr const char* kDaysFormat = "0";

struct Formats {
  lxw_format* title;
  lxw_format* section;
  lxw_format* bold;
  lxw_format* label;  // a table's row label
  lxw_format* note;
  lxw_format* header;
  lxw_format* text;
  lxw_format* input_year;
  lxw_format* input_share;
  lxw_format* input_price;
  lxw_format* input_mw;
  lxw_format* input_money;
  lxw_format* price;
  lxw_format* mw;
  lxw_format* days;
  lxw_format* money;
  lxw_format* money_bold;
  lxw_format* date;
};

lxw_format* bordered(lxw_workbook* wb, const char* num_format, bool input) {
  lxw_format* f = workbook_add_format(wb);
  if (num_format != nullptr) format_set_num_format(f, num_format);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  if (input) format_set_bg_color(f, 0xFFF2CC);  // inputs: yellow, as analysts mark them
  return f;
}

Formats make_formats(lxw_workbook* wb) {
  Formats f{};
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.section = workbook_add_format(wb);
  format_set_bold(f.section);
  format_set_font_size(f.section, 12);
  f.bold = workbook_add_format(wb);
  format_set_bold(f.bold);
  f.label = bordered(wb, nullptr, false);
  format_set_bold(f.label);
  format_set_text_wrap(f.label);
  f.note = workbook_add_format(wb);
  format_set_italic(f.note);
  format_set_font_color(f.note, 0x555555);
  f.header = bordered(wb, nullptr, false);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDDE5F0);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f.header);
  f.text = bordered(wb, nullptr, false);
  f.input_year = bordered(wb, kYearFormat, true);
  format_set_align(f.input_year, LXW_ALIGN_LEFT);
  f.input_share = bordered(wb, kShareFormat, true);
  format_set_align(f.input_share, LXW_ALIGN_LEFT);
  f.input_price = bordered(wb, kPriceFormat, true);
  f.input_mw = bordered(wb, kMwFormat, true);
  f.input_money = bordered(wb, kMoneyFormat, true);
  format_set_align(f.input_money, LXW_ALIGN_LEFT);
  f.price = bordered(wb, kPriceFormat, false);
  f.mw = bordered(wb, kMwFormat, false);
  f.days = bordered(wb, kDaysFormat, false);
  f.money = bordered(wb, kMoneyFormat, false);
  f.money_bold = bordered(wb, kMoneyFormat, false);
  format_set_bold(f.money_bold);
  format_set_border(f.money_bold, LXW_BORDER_MEDIUM);
  format_set_bg_color(f.money_bold, 0xE2EFDA);
  f.date = bordered(wb, "yyyy-mm-dd", false);
  format_set_align(f.date, LXW_ALIGN_LEFT);
  return f;
}

// A worksheet addressed by A1 references.
class Sheet {
 public:
  Sheet(lxw_worksheet* ws, std::string name) : ws_(ws), name_(std::move(name)) {}
  const std::string& name() const { return name_; }
  // 'Sheet name'!$A$1 style prefix for formulas on other sheets.
  std::string ref() const { return "'" + name_ + "'!"; }
  void text(const std::string& cell, const std::string& value, lxw_format* f = nullptr) {
    check(worksheet_write_string(ws_, lxw_name_to_row(cell.c_str()), lxw_name_to_col(cell.c_str()), value.c_str(), f),
          name_ + "!" + cell);
  }
  void number(const std::string& cell, double value, lxw_format* f) {
    check(worksheet_write_number(ws_, lxw_name_to_row(cell.c_str()), lxw_name_to_col(cell.c_str()), value, f),
          name_ + "!" + cell);
  }
  // A formula and its cached result (what drsim computed; Excel recomputes it on load).
  void formula(const std::string& cell, const std::string& formula, double cached, lxw_format* f) {
    check(worksheet_write_formula_num(ws_, lxw_name_to_row(cell.c_str()), lxw_name_to_col(cell.c_str()),
                                      ("=" + formula).c_str(), f, cached),
          name_ + "!" + cell);
  }
  // A formula whose result is text, with that text cached.
  void text_formula(const std::string& cell, const std::string& formula, const std::string& cached, lxw_format* f) {
    check(worksheet_write_formula_str(ws_, lxw_name_to_row(cell.c_str()), lxw_name_to_col(cell.c_str()),
                                      ("=" + formula).c_str(), f, cached.c_str()),
          name_ + "!" + cell);
  }
  void width(const std::string& columns, double chars) {
    check(worksheet_set_column(ws_, lxw_name_to_col(columns.c_str()), lxw_name_to_col_2(columns.c_str()), chars,
                               nullptr),
          name_ + " column width " + columns);
  }
  void date(const std::string& cell, Date d, lxw_format* f) {
    lxw_datetime dt{d.year(), d.month(), d.day(), 0, 0, 0.0};
    check(worksheet_write_datetime(ws_, lxw_name_to_row(cell.c_str()), lxw_name_to_col(cell.c_str()), &dt, f),
          name_ + "!" + cell);
  }
  lxw_worksheet* ws() const { return ws_; }

 private:
  lxw_worksheet* ws_;
  std::string name_;
};

// One eo: entry's four season lines in Attachment C order, and what the daily sheet needs.
struct EntryData {
  const EoConfig* config;
  std::array<const EoLine*, 4> line{};          // by sheet slot
  std::array<int, 4> first_row{};               // first 1-based row of the season on the daily sheet
  std::array<int, 4> last_row{};
};

// MW of the utility's resources without ACP on `d` (disqualified), for ClearedMW(s, d) = cleared - this.
Mw disqualified_mw(const Scenario& s, const EoConfig& eo, const std::vector<Disqualification>& dq, Season season,
                   Date d) {
  Mw out;
  if (eo.cleared_mw && at(*eo.cleared_mw, season)) return out;  // fixed MW: no day-by-day change
  for (const auto& r : s.resources) {
    if (r.mp != eo.mp) continue;
    const auto& reg = at(r.seasons, season);
    if (reg && !reg->excluded && acp_disqualified_on(r, dq, d)) out += reg->cleared_mw;
  }
  return out;
}

// The three sheets of one entry, and the text that heads and foots each printed page.
struct EntrySheets {
  Sheet att;
  Sheet np;
  Sheet daily;
};

// "PY 2025-26", as report.html and the loader write planning years.
std::string py_label(int py) { return fmt::format("PY {}-{:02}", py, (py + 1) % 100); }

// A text for a page header or footer: '&' starts a code there, so it is doubled, and the
// whole field (Excel allows 255 characters) is cut at a whole UTF-8 character.
std::string header_text(const std::string& s, std::size_t max_bytes) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    const std::string ch = s[i] == '&' ? "&&" : s.substr(i, n);
    if (out.size() + ch.size() > max_bytes) break;
    out += ch;
    i += n - 1;
  }
  return out;
}

enum class Orientation { landscape, portrait };

// Page setup: US Letter, the print area, scaled to one page wide (and one page tall when
// `one_page`), the scenario and planning year in the header, the sheet and page in the footer.
void page_setup(const Sheet& sh, const RunInfo& info, Orientation o, const std::string& area, bool one_page,
                int repeat_row) {
  lxw_worksheet* ws = sh.ws();
  worksheet_set_paper(ws, 1);  // US Letter, as Ameren Missouri prints
  if (o == Orientation::landscape) {
    worksheet_set_landscape(ws);
  } else {
    worksheet_set_portrait(ws);
  }
  worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.75);  // inches
  worksheet_center_horizontally(ws);
  worksheet_fit_to_pages(ws, 1, one_page ? 1 : 0);
  check(worksheet_print_area(ws, lxw_name_to_row(area.c_str()), lxw_name_to_col(area.c_str()),
                             lxw_name_to_row_2(area.c_str()), lxw_name_to_col_2(area.c_str())),
        sh.name() + " print area");
  if (repeat_row >= 0) {
    check(worksheet_repeat_rows(ws, static_cast<lxw_row_t>(repeat_row), static_cast<lxw_row_t>(repeat_row)),
          sh.name() + " repeated rows");
  }
  lxw_header_footer_options margin{};
  margin.margin = 0.3;  // inches from the paper's edge
  const std::string right = "&R" + py_label(info.planning_year);
  const std::string header = "&L" + header_text(info.scenario_name, LXW_HEADER_FOOTER_MAX - 2 - right.size()) + right;
  check(worksheet_set_header_opt(ws, header.c_str(), &margin), sh.name() + " page header");
  const std::string footer = "&L" + header_text(sh.name(), 40) + "&C" + header_text("drsim " + info.drsim_version, 60) +
                             "&RPage &P of &N";
  check(worksheet_set_footer_opt(ws, footer.c_str(), &margin), sh.name() + " page footer");
}

// Daily MW: one row per market day, seasons in planning-year order (contiguous blocks).
void write_daily(const Formats& f, const RunInfo& info, const Scenario& s, const Statement& st, EntrySheets& sh,
                 EntryData& e) {
  Sheet& daily = sh.daily;
  const EoConfig& eo = *e.config;
  const int py = s.planning_year;
  daily.width("A:A", 12);
  daily.width("B:B", 9);
  daily.width("C:G", 16);
  daily.text("A1", "ClearedMW(s, d) day by day (rules.md 5)", f.title);
  daily.text("A2", "MW without ACP (input): the cleared MW of the utility's resources disqualified from ACP that day.",
             f.note);
  daily.text("A3", "Every other column is a formula.", f.note);
  const std::array<const char*, 7> dh{"Date", "Season", "PRA cleared MW", "MW without ACP (disqualified)",
                                      "ClearedMW(s,d)", "Non-performance MW", "max(ClearedMW - NonPerfMW, 0)"};
  for (std::size_t c = 0; c < dh.size(); ++c) daily.text(std::string(1, static_cast<char>('A' + c)) + "4", dh[c], f.header);
  worksheet_set_row(daily.ws(), 3, 30, nullptr);  // two lines of heading
  int row = 5;
  for (Season season : kSeasons) {
    const std::size_t k = sheet_slot(season);
    const EoLine& line = *e.line[k];
    const DateRange days = season_range(py, season);
    e.first_row[k] = row;
    WideDecimal before;  // MW-days: beyond Decimal's range within the limits (earnings.hpp)
    WideDecimal after;
    for (Date d = days.begin; d < days.end; d = d + 1, ++row) {
      const std::string r = std::to_string(row);
      const Mw dq = disqualified_mw(s, eo, st.disqualifications, season, d);
      const Decimal paid = line.cleared_mw.value() - dq.value();
      const Decimal kept = max(paid - line.nonperformance_mw.value(), Decimal());
      before += paid;
      after += kept;
      daily.date("A" + r, d, f.date);
      daily.text("B" + r, kSeasonLabel[k], f.text);
      daily.formula("C" + r, sh.att.ref() + "$" + kMwCol[k] + "$23", cell_number(line.cleared_mw.value()), f.mw);
      daily.number("D" + r, cell_number(dq.value()), f.input_mw);
      daily.formula("E" + r, "C" + r + "-D" + r, cell_number(paid), f.mw);
      daily.formula("F" + r, sh.np.ref() + "$D$" + std::to_string(5 + k), cell_number(line.nonperformance_mw.value()),
                    f.mw);
      daily.formula("G" + r, "MAX(E" + r + "-F" + r + ",0)", cell_number(kept), f.mw);
    }
    e.last_row[k] = row - 1;
    if (before != line.mw_days_before || after != line.mw_days_after) {
      throw std::logic_error(fmt::format("eo.xlsx: day-by-day MW of {} {} give {} / {} MW-days, the statement {} / {}",
                                         eo.mp, name(season), before.str(), after.str(), line.mw_days_before.str(),
                                         line.mw_days_after.str()));
    }
  }
  worksheet_freeze_panes(daily.ws(), 4, 0);
  page_setup(daily, info, Orientation::portrait, "A1:G" + std::to_string(row - 1), false, 3);
}

// Attachment C, rows 1 to 14: who and what the workpaper is for, and its inputs besides the tables.
void write_attachment_c_head(const Formats& f, const RunInfo& info, const Scenario& s, Sheet& att, const EoConfig& eo) {
  const int py = s.planning_year;
  att.text("A1", "Attachment C: Business Demand Response Earnings Opportunity (EO)", f.title);
  const std::array<std::pair<const char*, std::string>, 6> about{{{"A2", "Scenario"},
                                                                  {"A3", "Scenario SHA-256"},
                                                                  {"A4", "drsim version"},
                                                                  {"A5", "Utility (MP)"},
                                                                  {"A6", "Zone (PRA prices)"},
                                                                  {"A10", "Non-performance"}}};
  for (const auto& [cell, label] : about) att.text(cell, label, f.bold);
  att.text("B2", info.scenario_name);
  att.text("B3", info.scenario_sha256);
  att.text("B4", info.drsim_version);
  att.text("B5", eo.mp);
  att.text("B6", eo.zone);
  att.text("A7", "Planning year", f.bold);
  att.number("B7", py, f.input_year);
  // Live: typing another year in B7 renames it too. RIGHT(2026,2) is "26".
  att.text_formula("C7", "\"PY \"&$B$7&\"-\"&RIGHT($B$7+1,2)&\": \"&$B$7&\"-06-01 to \"&($B$7+1)&\"-06-01 (exclusive)\"",
                   fmt::format("{}: {}-06-01 to {}-06-01 (exclusive)", py_label(py), py, py + 1), nullptr);
  att.text("A8", "EO share", f.bold);
  att.number("B8", cell_number(eo.share), f.input_share);
  att.text("A9", "EO cap ($; blank: none)", f.bold);
  if (eo.cap_usd) {
    att.number("B9", cell_number(*eo.cap_usd), f.input_money);
  } else {
    worksheet_write_blank(att.ws(), 8, 1, f.input_money);
  }
  att.text("B10", eo.nonperformance == NonPerformance::max_hourly ? "max_hourly" : "none");
  att.text("A12", "Yellow cells are inputs; every other figure is a formula. Change an input and the EO in S23 "
                  "is computed again.", f.note);
  att.text("A13", "EO(s) = share x ACP(s) x sum over days of max(ClearedMW(s,d) - NonPerfMW(s), 0), rounded to the "
                  "cent per season (rules.md 5); day-by-day MW on the Daily MW sheet.", f.note);
  att.text("A14", "Layout of Ameren Missouri's Attachment C (EO-2023-0136): PRA cleared prices in D18:G18, PRA "
                  "cleared MW in I23:L23, the EO in S23.", f.note);
}

// Attachment C's captions, headings and row labels around the figures.
void write_attachment_c_labels(const Formats& f, Sheet& att) {
  att.text("C16", "PRA cleared prices (MISO Planning Resource Auction results)", f.section);
  att.text("C17", "Season", f.header);
  att.text("C18", "PRA cleared price (ACP), $/MW-day", f.label);
  att.text("C19", "Market days in season", f.label);
  att.text("H21", "PRA cleared MW and the earnings opportunity", f.section);
  att.text("H22", "Season", f.header);
  att.text("H23", "PRA cleared MW", f.label);
  att.text("H24", "MW-days paid (sum of ClearedMW(s,d))", f.label);
  att.text("H25", "EO before non-performance ($)", f.label);
  att.text("H26", "Non-performance adjustment ($)", f.label);
  att.text("H27", "EO after adjustment ($)", f.label);
  att.text("N22", "Total", f.header);
  att.text("S22", "EO of the year ($)", f.header);
  att.text("R23", "EO ($)", f.bold);
}

// Attachment C's two tables: prices and days by season (C17:G19), MW and EO by season (H22:N27), the EO (S23).
void write_attachment_c(const Formats& f, const RunInfo& info, const Scenario& s, EntrySheets& sh,
                        const EntryData& e) {
  Sheet& att = sh.att;
  const EoConfig& eo = *e.config;
  const int py = s.planning_year;
  // Narrow enough for one landscape page: the long row labels wrap (two-line rows).
  for (const auto& [cols, chars] : std::vector<std::pair<std::string, double>>{
           {"A:A", 24}, {"B:B", 12}, {"C:C", 22}, {"H:H", 25}, {"M:M", 1.5}, {"O:Q", 1.5}, {"R:R", 7}}) {
    att.width(cols, chars);
  }
  for (const lxw_row_t r : {17, 21, 23, 24, 25}) worksheet_set_row(att.ws(), r, 30, nullptr);  // rows 18, 22, 24 to 26
  write_attachment_c_head(f, info, s, att, eo);
  write_attachment_c_labels(f, att);
  // DATE differences count the market days, 29 February included.
  const std::array<std::string, 4> days_formula{
      "DATE($B$7+1,3,1)-DATE($B$7,12,1)", "DATE($B$7+1,6,1)-DATE($B$7+1,3,1)", "DATE($B$7,9,1)-DATE($B$7,6,1)",
      "DATE($B$7,12,1)-DATE($B$7,9,1)"};
  Money before_total;
  Money after_total;
  WideDecimal mw_days;
  for (std::size_t k = 0; k < 4; ++k) {
    const EoLine& line = *e.line[k];
    const std::string p(1, kPriceCol[k]);
    const std::string m(1, kMwCol[k]);
    att.text(p + "17", kSeasonLabel[k], f.header);
    att.number(p + "18", cell_number(line.acp.value()), f.input_price);
    att.formula(p + "19", days_formula[k], season_days(py, kSheetOrder[k]), f.days);
    att.text(m + "22", kSeasonLabel[k], f.header);
    att.number(m + "23", cell_number(line.cleared_mw.value()), f.input_mw);
    att.formula(m + "24", fmt::format("SUM({}E{}:E{})", sh.daily.ref(), e.first_row[k], e.last_row[k]),
                cell_number(line.mw_days_before), f.mw);
    att.formula(m + "25", fmt::format("ROUND($B$8*{}18*{}24,2)", p, m), cell_number(line.eo_before), f.money);
    att.formula(m + "26", fmt::format("{}H{}", sh.np.ref(), 5 + k), cell_number(line.adjustment), f.money);
    att.formula(m + "27", fmt::format("{}25+{}26", m, m), cell_number(line.eo), f.money);
    before_total += line.eo_before;
    after_total += line.eo;
    mw_days += line.mw_days_before;
    att.width(p + ":" + p, std::max(10.0, shown_chars(line.acp.value().str(), 2) + 2));
    att.width(m + ":" + m, std::max({12.0, shown_chars(line.cleared_mw.value().str(), 1) + 2,
                                     shown_chars(line.mw_days_before.str(), 1) + 2, shown_chars(line.eo_before.str(), 2) + 2,
                                     shown_chars(line.adjustment.str(), 2) + 2, shown_chars(line.eo.str(), 2) + 2}));
  }
  worksheet_write_blank(att.ws(), 22, 13, f.text);  // N23: MW of different seasons do not add up
  att.formula("N24", "SUM(I24:L24)", cell_number(mw_days), f.mw);
  att.formula("N25", "SUM(I25:L25)", cell_number(before_total), f.money);
  att.formula("N26", "SUM(I26:L26)", cell_number(after_total - before_total), f.money);
  att.formula("N27", "SUM(I27:L27)", cell_number(after_total), f.money);
  const Money year = eo.cap_usd && *eo.cap_usd < after_total ? *eo.cap_usd : after_total;
  att.formula("S23", "IF(ISNUMBER($B$9),MIN(N27,$B$9),N27)", cell_number(year), f.money_bold);
  att.width("N:N", std::max({13.0, shown_chars(mw_days.str(), 1) + 2, shown_chars(before_total.str(), 2) + 2,
                             shown_chars((after_total - before_total).str(), 2) + 2,
                             shown_chars(after_total.str(), 2) + 2}));
  att.width("S:S", std::max(12.0, shown_chars(year.str(), 2) + 3));  // bold
  worksheet_freeze_panes(att.ws(), 1, 0);  // the title stays in view
  page_setup(att, info, Orientation::landscape, "A1:S27", true, -1);
}

// Non-performance adjustment by season.
void write_nonperformance(const Formats& f, const RunInfo& info, EntrySheets& sh, const EntryData& e) {
  Sheet& np = sh.np;
  const EoConfig& eo = *e.config;
  np.width("A:A", 12);
  np.width("B:I", 17);
  np.text("A1", "Non-performance adjustment by season (rules.md 5)", f.title);
  np.text("A2", eo.nonperformance == NonPerformance::max_hourly
                    ? "NonPerfMW(s): the largest hourly sum of the utility's resources' shortfall MW over the charged "
                      "settlement hours of the season (input, from the hourly lines)."
                    : "eo.nonperformance: none, so NonPerfMW(s) is 0.",
          f.note);
  const std::array<const char*, 9> nh{"Season", "ACP $/MW-day", "Cleared MW", "Non-performance MW",
                                      "MW-days before", "MW-days after", "EO before $", "Adjustment $", "EO after $"};
  for (std::size_t c = 0; c < nh.size(); ++c) np.text(std::string(1, static_cast<char>('A' + c)) + "4", nh[c], f.header);
  worksheet_set_row(np.ws(), 3, 30, nullptr);  // two lines of heading
  Money before_total;
  Money after_total;
  for (std::size_t k = 0; k < 4; ++k) {
    const EoLine& line = *e.line[k];
    const std::string r = std::to_string(5 + k);
    const std::string p(1, kPriceCol[k]);
    const std::string m(1, kMwCol[k]);
    const std::string att = sh.att.ref();
    np.text("A" + r, kSeasonLabel[k], f.label);
    np.formula("B" + r, att + p + "18", cell_number(line.acp.value()), f.price);
    np.formula("C" + r, att + m + "23", cell_number(line.cleared_mw.value()), f.mw);
    np.number("D" + r, cell_number(line.nonperformance_mw.value()), f.input_mw);
    np.formula("E" + r, att + m + "24", cell_number(line.mw_days_before), f.mw);
    np.formula("F" + r, fmt::format("SUM({}G{}:G{})", sh.daily.ref(), e.first_row[k], e.last_row[k]),
               cell_number(line.mw_days_after), f.mw);
    np.formula("G" + r, att + m + "25", cell_number(line.eo_before), f.money);
    np.formula("I" + r, fmt::format("ROUND({}$B$8*B{}*F{},2)", att, r, r), cell_number(line.eo), f.money);
    np.formula("H" + r, fmt::format("I{}-G{}", r, r), cell_number(line.adjustment), f.money);
    before_total += line.eo_before;
    after_total += line.eo;
  }
  np.text("A9", "Total", f.label);
  np.formula("G9", "SUM(G5:G8)", cell_number(before_total), f.money_bold);
  np.formula("H9", "SUM(H5:H8)", cell_number(after_total - before_total), f.money_bold);
  np.formula("I9", "SUM(I5:I8)", cell_number(after_total), f.money_bold);
  worksheet_freeze_panes(np.ws(), 4, 0);
  page_setup(np, info, Orientation::landscape, "A1:I9", true, -1);
}

void write_entry(lxw_workbook* wb, const Formats& f, const std::string& suffix, const RunInfo& info,
                 const Scenario& s, const Statement& st, EntryData& e) {
  // Sheet order in the book: Attachment C first; the daily sheet is filled first, as the
  // others' formulas name its rows.
  EntrySheets sh{Sheet(workbook_add_worksheet(wb, ("Attachment C" + suffix).c_str()), "Attachment C" + suffix),
                 Sheet(workbook_add_worksheet(wb, ("Non-performance" + suffix).c_str()), "Non-performance" + suffix),
                 Sheet(workbook_add_worksheet(wb, ("Daily MW" + suffix).c_str()), "Daily MW" + suffix)};
  write_daily(f, info, s, st, sh, e);
  write_attachment_c(f, info, s, sh, e);
  write_nonperformance(f, info, sh, e);
}

}  // namespace

void write_eo_workbook(const std::string& path, const RunInfo& info, const Scenario& s, const Statement& st) {
  // Gather each entry's lines (statement order: entries in scenario order, seasons in planning-year order).
  std::vector<EntryData> entries;
  std::size_t next = 0;
  for (const auto& eo : s.eo) {
    EntryData e;
    e.config = &eo;
    for (std::size_t n = 0; n < 4; ++n, ++next) {
      if (next >= st.eo.size() || st.eo[next].mp_id != eo.mp) throw std::logic_error("eo.xlsx: statement lacks EO lines of " + eo.mp);
      e.line[sheet_slot(st.eo[next].season)] = &st.eo[next];
    }
    entries.push_back(e);
  }
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = nullptr;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) throw std::runtime_error("eo.xlsx: cannot create " + path);
  // No creation time in the file's properties: the same run gives the same cells.
  lxw_doc_properties props{};
  char title[] = "drsim EO workpaper";
  char comments[] = "Written by drsim; inputs yellow, results as formulas.";
  props.title = title;
  props.comments = comments;
  workbook_set_properties(wb, &props);
  const Formats f = make_formats(wb);
  try {
    for (std::size_t i = 0; i < entries.size(); ++i) {
      write_entry(wb, f, i == 0 ? "" : " " + std::to_string(i + 1), info, s, st, entries[i]);
    }
  } catch (...) {
    workbook_close(wb);
    throw;
  }
  check(workbook_close(wb), "closing " + path);
}

}  // namespace drsim::reports
