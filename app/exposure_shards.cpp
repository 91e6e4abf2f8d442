// Shard folders: parse their run facts and trial rows, check they make one study, join them.
#include "app/exposure_shards.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include <fmt/format.h>

#include "scenarios/csv_reader.hpp"
#include "settlement/problem.hpp"

namespace drsim::app {

namespace {

bool parse_u64(std::string_view text, std::uint64_t& out) {
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && p == text.data() + text.size() && !text.empty();
}

void read_run(const std::string& path, ExposureShard& shard, std::uint64_t& resources, std::vector<Problem>& problems) {
  scenarios::CsvReader csv(path, {"key", "value"}, problems);
  std::map<std::string, std::string> kv;
  while (csv.next()) {
    const std::string key(csv.field(0));
    if (!kv.emplace(key, csv.field(1)).second) problems.push_back(csv.problem(0, fmt::format("key '{}' is repeated", key)));
  }
  if (!csv.ok()) return;
  auto number = [&](const char* key, std::uint64_t& out) {
    if (!parse_u64(kv[key], out)) problems.push_back({path, 0, 0, key, fmt::format("expected a whole number, got '{}'", kv[key])});
  };
  if (kv["format"] != reports::kRunFormat) {
    problems.push_back({path, 0, 0, "format",
                        kv["format"] == "1" ? std::string("format 1 was written by an older drsim: run the shard again")
                                            : fmt::format("unknown format '{}'", kv["format"])});
    return;
  }
  shard.info.scenario_name = kv["scenario_name"];
  shard.info.scenario_sha256 = kv["scenario_sha256"];
  number("seed", shard.info.seed);
  number("trials", shard.info.trials);
  number("first_trial", shard.info.first);
  number("end_trial", shard.info.end);
  number("resources", resources);
  shard.info.partial = kv["partial"] != "false";
}

// exposure_resources.csv: the resource ids in scenario order (the index column numbers them 0..n-1).
void read_resources(const std::string& path, std::uint64_t expected, ExposureShard& shard, std::vector<Problem>& problems) {
  scenarios::CsvReader csv(path, {"resource_id", "index"}, problems);
  while (csv.next()) {
    std::uint64_t index = 0;
    if (!parse_u64(csv.field(1), index) || index != shard.info.resources.size()) {
      problems.push_back(csv.problem(1, fmt::format("expected index {}, got '{}'", shard.info.resources.size(), csv.field(1))));
      continue;
    }
    shard.info.resources.emplace_back(csv.field(0));
  }
  if (csv.ok() && shard.info.resources.size() != expected) {
    problems.push_back({path, 0, 0, "", fmt::format("{} resources, exposure_run.csv says {}", shard.info.resources.size(), expected)});
  }
}

void read_trials(const std::string& path, ExposureShard& shard, std::vector<Problem>& problems) {
  scenarios::CsvReader csv(path,
                           {"trial", "penalty_usd", "energy_charge_usd", "rsg_charge_usd", "capacity_usd", "eo_before_usd",
                            "eo_usd", "eo_loss_usd", "disqualified_count", "emergencies", "instructions",
                            "disqualified_resources"},
                           problems);
  std::map<std::string, std::uint32_t> index;
  for (std::size_t i = 0; i < shard.info.resources.size(); ++i) index.emplace(shard.info.resources[i], static_cast<std::uint32_t>(i));
  while (csv.next()) {
    sim::TrialResult r;
    bool ok = parse_u64(csv.field(0), r.trial);
    Money* money[] = {&r.penalty, &r.energy_charge, &r.rsg_charge, &r.capacity, &r.eo_before, &r.eo, &r.eo_loss};
    for (std::size_t c = 0; c < 7; ++c) {
      auto m = Money::parse(csv.field(c + 1));
      if (m) *money[c] = *m;
      ok = ok && m.has_value();
    }
    std::uint64_t count = 0, emergencies = 0, instructions = 0;
    ok = ok && parse_u64(csv.field(8), count) && parse_u64(csv.field(9), emergencies) && parse_u64(csv.field(10), instructions);
    r.emergencies = static_cast<int>(emergencies);
    r.instructions = static_cast<int>(instructions);
    std::string_view ids = csv.field(11);
    while (ok && !ids.empty()) {
      const auto cut = ids.find(';');
      const std::string id(ids.substr(0, cut));
      auto it = index.find(id);
      if (it == index.end()) ok = false;
      else r.disqualified.push_back(it->second);
      ids = cut == std::string_view::npos ? std::string_view{} : ids.substr(cut + 1);
    }
    if (!ok || r.disqualified.size() != count) {
      problems.push_back(csv.problem(0, "not a row written by drsim exposure"));
      continue;
    }
    shard.results.push_back(std::move(r));
  }
}

}  // namespace

ExposureShard read_exposure_shard(const std::string& dir) {
  ExposureShard shard;
  shard.dir = dir;
  std::vector<Problem> problems;
  std::uint64_t resources = 0;
  read_run(dir + "/exposure_run.csv", shard, resources, problems);
  if (problems.empty()) read_resources(dir + "/exposure_resources.csv", resources, shard, problems);
  if (problems.empty()) read_trials(dir + "/exposure.csv", shard, problems);
  if (!problems.empty()) throw InputError(std::move(problems));
  return shard;
}

ExposureShard merge_exposure_shards(std::vector<ExposureShard> shards) {
  std::vector<Problem> problems;
  auto problem = [&](const ExposureShard& s, std::string message) {
    problems.push_back({s.dir, 0, 0, "", std::move(message)});
  };
  if (shards.empty()) throw InputError(Problem{"", 0, 0, "", "no shard folders given"});
  const auto& ref = shards.front().info;
  for (const auto& s : shards) {
    const auto& i = s.info;
    if (i.partial) problem(s, "the shard is partial (it was interrupted): run it again");
    if (i.scenario_sha256 != ref.scenario_sha256) {
      problem(s, fmt::format("scenario sha256 {} differs from {} in {}", i.scenario_sha256, ref.scenario_sha256, shards.front().dir));
    }
    if (i.seed != ref.seed) problem(s, fmt::format("seed {} differs from {} in {}", i.seed, ref.seed, shards.front().dir));
    if (i.trials != ref.trials) problem(s, fmt::format("trials {} differs from {} in {}", i.trials, ref.trials, shards.front().dir));
    if (i.resources != ref.resources) problem(s, fmt::format("its resources differ from those of {}", shards.front().dir));
    bool rows_ok = s.results.size() == i.end - i.first && i.first <= i.end;
    for (std::size_t k = 0; rows_ok && k < s.results.size(); ++k) rows_ok = s.results[k].trial == i.first + k;
    if (!rows_ok) problem(s, fmt::format("exposure.csv does not hold exactly trials {}..{}", i.first, i.end));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  std::stable_sort(shards.begin(), shards.end(), [](const ExposureShard& a, const ExposureShard& b) {
    return std::tie(a.info.first, a.info.end) < std::tie(b.info.first, b.info.end);
  });
  std::uint64_t next = 0;
  for (const auto& s : shards) {
    if (s.info.first < next) {
      problem(s, fmt::format("trials {}..{} overlap trials already covered (up to {})", s.info.first, s.info.end, next));
    } else if (s.info.first > next) {
      problem(s, fmt::format("trials {}..{} are in no shard", next, s.info.first));
    }
    next = std::max(next, s.info.end);
  }
  if (next != ref.trials) problems.push_back({"", 0, 0, "", fmt::format("trials {}..{} are in no shard", next, ref.trials)});
  if (!problems.empty()) throw InputError(std::move(problems));
  ExposureShard merged;
  merged.info = ref;
  merged.info.first = 0;
  merged.info.end = ref.trials;
  merged.info.partial = false;
  for (auto& s : shards) {
    for (auto& r : s.results) merged.results.push_back(std::move(r));
  }
  return merged;
}

}  // namespace drsim::app
