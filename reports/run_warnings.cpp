// The entity of a warning, from its key path and the scenario.
#include "reports/run_warnings.hpp"

#include <charconv>
#include <optional>

namespace drsim::reports {

namespace {

template <class E>
std::optional<std::string> id_at(const std::vector<E>& entities, std::size_t index) {
  if (index >= entities.size()) return std::nullopt;
  return entities[index].id;
}

}  // namespace

std::string warning_entity(const Scenario& s, const Problem& w) {
  // `kind[index]` or `kind.id`, then the rest of the path.
  const std::string& key = w.key;
  const std::size_t end = key.find_first_of(".[");
  if (end == std::string::npos) return "";
  const std::string kind = key.substr(0, end);
  if (key[end] == '.') {
    const std::string rest = key.substr(end + 1);
    return kind + "." + rest.substr(0, rest.find_first_of(".["));
  }
  const std::size_t close = key.find(']', end);
  std::size_t index = 0;
  const char* first = key.data() + end + 1;
  const char* last = close == std::string::npos ? first : key.data() + close;
  if (std::from_chars(first, last, index).ptr != last || first == last) return "";
  std::optional<std::string> id;
  if (kind == "resources") id = id_at(s.resources, index);
  else if (kind == "emergencies") id = id_at(s.emergencies, index);
  else if (kind == "instructions") id = id_at(s.instructions, index);
  else if (kind == "lses") id = id_at(s.lses, index);
  else if (kind == "zones") id = id_at(s.zones, index);
  else if (kind == "participants") id = id_at(s.participants, index);
  return id ? kind + "." + *id : "";
}

}  // namespace drsim::reports
