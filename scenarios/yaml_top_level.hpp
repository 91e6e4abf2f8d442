// Where a YAML document can be cut into pieces that parse alone: the lines that open a
// top-level key of a block mapping (`resources:` at column 0).
//
// A large scenario file is parsed in parts on several threads (scenarios/yaml_tree.cpp):
// each part starts at such a line, so that it is itself a block mapping of the same keys.
// Only a simple key is a cut (letters, digits, `_` and `-`, then `:` and a space or the end
// of the line), and a text with a document marker (`---`, `...`) or a directive (`%`) at the
// start of a line is never cut. A line that only looks like a key (inside a quoted scalar or
// a flow collection that spans lines) leaves the part before it unterminated, so that part
// fails to parse and the caller parses the whole text instead.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace drsim::scenarios::yaml {

// The byte offsets of at most `parts - 1` cuts, ascending, each at the start of a top-level
// key line and each as near as such a line is to an equal share of the text; none when the
// text cannot be cut (or `parts` < 2). The first line is never a cut.
std::vector<std::size_t> top_level_cuts(std::string_view text, std::size_t parts);

}  // namespace drsim::scenarios::yaml
