// The scenario loader: reads the file, runs the section readers and the cross checks, throws every problem at once.
#include "scenarios/scenario_loader.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>

#include "scenarios/did_you_mean.hpp"
#include "scenarios/exposure_reader.hpp"
#include "scenarios/load_state.hpp"
#include "scenarios/sha256.hpp"
#include "scenarios/text_checks.hpp"

namespace drsim {

namespace {

using scenarios::Field;
using scenarios::LoadState;
using scenarios::MapFields;
using scenarios::Need;
using scenarios::YamlReader;

// Largest scenario file read (bulk data belongs in the series CSVs, which are streamed).
constexpr std::uintmax_t kMaxScenarioBytes = 64 * 1024 * 1024;

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path)) {
    throw InputError(Problem{path, 0, 0, "", fmt::format("cannot open the file: {}",
                                                         in ? "it is a directory" : std::strerror(errno))});
  }
  // /dev/zero, a FIFO or a terminal would be read forever: only regular files, of bounded size.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw InputError(Problem{path, 0, 0, "", "cannot read the file: it is not a regular file"});
  }
  if (std::filesystem::file_size(path, ec) > kMaxScenarioBytes) {
    throw InputError(Problem{path, 0, 0, "", fmt::format("the file is larger than {} MiB; put bulk data in series "
                                                         "CSV files", kMaxScenarioBytes / (1024 * 1024))});
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void read_rules(LoadState& st, MapFields& top) {
  auto f = top.get("rules");
  if (!f || f->node.IsNull()) return;
  if (!f->node.IsMap()) {
    st.reader.error(*f, fmt::format("expected a map of rule keys, got {}", YamlReader::describe(f->node)));
    return;
  }
  std::vector<std::pair<std::string, std::string>> set;
  scenarios::read_rule_values(st, *f, st.scenario.rules, set);
  for (auto& [key, value] : set) st.scenario.rules_overridden.push_back(key);
}

void read_header(LoadState& st, MapFields& top) {
  if (auto v = top.integer("drsim")) {
    if (*v != 1) st.reader.error(*top.get("drsim"), fmt::format("format version {} is not supported (expected 1)", *v));
    st.scenario.format = static_cast<int>(*v);
  }
  if (auto v = top.text("name")) st.scenario.name = *v;
  if (auto v = top.integer("planning_year")) {
    if (*v < 1900 || *v > 9998) {
      st.reader.error(*top.get("planning_year"), fmt::format("planning year {} is outside 1900..9998", *v));
    } else {
      st.scenario.planning_year = static_cast<int>(*v);
    }
  }
}

// Problems of the scenario file first, then of each series file, each in line order.
void sort_problems(std::vector<Problem>& problems, const std::string& scenario_path) {
  std::map<std::string, std::size_t> rank{{scenario_path, 0}};
  for (const auto& p : problems) rank.emplace(p.file, rank.size());
  std::stable_sort(problems.begin(), problems.end(), [&](const Problem& a, const Problem& b) {
    return std::make_tuple(rank[a.file], a.line, a.column) < std::make_tuple(rank[b.file], b.line, b.column);
  });
}

}  // namespace

Scenario load_scenario(const std::string& path, MeterCheck meter) {
  Scenario s;
  s.path = path;
  const std::string bytes = read_bytes(path);
  s.sha256 = scenarios::sha256_hex(bytes);
  if (auto bad = scenarios::first_invalid_utf8(bytes)) {
    throw InputError(Problem{path, bad->at.line, bad->at.column, "",
                             fmt::format("the file is not valid UTF-8 (byte 0x{:02x})", bad->byte)});
  }
  scenarios::yaml::Document doc;  // the compact tree of yaml-cpp's events (scenarios/yaml_tree.hpp)
  try {
    doc = scenarios::yaml::load(bytes);
  } catch (const YAML::DeepRecursion& e) {
    throw InputError(Problem{path, e.mark.line + 1, e.mark.column + 1, "", "yaml: the document nests too deeply"});
  } catch (const YAML::Exception& e) {
    const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
    // yaml-cpp's messages for tab indentation ("illegal block entry", ...) do not say "tab".
    if (auto tab = scenarios::first_tab_indent(bytes, line == 0 ? INT_MAX : line)) {
      throw InputError(Problem{path, tab->line, tab->column, "",
                               fmt::format("a tab in the indentation (YAML indents with spaces only); yaml: {}", e.msg)});
    }
    throw InputError(Problem{path, line, e.mark.is_null() ? 0 : e.mark.column + 1, "", fmt::format("yaml: {}", e.msg)});
  }
  const scenarios::yaml::Node root = doc.root();
  if (!root.IsDefined() || root.IsNull()) throw InputError(Problem{path, 0, 0, "", "the file is empty"});
  LoadState st(s);
  st.base_dir = std::filesystem::path(path).parent_path().string();
  st.meter_csv_in_run = meter == MeterCheck::in_run;
  if (!st.reader.check_size(root)) throw InputError(st.reader.problems());
  MapFields top(st.reader, Field{root, YamlReader::mark_of(root), ""});
  if (!top.ok()) throw InputError(st.reader.problems());

  read_header(st, top);
  read_rules(st, top);
  for (const char* key : {"zones", "participants", "lbas", "resources"}) top.get(key, Need::required);
  scenarios::read_market(st, top);
  scenarios::read_events(st, top);
  scenarios::read_series_section(st, top);
  scenarios::read_eo_and_expect(st, top);
  scenarios::read_exposure(st, top);  // Monte Carlo inputs of `drsim exposure` (docs/exposure.md)
  top.finish();
  scenarios::load_hourly_series(st);
  scenarios::check_scenario(st);

  if (!st.reader.problems().empty()) {
    auto problems = std::move(st.reader.problems());
    sort_problems(problems, path);
    throw InputError(std::move(problems));
  }
  sort_problems(s.warnings, path);  // warnings in line order too (the section readers run in their own order)
  return s;
}

}  // namespace drsim
