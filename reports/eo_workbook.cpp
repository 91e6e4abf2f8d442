// The EO workpaper (eo.xlsx) written with libxlsxwriter: inputs as values, every result as a live formula.
#include "reports/eo_workbook.hpp"

#include <xlsxwriter.h>

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

std::size_t sheet_slot(Season s) {
  for (std::size_t i = 0; i < kSheetOrder.size(); ++i) {
    if (kSheetOrder[i] == s) return i;
  }
  return 0;
}

void check(lxw_error e, const std::string& what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error("eo.xlsx: " + what + ": " + lxw_strerror(e));
}

struct Formats {
  lxw_format* title;
  lxw_format* bold;
  lxw_format* note;
  lxw_format* input_number;
  lxw_format* input_money;
  lxw_format* number;
  lxw_format* money;
  lxw_format* money_bold;
  lxw_format* date;
  lxw_format* header;
};

Formats make_formats(lxw_workbook* wb) {
  Formats f{};
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.bold = workbook_add_format(wb);
  format_set_bold(f.bold);
  f.note = workbook_add_format(wb);
  format_set_italic(f.note);
  format_set_font_color(f.note, 0x555555);
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDDE5F0);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_text_wrap(f.header);
  f.input_number = workbook_add_format(wb);  // inputs: yellow, as analysts mark them
  format_set_bg_color(f.input_number, 0xFFF2CC);
  format_set_border(f.input_number, LXW_BORDER_THIN);
  format_set_num_format(f.input_number, "#,##0.######");
  f.input_money = workbook_add_format(wb);
  format_set_bg_color(f.input_money, 0xFFF2CC);
  format_set_border(f.input_money, LXW_BORDER_THIN);
  format_set_num_format(f.input_money, "#,##0.00");
  f.number = workbook_add_format(wb);
  format_set_num_format(f.number, "#,##0.######");
  format_set_border(f.number, LXW_BORDER_THIN);
  f.money = workbook_add_format(wb);
  format_set_num_format(f.money, "#,##0.00");
  format_set_border(f.money, LXW_BORDER_THIN);
  f.money_bold = workbook_add_format(wb);
  format_set_num_format(f.money_bold, "#,##0.00");
  format_set_bold(f.money_bold);
  format_set_border(f.money_bold, LXW_BORDER_MEDIUM);
  format_set_bg_color(f.money_bold, 0xE2EFDA);
  f.date = workbook_add_format(wb);
  format_set_num_format(f.date, "yyyy-mm-dd");
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

void write_entry(lxw_workbook* wb, const Formats& f, const std::string& suffix, const RunInfo& info,
                 const Scenario& s, const Statement& st, EntryData& e) {
  Sheet att(workbook_add_worksheet(wb, ("Attachment C" + suffix).c_str()), "Attachment C" + suffix);
  Sheet np(workbook_add_worksheet(wb, ("Non-performance" + suffix).c_str()), "Non-performance" + suffix);
  Sheet daily(workbook_add_worksheet(wb, ("Daily MW" + suffix).c_str()), "Daily MW" + suffix);
  const EoConfig& eo = *e.config;
  const int py = s.planning_year;

  // ---- Daily MW: one row per market day, seasons in planning-year order (contiguous blocks).
  worksheet_set_column(daily.ws(), 0, 0, 12, nullptr);
  worksheet_set_column(daily.ws(), 1, 1, 9, nullptr);
  worksheet_set_column(daily.ws(), 2, 6, 16, nullptr);
  daily.text("A1", "ClearedMW(s, d) day by day (rules.md 5)", f.title);
  daily.text("A2", "MW without ACP: cleared MW of the utility's resources whose ACP disqualification is in effect "
                   "that day (input). Every other column is a formula.", f.note);
  const std::array<const char*, 7> dh{"Date", "Season", "PRA cleared MW", "MW without ACP (disqualified)",
                                      "ClearedMW(s,d)", "Non-performance MW", "max(ClearedMW - NonPerfMW, 0)"};
  for (std::size_t c = 0; c < dh.size(); ++c) daily.text(std::string(1, static_cast<char>('A' + c)) + "4", dh[c], f.header);
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
      daily.text("B" + r, kSeasonLabel[k]);
      daily.formula("C" + r, att.ref() + "$" + kMwCol[k] + "$23", cell_number(line.cleared_mw.value()), f.number);
      daily.number("D" + r, cell_number(dq.value()), f.input_number);
      daily.formula("E" + r, "C" + r + "-D" + r, cell_number(paid), f.number);
      daily.formula("F" + r, np.ref() + "$D$" + std::to_string(5 + k), cell_number(line.nonperformance_mw.value()),
                    f.number);
      daily.formula("G" + r, "MAX(E" + r + "-F" + r + ",0)", cell_number(kept), f.number);
    }
    e.last_row[k] = row - 1;
    if (before != line.mw_days_before || after != line.mw_days_after) {
      throw std::logic_error(fmt::format("eo.xlsx: day-by-day MW of {} {} give {} / {} MW-days, the statement {} / {}",
                                         eo.mp, name(season), before.str(), after.str(), line.mw_days_before.str(),
                                         line.mw_days_after.str()));
    }
  }
  worksheet_freeze_panes(daily.ws(), 4, 0);

  // ---- Attachment C.
  worksheet_set_column(att.ws(), 0, 0, 30, nullptr);
  worksheet_set_column(att.ws(), 1, 1, 22, nullptr);
  worksheet_set_column(att.ws(), 2, 2, 34, nullptr);
  worksheet_set_column(att.ws(), 3, 6, 13, nullptr);
  worksheet_set_column(att.ws(), 7, 7, 44, nullptr);
  worksheet_set_column(att.ws(), 8, 13, 15, nullptr);
  worksheet_set_column(att.ws(), 17, 17, 22, nullptr);
  worksheet_set_column(att.ws(), 18, 18, 18, nullptr);
  att.text("A1", "Earnings opportunity (EO) workpaper: Attachment C layout", f.title);
  att.text("A2", "Scenario");
  att.text("B2", info.scenario_name);
  att.text("A3", "Scenario SHA-256");
  att.text("B3", info.scenario_sha256);
  att.text("A4", "drsim version");
  att.text("B4", info.drsim_version);
  att.text("A5", "Utility (Market Participant)");
  att.text("B5", eo.mp);
  att.text("A6", "Zone (PRA prices)");
  att.text("B6", eo.zone);
  att.text("A7", "Planning year (June 1 to May 31)");
  att.number("B7", py, f.input_number);
  att.text("A8", "EO share");
  att.number("B8", cell_number(eo.share), f.input_number);
  att.text("A9", "EO cap ($, blank for none)");
  if (eo.cap_usd) {
    att.number("B9", cell_number(*eo.cap_usd), f.input_money);
  } else {
    worksheet_write_blank(att.ws(), 8, 1, f.input_money);
  }
  att.text("A10", "Non-performance measure");
  att.text("B10", eo.nonperformance == NonPerformance::max_hourly ? "max_hourly" : "none");
  att.text("A12", "Yellow cells are inputs; every other figure is a formula. Change an input and Excel recomputes "
                  "the EO in S23.", f.note);
  att.text("A13", "EO(s) = share x ACP(s) x sum over days of max(ClearedMW(s,d) - NonPerfMW(s), 0), rounded to the "
                  "cent per season (rules.md 5); day-by-day MW on the Daily MW sheet.", f.note);

  att.text("C17", "Season", f.header);
  att.text("C18", "PRA cleared price (ACP), $/MW-day", f.bold);
  att.text("C19", "Market days in season", f.bold);
  att.text("H22", "Season", f.header);
  att.text("H23", "PRA cleared MW", f.bold);
  att.text("H24", "MW-days paid (sum of ClearedMW(s,d))", f.bold);
  att.text("H25", "EO before non-performance ($)", f.bold);
  att.text("H26", "Non-performance adjustment ($)", f.bold);
  att.text("H27", "EO after adjustment ($)", f.bold);
  att.text("N22", "Total", f.header);
  att.text("R22", "", nullptr);
  att.text("S22", "EO of the year ($)", f.header);
  att.text("R23", "EO ($)", f.bold);
  // DATE differences count the market days, 29 February included.
  const std::array<std::string, 4> days_formula{
      "DATE($B$7+1,3,1)-DATE($B$7,12,1)", "DATE($B$7+1,6,1)-DATE($B$7+1,3,1)", "DATE($B$7,9,1)-DATE($B$7,6,1)",
      "DATE($B$7,12,1)-DATE($B$7,9,1)"};
  Money before_total;
  Money after_total;
  for (std::size_t k = 0; k < 4; ++k) {
    const EoLine& line = *e.line[k];
    const std::string p(1, kPriceCol[k]);
    const std::string m(1, kMwCol[k]);
    att.text(p + "17", kSeasonLabel[k], f.header);
    att.number(p + "18", cell_number(line.acp.value()), f.input_number);
    att.formula(p + "19", days_formula[k], season_days(py, kSheetOrder[k]), f.number);
    att.text(m + "22", kSeasonLabel[k], f.header);
    att.number(m + "23", cell_number(line.cleared_mw.value()), f.input_number);
    att.formula(m + "24",
                fmt::format("SUM({}E{}:E{})", daily.ref(), e.first_row[k], e.last_row[k]),
                cell_number(line.mw_days_before), f.number);
    att.formula(m + "25", fmt::format("ROUND($B$8*{}18*{}24,2)", p, m), cell_number(line.eo_before), f.money);
    att.formula(m + "26", fmt::format("{}H{}", np.ref(), 5 + k), cell_number(line.adjustment), f.money);
    att.formula(m + "27", fmt::format("{}25+{}26", m, m), cell_number(line.eo), f.money);
    before_total += line.eo_before;
    after_total += line.eo;
  }
  att.formula("N24", "SUM(I24:L24)", cell_number(e.line[0]->mw_days_before + e.line[1]->mw_days_before +
                                                 e.line[2]->mw_days_before + e.line[3]->mw_days_before), f.number);
  att.formula("N25", "SUM(I25:L25)", cell_number(before_total), f.money);
  att.formula("N26", "SUM(I26:L26)", cell_number(after_total - before_total), f.money);
  att.formula("N27", "SUM(I27:L27)", cell_number(after_total), f.money);
  const Money year = eo.cap_usd && *eo.cap_usd < after_total ? *eo.cap_usd : after_total;
  att.formula("S23", "IF(ISNUMBER($B$9),MIN(N27,$B$9),N27)", cell_number(year), f.money_bold);

  // ---- Non-performance adjustment by season.
  worksheet_set_column(np.ws(), 0, 0, 12, nullptr);
  worksheet_set_column(np.ws(), 1, 8, 17, nullptr);
  np.text("A1", "Non-performance adjustment by season (rules.md 5)", f.title);
  np.text("A2", eo.nonperformance == NonPerformance::max_hourly
                    ? "NonPerfMW(s): the largest hourly sum of the utility's resources' shortfall MW over the charged "
                      "settlement hours of the season (input, from the hourly lines)."
                    : "eo.nonperformance: none, so NonPerfMW(s) is 0.",
          f.note);
  const std::array<const char*, 9> nh{"Season", "ACP $/MW-day", "Cleared MW", "Non-performance MW",
                                      "MW-days before", "MW-days after", "EO before $", "Adjustment $", "EO after $"};
  for (std::size_t c = 0; c < nh.size(); ++c) np.text(std::string(1, static_cast<char>('A' + c)) + "4", nh[c], f.header);
  for (std::size_t k = 0; k < 4; ++k) {
    const EoLine& line = *e.line[k];
    const std::string r = std::to_string(5 + k);
    const std::string p(1, kPriceCol[k]);
    const std::string m(1, kMwCol[k]);
    np.text("A" + r, kSeasonLabel[k], f.bold);
    np.formula("B" + r, att.ref() + p + "18", cell_number(line.acp.value()), f.number);
    np.formula("C" + r, att.ref() + m + "23", cell_number(line.cleared_mw.value()), f.number);
    np.number("D" + r, cell_number(line.nonperformance_mw.value()), f.input_number);
    np.formula("E" + r, att.ref() + m + "24", cell_number(line.mw_days_before), f.number);
    np.formula("F" + r, fmt::format("SUM({}G{}:G{})", daily.ref(), e.first_row[k], e.last_row[k]),
               cell_number(line.mw_days_after), f.number);
    np.formula("G" + r, att.ref() + m + "25", cell_number(line.eo_before), f.money);
    np.formula("I" + r, fmt::format("ROUND({}$B$8*B{}*F{},2)", att.ref(), r, r), cell_number(line.eo), f.money);
    np.formula("H" + r, fmt::format("I{}-G{}", r, r), cell_number(line.adjustment), f.money);
  }
  np.text("A9", "Total", f.bold);
  np.formula("G9", "SUM(G5:G8)", cell_number(before_total), f.money_bold);
  np.formula("H9", "SUM(H5:H8)", cell_number(after_total - before_total), f.money_bold);
  np.formula("I9", "SUM(I5:I8)", cell_number(after_total), f.money_bold);
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
