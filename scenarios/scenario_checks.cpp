// Checks across sections once everything is read: ids, LSEs of emergencies, instruction overlaps, meter rows.
// Prices are checked by settlement, for the hours that carry a charge (rules.md 4.7).
#include <algorithm>
#include <set>
#include <unordered_map>

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
      st.reader.error(e.mark, st.emergency_paths[i] + ".lbas",
                      fmt::format("no lse is in the emergency's lbas ({}), so its penalties cannot be allocated", lbas));
    }
  }
}

void check_instruction_overlaps(LoadState& st) {
  const auto& ins = st.scenario.instructions;
  std::vector<std::size_t> order(ins.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(ins[a].resource, ins[a].start, ins[a].mark.line) <
           std::tie(ins[b].resource, ins[b].start, ins[b].mark.line);
  });
  for (std::size_t k = 1; k < order.size(); ++k) {
    const Instruction& prev = ins[order[k - 1]];
    const Instruction& cur = ins[order[k]];
    if (prev.resource != cur.resource || cur.start >= prev.end) continue;
    st.reader.error(cur.mark, st.instruction_paths[order[k]],
                    fmt::format("window {} .. {} of resource '{}' overlaps instruction '{}' ({} .. {}, line {})",
                                cur.start.str(), cur.end.str(), cur.resource, prev.id, prev.start.str(),
                                prev.end.str(), prev.mark.line));
  }
}

// Streams the meter rows once: each names a defined resource, and one
// resource's rows are in time order without overlap.
void check_meter(LoadState& st) {
  Scenario& s = st.scenario;
  if (!s.meter.present) return;
  const std::string file = s.meter.csv_path.empty() ? s.path : s.meter.csv_path;
  struct Last {
    MarketTime start, end;
    int line = 0;
  };
  std::unordered_map<std::string, Last> last;
  std::set<std::string> unknown;
  constexpr std::size_t kMaxProblems = 200;
  std::size_t reported = 0;
  auto report = [&](const MeterRow& row, const char* column, std::string message) {
    if (++reported > kMaxProblems) return;
    st.reader.problems().push_back(Problem{file, row.line, 0, column, std::move(message)});
  };
  try {
    for_each_meter_row(s.meter, [&](const MeterRow& row) {
      ++s.meter.row_count;
      auto it = last.find(row.resource);
      if (it == last.end()) {
        if (!st.defined(IdKind::resource, row.resource)) {
          if (unknown.insert(row.resource).second) {
            report(row, "resource", fmt::format("no resource '{}' is defined", row.resource));
          }
          return;
        }
        it = last.emplace(row.resource, Last{}).first;
        it->second.line = 0;
      }
      Last& l = it->second;
      if (l.line != 0 && row.start < l.end) {
        report(row, "interval_start",
               fmt::format("{} overlaps or repeats the interval {} .. {} at line {} (rows of one resource must "
                           "be in time order)", row.start.str(), l.start.str(), l.end.str(), l.line));
        return;
      }
      l = Last{row.start, row.start + Duration::minutes(row.minutes), row.line};
    });
  } catch (const InputError& e) {
    auto& p = st.reader.problems();
    p.insert(p.end(), e.problems().begin(), e.problems().end());
  }
  if (reported > kMaxProblems) {
    st.reader.problems().push_back(
        Problem{file, 0, 0, "", fmt::format("{} more meter problems not shown", reported - kMaxProblems)});
  }
}

}  // namespace

void check_scenario(LoadState& st) {
  check_references(st);
  check_emergency_lses(st);
  check_instruction_overlaps(st);
  check_meter(st);
}

}  // namespace drsim::scenarios
