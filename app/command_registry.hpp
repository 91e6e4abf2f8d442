// Registry of drsim subcommands: each app/cmd_*.cpp registers itself here.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <vector>

namespace drsim::app {

// Exit statuses of every command (format.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitDiffers = 1;
inline constexpr int kExitInvalid = 2;
inline constexpr int kExitInternal = 3;  // a bug or an environment failure (disk full, ...): not the input's fault

using CommandSetup = std::function<void(CLI::App&)>;

struct CommandEntry {
  int order;  // position in `drsim --help`
  CommandSetup setup;
};

std::vector<CommandEntry>& command_registry();

// A file-scope instance registers a subcommand: `const RegisterCommand r{10, setup};`
struct RegisterCommand {
  RegisterCommand(int order, CommandSetup setup) { command_registry().push_back({order, std::move(setup)}); }
};

// Ends the command with an exit status (CLI11 carries it out of parse()).
[[noreturn]] inline void exit_with(int status) { throw CLI::RuntimeError(status); }

}  // namespace drsim::app
