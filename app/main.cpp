// drsim: the command-line entry point; subcommands live in app/cmd_*.cpp.
#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/command_examples.hpp"
#include "app/command_registry.hpp"
#include "scenarios/did_you_mean.hpp"
#include "settlement/problem.hpp"

namespace drsim::app {
std::vector<CommandEntry>& command_registry() {
  static std::vector<CommandEntry> registry;
  return registry;
}

namespace {

// The names of the subcommands, in `drsim --help` order.
std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
  return names;
}

// The first word that is not an option, when it names no command: `drsim runn x` says what it meant.
// Returns the exit status to stop with, or nothing to go on parsing.
std::optional<int> refuse_unknown_command(const CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return std::nullopt;
  const std::string word = argv[1];
  const auto names = command_names(app);
  if (std::find(names.begin(), names.end(), word) != names.end()) return std::nullopt;
  const auto guess = drsim::scenarios::closest(word, names);
  std::cerr << "drsim: unknown command '" << word << "'"
            << (guess ? " (did you mean '" + *guess + "'?)" : std::string()) << "; `drsim help` lists the commands\n";
  return kExitInvalid;
}

// `drsim help [COMMAND]`: the overview, or one command's help with its example.
void add_help_command(CLI::App& app) {
  auto topic = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("help", "Show the commands, or one command's options: drsim help run");
  cmd->add_option("command", *topic, "the command to explain");
  cmd->callback([&app, topic] {
    if (topic->empty()) {
      // app.help() would describe the selected subcommand (this one): format the top level itself.
      std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
      exit_with(kExitOk);
    }
    const auto names = command_names(app);
    if (std::find(names.begin(), names.end(), *topic) == names.end()) {
      const auto guess = drsim::scenarios::closest(*topic, names);
      std::cerr << "drsim help: unknown command '" << *topic << "'"
                << (guess ? " (did you mean '" + *guess + "'?)" : std::string()) << '\n';
      exit_with(kExitInvalid);
    }
    std::cout << app.get_subcommand(*topic)->help();
    exit_with(kExitOk);
  });
}

}  // namespace
}  // namespace drsim::app

int main(int argc, char** argv) {
  using namespace drsim::app;
  CLI::App app{
      "drsim " DRSIM_VERSION " - simulate and settle MISO Load Modifying Resource events.\n"
      "Reads a scenario file (format: docs/format.md), issues its Scheduling Instructions on a\n"
      "simulated clock, settles every hour exactly to the cent (rules: docs/rules.md) and writes\n"
      "CSV statements, a SQLite database and an HTML report.\n\n"
      "Start with:  drsim validate scenarios/examples/worked-example/scenario.yaml\n"
      "             drsim run scenarios/examples/worked-example/scenario.yaml --out out/worked\n"
      "Each command explains itself: drsim help COMMAND (or drsim COMMAND --help).\n",
      "drsim"};
  app.set_version_flag("--version,-V", std::string("drsim ") + DRSIM_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  auto& registry = command_registry();
  std::sort(registry.begin(), registry.end(),
            [](const CommandEntry& a, const CommandEntry& b) { return a.order < b.order; });
  for (const auto& entry : registry) entry.setup(app);
  add_help_command(app);
  add_examples(app);
  if (argc < 2) {
    std::cerr << app.help() << "drsim: give a command (`drsim help` lists them)\n";
    return kExitInvalid;
  }
  if (auto status = refuse_unknown_command(app, argc, argv)) return *status;
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitInvalid;  // a usage error is invalid input
  } catch (const drsim::InputError& e) {
    for (const auto& p : e.problems()) std::cerr << p.str() << '\n';
    return kExitInvalid;
  } catch (const std::exception& e) {
    std::cerr << "drsim: error: " << e.what() << '\n';
    return kExitInternal;
  }
  return kExitOk;
}
