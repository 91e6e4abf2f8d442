// Examples in every command's --help.
#pragma once

#include <CLI/CLI.hpp>

namespace drsim::app {

// Sets each registered subcommand's help footer to its example.
void add_examples(CLI::App& app);

}  // namespace drsim::app
