// `drsim exposure SCENARIO --trials N --seed S [--threads T] [--shard K/N] --out DIR`: Monte Carlo EO exposure.
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "app/command_registry.hpp"
#include "app/exposure_ranks.hpp"
#include "app/exposure_interrupt.hpp"
#include "app/progress_bar.hpp"
#include "reports/exposure_outputs.hpp"
#include "reports/exposure_trial_dump.hpp"
#include "reports/output_folder.hpp"
#include "scenarios/scenario_loader.hpp"
#include "sim/exposure_statistics.hpp"
#include "settlement/problem.hpp"
#include "sim/exposure_runner.hpp"

namespace drsim::app {
namespace {

inline constexpr int kExitInterrupted = 130;  // 128 + SIGINT, the shell's convention

struct ExposureOptions {
  std::string scenario;
  std::uint64_t trials = 0;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  std::string shard;
  std::string out;
  std::optional<std::uint64_t> dump_trial;
  bool force = false;
  bool quiet = false;
};

// "K/N" with 1 <= K <= N: the K-th of N contiguous slices of [0, trials).
std::pair<std::uint64_t, std::uint64_t> slice_of(const std::string& shard, std::uint64_t trials) {
  unsigned long long k = 0, n = 0;
  char tail = 0;
  if (std::sscanf(shard.c_str(), "%llu/%llu%c", &k, &n, &tail) != 2 || k < 1 || k > n || n > 1'000'000) {
    throw InputError(Problem{"--shard", 0, 0, "", fmt::format("expected K/N with 1 <= K <= N <= 1000000, got '{}'", shard)});
  }
  const auto cut = [&](unsigned long long i) {
    return static_cast<std::uint64_t>(static_cast<int128>(trials) * static_cast<int128>(i) / static_cast<int128>(n));
  };
  return {cut(k - 1), cut(k)};
}

// Under mpirun: every rank runs this; a failure on any rank is agreed by all before the
// exit, so no rank waits for one that left. Rank 0 alone writes and prints; the others
// exit quietly with the run's status.
template <class F>
void on_every_rank(ExposureRanks& ranks, F&& step) {
  std::exception_ptr mine;
  std::optional<std::string> message;
  try {
    step();
  } catch (const std::exception& e) {
    mine = std::current_exception();
    message = e.what();
  }
  const auto agreed = ranks.agree(message);
  if (!agreed) return;
  if (!ranks.root()) exit_with(kExitInvalid);
  if (mine) std::rethrow_exception(mine);
  throw std::runtime_error(*agreed);
}

void run(const ExposureOptions& o) {
  ExposureRanks& ranks = ExposureRanks::world();
  std::optional<Scenario> loaded;
  std::optional<sim::ExposureRunner> built;
  on_every_rank(ranks, [&] {
    loaded.emplace(load_scenario(o.scenario));
    if (!loaded->exposure) {
      throw InputError(Problem{loaded->path, 0, 0, "exposure",
                               "the scenario has no exposure: section (docs/exposure.md; `exposure: {}` takes every default)"});
    }
    try {
      built.emplace(*loaded, *loaded->exposure);
    } catch (const InputError& e) {
      // Problems of the base year and of trials name entities by key: place them in the file, drawn ones at exposure:.
      throw located(*loaded, e, loaded->marks.exposure);
    }
  });
  const Scenario& file = *loaded;
  const sim::ExposureRunner& runner = *built;
  const auto placed = [&file](const InputError& e) { return located(file, e, file.marks.exposure); };

  if (o.dump_trial) {
    if (!ranks.root()) return;
    const sim::TrialScenario t = runner.trial_scenario(o.seed, *o.dump_trial);
    reports::OutputFolder folder(o.out, o.force);
    reports::write_scenario_files(folder.staging().string(), t.market, file.rules_overridden, t.meter_rows);
    folder.commit();
    if (!o.quiet) std::cout << fmt::format("trial {} (seed {}): {} emergencies, {} instructions -> {}/scenario.yaml\n",
                                           *o.dump_trial, o.seed, t.emergencies, t.market.instructions.size(), o.out);
    return;
  }
  if (o.trials == 0) throw InputError(Problem{"--trials", 0, 0, "", "give the number of trials (--trials N, N >= 1)"});
  const auto [first, end] = o.shard.empty() ? std::pair<std::uint64_t, std::uint64_t>{0, o.trials} : slice_of(o.shard, o.trials);
  const unsigned threads = o.threads ? o.threads : std::max(1U, std::thread::hardware_concurrency());

  std::optional<reports::OutputFolder> folder;  // rank 0's; refuses a non-empty folder before any work
  on_every_rank(ranks, [&] {
    if (ranks.root()) folder.emplace(o.out, o.force);
  });
  const InterruptGuard guard;
  ProgressBar bar(end - first, isatty(STDERR_FILENO) != 0 && !o.quiet && ranks.root());
  const auto t0 = std::chrono::steady_clock::now();
  // Each rank settles its slice of [first, end) (all of it in one process).
  // Not a structured binding: the lambda below captures them (clang 14 refuses captured bindings).
  const auto mine = ranks.slice(first, end);
  const std::uint64_t mine_first = mine.first, mine_end = mine.second;
  sim::ExposureBatch batch;
  on_every_rank(ranks, [&] {
    try {
      batch = runner.run(o.seed, mine_first, mine_end, threads, &interrupted(),
                         [&bar](std::uint64_t done) { bar.update(done); });
    } catch (const InputError& e) {
      throw placed(e);
    }
  });
  bar.finish();
  // An interrupted rank makes the whole run partial: each keeps its completed trials.
  batch.cancelled = ranks.agree(batch.cancelled ? std::optional<std::string>("interrupted") : std::nullopt).has_value();
  batch.results = ranks.gather(std::move(batch.results));
  if (!ranks.root()) {
    if (batch.cancelled) exit_with(kExitInterrupted);
    return;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  reports::ExposureRunInfo info;
  info.scenario_name = file.name;
  info.scenario_sha256 = file.sha256;
  info.seed = o.seed;
  info.trials = o.trials;
  info.first = first;
  info.end = end;
  info.partial = batch.cancelled;
  for (const auto& r : file.resources) info.resources.push_back(r.id);
  reports::write_exposure_outputs(folder->staging().string(), info, batch.results);
  folder->commit();

  if (batch.cancelled) {
    std::cerr << fmt::format("drsim exposure: interrupted: wrote the {} completed of {} trials to {} (partial)\n",
                             batch.results.size(), end - first, o.out);
    exit_with(kExitInterrupted);
  }
  if (o.quiet) return;
  std::vector<Money> penalty, loss;
  for (const auto& r : batch.results) {
    penalty.push_back(r.penalty);
    loss.push_back(r.eo_loss);
  }
  const sim::MoneySummary p = sim::summarize(penalty), l = sim::summarize(loss);
  std::cout << fmt::format("{}: trials {}..{} of {} (seed {}), {}{} threads, {:.1f} s ({:.0f} trials/s)\n", file.name,
                           first, end, o.trials, o.seed, ranks.size() > 1 ? fmt::format("{} ranks x ", ranks.size()) : "",
                           threads, seconds,
                           seconds > 0 ? static_cast<double>(end - first) / seconds : 0.0);
  std::cout << fmt::format("  EO without events {:>14} $\n", runner.eo_without_events().str());
  std::cout << fmt::format("  penalty  mean {:>12} $  P50 {:>12}  P95 {:>12}  P99 {:>12}\n", p.mean.str(), p.p50.str(),
                           p.p95.str(), p.p99.str());
  std::cout << fmt::format("  EO loss  mean {:>12} $  P50 {:>12}  P95 {:>12}  P99 {:>12}\n", l.mean.str(), l.p50.str(),
                           l.p95.str(), l.p99.str());
  std::cout << "outputs: " << o.out << '\n';
}

const RegisterCommand exposure_command{60, [](CLI::App& app) {
  auto opt = std::make_shared<ExposureOptions>();
  auto* cmd = app.add_subcommand(
      "exposure",
      "Monte Carlo earnings-opportunity exposure (docs/exposure.md): draw N planning years from the\n"
      "scenario's exposure: section and settle each exactly as `drsim run` does. Trial i depends only on\n"
      "(seed, i): the same seed gives the same bytes whatever --threads or --shard. Writes exposure.csv,\n"
      "exposure_summary.json/.csv, exposure_resources.csv, exposure_disqualification.csv,\n"
      "exposure_histogram.csv, exposure_run.csv, exposure.sqlite and exposure_report.html into DIR,\n"
      "whole or not at all. Ctrl-C writes the completed trials (partial) and\n"
      "exits 130. Under `mpirun -np N` the ranks split the trials and rank 0 writes the same files\n"
      "(cluster/README.md). Exit 0 when done, 2 for invalid input.");
  cmd->add_option("scenario", opt->scenario, "Scenario file with an exposure: section")->required()->check(CLI::ExistingFile);
  cmd->add_option("--trials,-n", opt->trials, "Number of trials N of the whole study");
  cmd->add_option("--seed,-s", opt->seed, "Seed of the study (default 1)");
  cmd->add_option("--threads,-j", opt->threads, "Worker threads (default: the number of cores)");
  cmd->add_option("--shard", opt->shard, "Run only the K-th of N contiguous slices of the trials (K/N, 1-based)");
  cmd->add_option("--out,-o", opt->out, "Output folder (must not exist or be empty, unless --force)")->required();
  cmd->add_option("--dump-trial", opt->dump_trial, "Write trial I's scenario (YAML + CSV) into --out instead")->group("");
  cmd->add_flag("--force", opt->force, "Replace a non-empty output folder");
  cmd->add_flag("--quiet,-q", opt->quiet, "No progress bar, print nothing on success");
  cmd->callback([opt] {
    try {
      run(*opt);
    } catch (const InputError&) {
      throw;
    } catch (const CLI::RuntimeError&) {
      throw;
    } catch (const std::runtime_error& e) {
      std::cerr << "drsim exposure: " << e.what() << '\n';
      exit_with(kExitInvalid);
    }
  });
}};

}  // namespace
}  // namespace drsim::app
