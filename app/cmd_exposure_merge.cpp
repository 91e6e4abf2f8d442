// `drsim exposure-merge SHARD_DIR... --out DIR`: join shard outputs into the bytes of one unsharded run.
#include <iostream>

#include <fmt/format.h>

#include "app/command_registry.hpp"
#include "app/exposure_shards.hpp"
#include "reports/output_folder.hpp"

namespace drsim::app {
namespace {

struct MergeOptions {
  std::vector<std::string> shards;
  std::string out;
  bool force = false;
  bool quiet = false;
};

const RegisterCommand exposure_merge_command{61, [](CLI::App& app) {
  auto opt = std::make_shared<MergeOptions>();
  auto* cmd = app.add_subcommand(
      "exposure-merge",
      "Combine the output folders of `drsim exposure --shard K/N` runs into the output of one unsharded\n"
      "run, byte for byte. The shards must share the scenario hash, seed and N, be complete (not\n"
      "interrupted) and cover trials 0..N-1 exactly once. Exit 0 when done, 2 otherwise.");
  cmd->add_option("shards", opt->shards, "Shard output folders")->required()->check(CLI::ExistingDirectory);
  cmd->add_option("--out,-o", opt->out, "Output folder (must not exist or be empty, unless --force)")->required();
  cmd->add_flag("--force", opt->force, "Replace a non-empty output folder");
  cmd->add_flag("--quiet,-q", opt->quiet, "Print nothing on success");
  cmd->callback([opt] {
    std::vector<ExposureShard> shards;
    for (const auto& dir : opt->shards) shards.push_back(read_exposure_shard(dir));
    const ExposureShard merged = merge_exposure_shards(std::move(shards));
    try {
      reports::OutputFolder folder(opt->out, opt->force);
      reports::write_exposure_outputs(folder.staging().string(), merged.info, merged.results);
      folder.commit();
    } catch (const std::runtime_error& e) {
      std::cerr << "drsim exposure-merge: " << e.what() << '\n';
      exit_with(kExitInvalid);
    }
    if (!opt->quiet) {
      std::cout << fmt::format("merged {} shards: trials 0..{} (seed {}) -> {}\n", opt->shards.size(), merged.info.trials,
                               merged.info.seed, opt->out);
    }
  });
}};

}  // namespace
}  // namespace drsim::app
