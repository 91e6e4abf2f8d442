// Places problems that name an entity by key at the entity's place in the scenario file.
#include "scenarios/scenario.hpp"

namespace drsim {

namespace {

template <class T>
std::optional<Mark> find_mark(const std::vector<T>& v, const std::vector<Mark>& marks, const std::string& id) {
  for (std::size_t i = 0; i < v.size() && i < marks.size(); ++i) {
    if (v[i].id == id) return marks[i];
  }
  return std::nullopt;
}

}  // namespace

Mark mark_of(const Scenario& s, const std::string& key, const std::optional<Mark>& drawn) {
  const auto dot = key.find('.');
  const std::string kind = key.substr(0, dot);
  const std::string id = dot == std::string::npos ? std::string() : key.substr(dot + 1);
  const bool trial_entity = kind == "emergencies" || kind == "instructions" || kind == "advanced_reporting" ||
                            kind == "outages";
  if (drawn && trial_entity) return *drawn;
  std::optional<Mark> m;
  if (kind == "resources") m = find_mark(s.resources, s.marks.resources, id);
  else if (kind == "instructions") m = find_mark(s.instructions, s.marks.instructions, id);
  else if (kind == "emergencies") m = find_mark(s.emergencies, s.marks.emergencies, id);
  else if (kind == "zones") m = find_mark(s.zones, s.marks.zones, id);
  else if (kind == "participants") m = find_mark(s.participants, s.marks.participants, id);
  else if (kind == "lses") m = find_mark(s.lses, s.marks.lses, id);
  return m.value_or(Mark{});
}

InputError located(const Scenario& s, const InputError& e, const std::optional<Mark>& drawn) {
  std::vector<Problem> out = e.problems();
  for (Problem& p : out) {
    if (!p.file.empty() || p.line != 0) continue;  // already placed
    const Mark m = mark_of(s, p.key, drawn);
    p.file = s.path;
    p.line = m.line;
    p.column = m.column;
  }
  return InputError(std::move(out));
}

}  // namespace drsim
