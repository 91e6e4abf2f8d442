// drsim: the command-line entry point; subcommands live in app/cmd_*.cpp.
#include <algorithm>
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/command_registry.hpp"
#include "settlement/problem.hpp"

namespace drsim::app {
std::vector<CommandEntry>& command_registry() {
  static std::vector<CommandEntry> registry;
  return registry;
}
}  // namespace drsim::app

int main(int argc, char** argv) {
  using namespace drsim::app;
  CLI::App app{
      "drsim " DRSIM_VERSION " - simulate and settle MISO Load Modifying Resource events.\n"
      "Reads a scenario file (format: docs/format.md), issues its Scheduling Instructions on a\n"
      "simulated clock, settles every hour exactly to the cent (rules: docs/rules.md) and writes\n"
      "CSV statements, a SQLite database and an HTML report.\n\n"
      "Start with:  drsim validate scenarios/examples/worked-example/scenario.yaml\n"
      "             drsim run scenarios/examples/worked-example/scenario.yaml --out out/worked",
      "drsim"};
  app.set_version_flag("--version", std::string("drsim ") + DRSIM_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  auto& registry = command_registry();
  std::sort(registry.begin(), registry.end(),
            [](const CommandEntry& a, const CommandEntry& b) { return a.order < b.order; });
  for (const auto& entry : registry) entry.setup(app);
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
    return 3;
  }
  return kExitOk;
}
