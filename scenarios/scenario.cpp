// Places problems that name an entity by key at the entity's place in the scenario file.
#include "scenarios/scenario.hpp"

#include <unordered_map>

namespace drsim {

namespace {

// Where each entity was written, by key (`kind.id`); with two entities of one id, the first.
class KeyMarks {
 public:
  explicit KeyMarks(const Scenario& s) {
    add("resources", s.resources, s.marks.resources);
    add("instructions", s.instructions, s.marks.instructions);
    add("emergencies", s.emergencies, s.marks.emergencies);
    add("zones", s.zones, s.marks.zones);
    add("participants", s.participants, s.marks.participants);
    add("lses", s.lses, s.marks.lses);
  }
  // The mark of a key; an entity drawn by an exposure trial is placed at `drawn`.
  Mark of(const std::string& key, const std::optional<Mark>& drawn) const {
    const std::string kind = key.substr(0, key.find('.'));
    const bool trial_entity = kind == "emergencies" || kind == "instructions" || kind == "advanced_reporting" ||
                              kind == "outages";
    if (drawn && trial_entity) return *drawn;
    const auto it = marks_.find(key);
    return it == marks_.end() ? Mark{} : it->second;
  }

 private:
  template <class T>
  void add(const std::string& kind, const std::vector<T>& v, const std::vector<Mark>& marks) {
    for (std::size_t i = 0; i < v.size() && i < marks.size(); ++i) marks_.emplace(kind + "." + v[i].id, marks[i]);
  }
  std::unordered_map<std::string, Mark> marks_;
};

}  // namespace

Mark mark_of(const Scenario& s, const std::string& key, const std::optional<Mark>& drawn) {
  return KeyMarks(s).of(key, drawn);
}

InputError located(const Scenario& s, const InputError& e, const std::optional<Mark>& drawn) {
  std::vector<Problem> out = e.problems();
  const KeyMarks marks(s);  // built once: a run's warnings place one problem per instruction
  for (Problem& p : out) {
    if (!p.file.empty() || p.line != 0) continue;  // already placed
    const Mark m = marks.of(p.key, drawn);
    p.file = s.path;
    p.line = m.line;
    p.column = m.column;
  }
  return InputError(std::move(out));
}

}  // namespace drsim
