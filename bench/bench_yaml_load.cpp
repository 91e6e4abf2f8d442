// Benchmark: the scenario file's YAML tree, parsed in one piece and in parts on several threads
// (scenarios/yaml_tree.hpp load_in_parts), on the same bytes read once.
//
// Usage: bench_yaml_load SCENARIO.yaml [repeat]
// e.g. after `drsim generate --resources 5000 --days 365 --out /tmp/s5000` (a 7.4 MB file):
//   build/bench/bench_yaml_load /tmp/s5000/scenario.yaml 3
// Prints the best of `repeat` parses for 1 piece and for 2 and 4 parts, with the parts used.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <fmt/core.h>

#include "scenarios/yaml_tree.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: bench_yaml_load SCENARIO.yaml [repeat]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    fmt::print(stderr, "bench_yaml_load: cannot read {}\n", argv[1]);
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  fmt::print("{}: {:.1f} MB\n", argv[1], static_cast<double>(text.size()) / 1e6);
  double one = 0;
  for (std::size_t parts : {1, 2, 4}) {
    double best = 1e9;
    std::size_t used = 0, nodes = 0;
    for (int r = 0; r < repeat; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      const auto doc = drsim::scenarios::yaml::load_in_parts(text, parts);
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      used = doc.parts();
      nodes = doc.node_count();
    }
    if (parts == 1) one = best;
    fmt::print("  {} part(s) asked, {} used: {:.3f} s ({:.1f} MB/s, {:.2f}x one piece), {} nodes\n", parts, used,
               best, static_cast<double>(text.size()) / 1e6 / best, one / best, nodes);
  }
}
