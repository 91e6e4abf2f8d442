// LMP importers: MISO hub reports (Hour Ending rows) and EIA-compiled MISO hub LMPs.
#include "scenarios/importers/lmp_import.hpp"

#include <set>
#include <variant>

#include "scenarios/importers/source_time.hpp"

namespace drsim::importers {

namespace {

// "A, B, C": the names a user could have meant, for a hint.
std::string listed(const std::set<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}

}  // namespace

std::vector<SeriesRow> import_miso_hub_he(SourceCsv& in, std::string_view node, const std::string& cpnode,
                                          const DateFilter& filter) {
  std::vector<Problem> problems;
  std::vector<SeriesRow> rows;
  const auto header = in.next();
  if (!header || header->size() != 28 || (*header)[0] != "date" || (*header)[1] != "node" ||
      (*header)[4] != "he01" || (*header)[27] != "he24")
    throw InputError(in.problem("header", "expected date,node,type,value,he01..he24"));
  bool found = false;
  std::set<std::string> nodes;  // the LMP nodes of the file, named when `node` is not among them
  while (auto f = in.next()) {
    if (f->size() == 1 && (*f)[0].empty()) continue;
    if (f->size() != 28) {
      problems.push_back(in.problem("row", "expected 28 fields, got " + std::to_string(f->size())));
      continue;
    }
    if ((*f)[3] == "LMP") nodes.insert((*f)[1]);
    if ((*f)[1] != node || (*f)[3] != "LMP") continue;
    const auto day = parse_date((*f)[0]);
    if (!std::holds_alternative<Date>(day)) {
      problems.push_back(in.problem("date", "bad date '" + (*f)[0] + "'"));
      continue;
    }
    found = true;
    for (int he = 1; he <= 24; ++he) {
      const std::string& cell = (*f)[static_cast<std::size_t>(3 + he)];
      if (cell.empty()) continue;
      const MarketTime hour = hour_start_from_he(std::get<Date>(day), he);
      if (!filter.admits(hour)) continue;
      if (auto v = in.number(cell, "he" + std::string(he < 10 ? "0" : "") + std::to_string(he), problems))
        rows.push_back({cpnode, hour, *v});
    }
  }
  if (!found) {
    problems.push_back(in.problem("node", "no LMP rows for node '" + std::string(node) + "' (the file's LMP nodes: " +
                                              listed(nodes) + ")"));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return rows;
}

std::vector<SeriesRow> import_eia_hub_lmp(SourceCsv& in, std::string_view hub_column, const std::string& cpnode,
                                          const DateFilter& filter) {
  std::vector<Problem> problems;
  std::vector<SeriesRow> rows;
  for (int title = 0; title < 3; ++title)
    if (!in.next()) throw InputError(in.problem("header", "file ends inside the title lines"));
  const auto header = in.next();
  if (!header) throw InputError(in.problem("header", "missing header line"));
  const auto utc_col = column_of(*header, "UTC Timestamp (Interval Ending)");
  const auto begin_col = column_of(*header, "Local Timestamp Eastern Standard Time (Interval Beginning)");
  const auto date_col = column_of(*header, "Local Date");
  const auto he_col = column_of(*header, "Hour Number");
  const auto value_col = column_of(*header, hub_column);
  if (!utc_col || !begin_col || !date_col || !he_col)
    throw InputError(in.problem("header", "missing a timestamp column (not an EIA hub LMP file?)"));
  if (!value_col) {
    std::set<std::string> hubs;
    for (const auto& c : *header) {
      if (c.size() > 4 && c.compare(c.size() - 4, 4, " LMP") == 0) hubs.insert(c);
    }
    throw InputError(in.problem("header", "no column '" + std::string(hub_column) + "' (the file's LMP columns: " +
                                              listed(hubs) + ")"));
  }
  while (auto f = in.next()) {
    if (f->size() != header->size()) {
      problems.push_back(in.problem("row", "expected " + std::to_string(header->size()) + " fields"));
      continue;
    }
    const auto begin = parse_civil_time((*f)[*begin_col]);
    const auto utc_end = parse_civil_time((*f)[*utc_col]);
    const auto day = parse_date((*f)[*date_col]);
    const auto he = Decimal::parse((*f)[*he_col]);
    if (!begin || !utc_end || !std::holds_alternative<Date>(day) || !he) {
      problems.push_back(in.problem("timestamp", "unreadable timestamp, date or hour number"));
      continue;
    }
    // The three stamps must name the same hour, or the file's convention is not what we assume.
    const int he_int = static_cast<int>(he->micros() / Decimal::kScale);
    if (he_int < 1 || he_int > 24 || hour_start_from_he(std::get<Date>(day), he_int) != *begin ||
        est_hour_start_from_utc_hour_ending(*utc_end) != *begin) {
      problems.push_back(in.problem("timestamp", "UTC end, local begin and hour number disagree"));
      continue;
    }
    if (!filter.admits(*begin)) continue;
    if ((*f)[*value_col].empty()) continue;
    if (auto v = in.number((*f)[*value_col], std::string(hub_column), problems)) rows.push_back({cpnode, *begin, *v});
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return rows;
}

}  // namespace drsim::importers
