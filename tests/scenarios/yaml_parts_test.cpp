// The parallel YAML load (scenarios/yaml_tree.hpp load_in_parts): a text parsed in pieces gives
// exactly the tree of the one-piece parse (kinds, tags, scalars, marks, shared alias nodes), and
// a text whose pieces do not parse alone falls back to the one-piece parse and its error.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <yaml-cpp/exceptions.h>

#include "scenarios/yaml_top_level.hpp"
#include "scenarios/yaml_tree.hpp"
#include "tests/support/text_files.hpp"

namespace yaml = drsim::scenarios::yaml;

namespace {

void dump(const yaml::Node& n, std::string& out, int depth) {
  const auto m = n.Mark();
  out += std::string(static_cast<std::size_t>(depth) * 2, ' ');
  out += std::to_string(static_cast<int>(n.kind())) + " " + std::string(n.Tag()) + " @" + std::to_string(m.line) +
         ":" + std::to_string(m.column);
  if (n.IsScalar()) out += " '" + std::string(n.scalar_view()) + "'";
  out += "\n";
  if (depth > 64) return;  // an alias inside its own anchor: enough to compare
  if (n.IsMap()) {
    for (const auto& kv : n) {
      dump(kv.first, out, depth + 1);
      dump(kv.second, out, depth + 1);
    }
  } else if (n.IsSequence()) {
    for (const auto& item : n) dump(item, out, depth + 1);
  }
}

std::string dump(const yaml::Document& d) {
  std::string out;
  dump(d.root(), out, 0);
  return out;
}

// What the one-piece parse throws, or "" when it parses.
std::string error_of(std::string_view text, std::size_t parts) {
  try {
    yaml::load_in_parts(text, parts);
  } catch (const YAML::Exception& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("top_level_cuts: only lines opening a simple top-level key, never with document markers") {
  const std::string text = "a: 1\nb:\n  - c: 2\nd: [x,\n  y]\n\"q\": 3\n- e\ne-f_9: 4\n";
  // key lines after the first: b (5), d (17), e-f_9 (40); "q" and "- e" are not simple keys
  CHECK(yaml::top_level_cuts(text, 1).empty());
  CHECK(yaml::top_level_cuts(text, 10) == std::vector<std::size_t>{5, 17, 40});
  // 49 bytes in 4: shares at 12, 24 and 36, nearest 17, 17 (once) and 40
  CHECK(yaml::top_level_cuts(text, 4) == std::vector<std::size_t>{17, 40});
  CHECK(yaml::top_level_cuts(text, 2) == std::vector<std::size_t>{17});  // nearest to 24
  CHECK(yaml::top_level_cuts("a: 1\n---\nb: 2\n", 2).empty());
  CHECK(yaml::top_level_cuts("%YAML 1.2\na: 1\nb: 2\n", 2).empty());
  CHECK(yaml::top_level_cuts("a: 1\n...\nb: 2\n", 2).empty());
  CHECK(yaml::top_level_cuts("a: 1\nb:c\nd:\r\n", 3) == std::vector<std::size_t>{9});  // b:c is a scalar
}

TEST_CASE("load_in_parts gives the one-piece tree, with its marks, for texts that cut") {
  const std::vector<std::string> texts{
      // empty values at the end of a piece: yaml-cpp marks them with the next token
      "a:\nb:\n  c:\n  d:\ne: 1\nf:\n",
      // comments and blank lines before a cut, CRLF line ends, quoted and block scalars
      "a: \"one\"  # c\n\n# note\r\nb: |\n  text\n  more\n\nc: 'x'\r\nd:\n  - 1\n  - [2, 3]\n",
      // anchors used inside their own piece, repeated top-level keys, a tag
      "a: {p: &x 1, q: *x}\nb: [&y 2, *y]\nc: !!str 5\nc: 6\nd: &x [1]\ne:\n  - *x\n",
      // a compact sequence under a top-level key, a multi-line plain scalar
      "a:\n- 1\n- 2\nb: one\n  two\nc: 3\n",
  };
  for (const auto& text : texts) {
    INFO(text);
    const auto whole = yaml::load_in_parts(text, 1);
    CHECK(whole.parts() == 1);
    for (std::size_t parts = 2; parts <= 4; ++parts) {
      const auto cut = yaml::load_in_parts(text, parts);
      CHECK(cut.parts() > 1);
      CHECK(dump(cut) == dump(whole));
    }
  }
  // the empty value closing the first piece keeps the mark of the next key (line 4), as whole
  for (std::size_t parts : {1, 2}) {
    const auto d = yaml::load_in_parts("a: 1\nb:\n\n\nc: 2\n", parts);
    REQUIRE(d.parts() == parts);
    auto it = d.root().begin();
    ++it;
    CHECK(it->second.IsNull());
    CHECK(it->second.Mark().line == 4);
    CHECK(it->second.Mark().column == 0);
  }
}

TEST_CASE("load_in_parts falls back to the one-piece parse when a piece does not stand alone") {
  const std::vector<std::string> texts{
      "a: &x 1\nb: 2\nc: *x\n",             // an alias to an anchor of another piece: parses whole
      "a: \"one\nb: two\"\nc: 3\n",         // a quoted scalar across the cut
      "a: [1,\nb: 2]\nc: 3\n",              // a flow collection across the cut
      "|\nb: 2\nc: 3\n",                    // a top-level block scalar whose text looks like keys
      "  a: 1\nb: 2\n",                     // an indented top-level map: an error whole
      "a: 1\nb: 2\nc: [\n",                 // an error in the last piece
      "a: {\nb: 2\nc: 3\n",                 // an error in the first piece
  };
  for (const auto& text : texts) {
    INFO(text);
    const std::string error = error_of(text, 1);
    CHECK(error_of(text, 3) == error);
    if (error.empty()) {
      const auto cut = yaml::load_in_parts(text, 3);
      CHECK(cut.parts() == 1);
      CHECK(dump(cut) == dump(yaml::load_in_parts(text, 1)));
    }
  }
}

TEST_CASE("load_in_parts gives the one-piece tree of every bundled and test scenario file") {
  int files = 0, cut = 0;
  for (const char* dir : {"scenarios", "tests"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::filesystem::path(DRSIM_SOURCE_DIR) / dir)) {
      if (e.path().extension() != ".yaml") continue;
      const std::string text = drsim::test::read_file(e.path());
      const std::string error = error_of(text, 1);
      INFO(e.path().string());
      CHECK(error_of(text, 4) == error);
      if (!error.empty()) continue;
      const auto whole = yaml::load_in_parts(text, 1);
      for (std::size_t parts : {2, 3, 4}) {
        const auto pieces = yaml::load_in_parts(text, parts);
        cut += pieces.parts() > 1;
        CHECK(dump(pieces) == dump(whole));
      }
      ++files;
    }
  }
  CHECK(files >= 30);
  CHECK(cut >= files);  // most files cut: the comparison is not the fallback's
}
