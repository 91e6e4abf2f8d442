// Reads a map of rule keys and values: the scenario's `rules:` and each `expect: sweep:` reading's.
#include <algorithm>

#include <fmt/format.h>

#include "scenarios/did_you_mean.hpp"
#include "scenarios/load_state.hpp"

namespace drsim::scenarios {

void read_rule_values(LoadState& st, const Field& f, Rules& rules, std::vector<std::pair<std::string, std::string>>& set) {
  const auto& keys = rule_keys();
  for (auto it = f.node.begin(); it != f.node.end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : "?";
    const Field k{it->first, YamlReader::mark_of(it->first), fmt::format("{}.{}", f.path, key)};
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      auto guess = closest(key, keys);
      st.reader.error(k, fmt::format("unknown rule key '{}'{}", key,
                                     guess ? fmt::format(" (did you mean '{}'?)", *guess) : std::string()));
      continue;
    }
    Field v{it->second, YamlReader::mark_of(it->second), k.path};
    if (v.mark.line == 0 || it->second.IsNull()) v.mark = k.mark;
    if (!it->second.IsScalar()) {
      st.reader.error(v, fmt::format("expected a value, got {}", YamlReader::describe(it->second)));
      continue;
    }
    if (std::any_of(set.begin(), set.end(), [&](const auto& kv) { return kv.first == key; })) {
      st.reader.error(k, fmt::format("rule '{}' is given twice", key));
      continue;
    }
    if (auto e = set_rule(rules, key, it->second.Scalar())) {
      st.reader.error(v, *e);
      continue;
    }
    set.emplace_back(key, it->second.Scalar());
  }
}

}  // namespace drsim::scenarios
