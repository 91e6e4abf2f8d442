// Checks across sections once everything is read: ids, LSEs of emergencies, instruction and availability
// overlaps, meter rows.
// Prices are checked by settlement, for the hours that carry a charge (rules.md 4.7).
#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "scenarios/did_you_mean.hpp"
#include "scenarios/load_state.hpp"
#include "scenarios/meter_reader.hpp"

namespace drsim::scenarios {

namespace {

void check_references(LoadState& st) {
  for (const auto& ref : st.references) {
    if (st.defined(ref.kind, ref.id)) continue;
    std::vector<std::string> known;
    for (const auto& [id, line] : st.ids[ref.kind]) known.push_back(id);
    auto guess = closest(ref.id, known);
    st.reader.error(ref.mark, ref.path,
                    fmt::format("no {} '{}' is defined{}", name(ref.kind), ref.id,
                                guess ? fmt::format(" (did you mean '{}'?)", *guess) : std::string()));
  }
}

void check_emergency_lses(LoadState& st) {
  const Scenario& s = st.scenario;
  for (std::size_t i = 0; i < s.emergencies.size(); ++i) {
    const Emergency& e = s.emergencies[i];
    const bool any = std::any_of(s.lses.begin(), s.lses.end(), [&](const Lse& l) {
      return std::find(e.lbas.begin(), e.lbas.end(), l.lba) != e.lbas.end();
    });
    if (!any) {
      std::string lbas;
      for (const auto& l : e.lbas) lbas += (lbas.empty() ? "" : ", ") + l;
      st.reader.error(s.marks.emergencies[i], st.emergency_paths[i] + ".lbas",
                      fmt::format("no lse is in the emergency's lbas ({}), so its penalties cannot be allocated", lbas));
    }
  }
}

void check_instruction_overlaps(LoadState& st) {
  const auto& ins = st.scenario.instructions;
  const auto& marks = st.scenario.marks.instructions;
  std::vector<std::size_t> order(ins.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(ins[a].resource, ins[a].start, marks[a].line) <
           std::tie(ins[b].resource, ins[b].start, marks[b].line);
  });
  for (std::size_t k = 1; k < order.size(); ++k) {
    const Instruction& prev = ins[order[k - 1]];
    const Instruction& cur = ins[order[k]];
    if (prev.resource != cur.resource || cur.start >= prev.end) continue;
    st.reader.error(marks[order[k]], st.instruction_paths[order[k]],
                    fmt::format("window {} .. {} of resource '{}' overlaps instruction '{}' ({} .. {}, line {})",
                                cur.start.str(), cur.end.str(), cur.resource, prev.id, prev.start.str(),
                                prev.end.str(), marks[order[k - 1]].line));
  }
}

// Rules.md 3.4 (v1.2): two availability entries of one resource whose windows overlap are an
// input error, at the later entry (in the file) naming the earlier one's line. Entries are
// swept in order of start against the one reaching furthest so far, so an entry inside a long
// one is found even when another lies between them. The key is the entry's place among the
// entries read (the same as in the file when every entry was read).
void check_availability_overlaps(LoadState& st) {
  const auto& av = st.scenario.availability;
  const auto& marks = st.scenario.marks.availability;
  std::vector<std::size_t> order(av.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(av[a].resource, av[a].start, marks[a].line) <
           std::tie(av[b].resource, av[b].start, marks[b].line);
  });
  std::size_t reach = 0;  // the entry of the current resource that ends last so far
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Availability& cur = av[order[k]];
    if (k == 0 || av[reach].resource != cur.resource) {
      reach = order[k];
      continue;
    }
    const Availability& prev = av[reach];
    if (cur.start < prev.end && prev.start < cur.end) {
      const Mark& cur_mark = marks[order[k]];
      const Mark& prev_mark = marks[reach];
      const bool cur_later = std::tie(cur_mark.line, cur_mark.column) > std::tie(prev_mark.line, prev_mark.column);
      const std::size_t at = cur_later ? order[k] : reach;
      const Availability& later = av[at];
      const Availability& earlier = cur_later ? prev : cur;
      st.reader.error(marks[at], fmt::format("availability[{}]", at),
                      fmt::format("window {} .. {} of resource '{}' overlaps the availability entry at line {} "
                                  "({} .. {})",
                                  later.start.str(), later.end.str(), later.resource, (cur_later ? prev_mark : cur_mark).line,
                                  earlier.start.str(), earlier.end.str()));
    }
    if (cur.end > prev.end) reach = order[k];
  }
}

// Meter problems of one file, at most kMaxShown of them (a file of a million bad rows is not a million lines).
class MeterProblems {
 public:
  MeterProblems(LoadState& st, std::string file) : st_(st), file_(std::move(file)) {}
  void add(int line, const char* column, std::string message) {
    if (++count_ > kMaxShown) return;
    last_line_ = std::max(last_line_, line);
    st_.reader.problems().push_back(Problem{file_, line, 0, column, std::move(message)});
  }
  // After the last add: says how many were left out, on the last shown line so it sorts after them.
  void finish() {
    if (count_ <= kMaxShown) return;
    st_.reader.problems().push_back(
        Problem{file_, last_line_, 0, "", fmt::format("{} more meter problems not shown", count_ - kMaxShown)});
  }

 private:
  static constexpr std::size_t kMaxShown = 200;
  LoadState& st_;
  std::string file_;
  std::size_t count_ = 0;
  int last_line_ = 0;
};

// One meter interval of a resource whose rows came out of order, kept compact for sorting.
struct MeterSpan {
  std::int64_t start, end;  // seconds of market time
  std::uint32_t resource;
  int line;
};
static_assert(sizeof(MeterSpan) == 24);

// Which of the `unsorted` resources (by index) really hold two intervals that overlap. Meter
// intervals are aligned to their own length (5, 15 or 60 minutes), so each covers whole 5-minute
// slots of one day: a bit per slot, 36 bytes per resource and day, never the rows.
std::vector<bool> overlapping_resources(LoadState& st, const std::unordered_map<std::string, std::uint32_t>& unsorted) {
  using DaySlots = std::array<std::uint64_t, 5>;  // 288 five-minute slots
  std::vector<std::unordered_map<std::int64_t, DaySlots>> slots(unsorted.size());
  std::vector<bool> overlap(unsorted.size(), false);
  try {
    for_each_meter_row(st.scenario.meter, [&](const MeterRow& row) {
      const auto it = unsorted.find(row.resource);
      if (it == unsorted.end() || overlap[it->second]) return;
      const std::int64_t first = row.start.seconds() / 300;  // aligned: no remainder
      const std::int64_t day = first >= 0 ? first / 288 : (first - 287) / 288;
      DaySlots& bits = slots[it->second][day];
      for (std::int64_t k = first - day * 288; k < first - day * 288 + row.minutes / 5; ++k) {
        const std::uint64_t mask = std::uint64_t{1} << (k % 64);
        auto& word = bits[static_cast<std::size_t>(k / 64)];
        if ((word & mask) != 0) overlap[it->second] = true;
        word |= mask;
      }
    });
  } catch (const InputError&) {
    // The same row problems were collected by the first pass.
  }
  return overlap;
}

// Names every overlap of the resources in `unsorted` (by index) whose intervals overlap: their rows
// sorted by start, each overlap with both lines. Out-of-order rows that do not overlap cost only the
// slot bits of overlapping_resources(), so a shuffled file stays in bounded memory.
void check_unsorted_meter(LoadState& st, const std::unordered_map<std::string, std::uint32_t>& unsorted,
                          const std::unordered_map<std::string, std::uint64_t>& rows_of, MeterProblems& problems) {
  const std::vector<bool> overlap = overlapping_resources(st, unsorted);
  std::uint64_t rows = 0;
  for (const auto& [id, index] : unsorted) {
    if (overlap[index]) rows += rows_of.at(id);
  }
  if (rows == 0) return;
  std::vector<MeterSpan> spans;
  spans.reserve(rows);
  try {
    for_each_meter_row(st.scenario.meter, [&](const MeterRow& row) {
      const auto it = unsorted.find(row.resource);
      if (it == unsorted.end() || !overlap[it->second]) return;
      const std::int64_t a = row.start.seconds();
      spans.push_back({a, a + std::int64_t{row.minutes} * 60, it->second, row.line});
    });
  } catch (const InputError&) {
    // The same row problems were collected by the first pass.
  }
  std::sort(spans.begin(), spans.end(), [](const MeterSpan& x, const MeterSpan& y) {
    return std::tie(x.resource, x.start, x.line) < std::tie(y.resource, y.start, y.line);
  });
  // `open` is the latest-ending interval so far of the resource: the one a later start may fall inside.
  const MeterSpan* open = nullptr;
  for (const auto& cur : spans) {
    if (open != nullptr && open->resource == cur.resource && cur.start < open->end) {
      const bool repeat = cur.start == open->start && cur.end == open->end;
      problems.add(cur.line, "interval_start",
                   fmt::format("{} {} the interval {} .. {} at line {}", MarketTime::from_seconds(cur.start).str(),
                               repeat ? "repeats" : "overlaps", MarketTime::from_seconds(open->start).str(),
                               MarketTime::from_seconds(open->end).str(), open->line));
    }
    if (open == nullptr || open->resource != cur.resource || cur.end > open->end) open = &cur;
  }
}

// Streams the meter rows: each names a defined resource, and no two intervals
// of one resource overlap (format.md, series files v1.2: rows in any order).
// Rows in time order are checked on the fly with one interval per resource in
// memory; a resource whose rows come out of order (or overlap) is remembered,
// and its rows pass again through a slot bitmap; only a resource that really
// has an overlap has its rows collected and sorted, to name both lines.
void check_meter(LoadState& st) {
  Scenario& s = st.scenario;
  if (!s.meter.present) return;
  if (st.meter_csv_in_run && !s.meter.csv_path.empty() && st.reader.problems().empty()) return;
  MeterProblems problems(st, s.meter.csv_path.empty() ? s.path : s.meter.csv_path);
  struct Seen {
    MarketTime end;  // end of the resource's latest interval so far
    std::uint64_t rows = 0;
  };
  std::unordered_map<std::string, Seen> seen;
  std::unordered_map<std::string, std::uint32_t> unsorted;
  std::set<std::string> unknown;
  try {
    for_each_meter_row(s.meter, [&](const MeterRow& row) {
      ++s.meter.row_count;
      auto it = seen.find(row.resource);
      if (it == seen.end()) {
        if (!st.defined(IdKind::resource, row.resource)) {
          if (unknown.insert(row.resource).second) {
            problems.add(row.line, "resource", fmt::format("no resource '{}' is defined", row.resource));
          }
          return;
        }
        it = seen.emplace(row.resource, Seen{row.start, 0}).first;
      }
      Seen& r = it->second;
      if (row.start < r.end) unsorted.emplace(row.resource, static_cast<std::uint32_t>(unsorted.size()));
      r.end = std::max(r.end, row.start + Duration::minutes(row.minutes));
      ++r.rows;
    });
  } catch (const InputError& e) {
    auto& p = st.reader.problems();
    p.insert(p.end(), e.problems().begin(), e.problems().end());
  }
  if (!unsorted.empty()) {
    std::unordered_map<std::string, std::uint64_t> rows_of;
    for (const auto& [id, index] : unsorted) rows_of.emplace(id, seen[id].rows);
    check_unsorted_meter(st, unsorted, rows_of, problems);
  }
  problems.finish();
}

}  // namespace

void check_scenario(LoadState& st) {
  check_references(st);
  check_emergency_lses(st);
  check_instruction_overlaps(st);
  check_availability_overlaps(st);
  check_meter(st);
}

}  // namespace drsim::scenarios
