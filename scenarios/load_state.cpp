// Id bookkeeping of the loader: definitions, duplicates, references.
#include "scenarios/load_state.hpp"

#include <fmt/format.h>

namespace drsim::scenarios {

std::string_view name(IdKind kind) {
  switch (kind) {
    case IdKind::zone: return "zone";
    case IdKind::participant: return "participant";
    case IdKind::lba: return "lba";
    case IdKind::lse: return "lse";
    case IdKind::resource: return "resource";
    case IdKind::emergency: return "emergency";
    case IdKind::instruction: return "instruction";
  }
  return "?";
}

void LoadState::define(IdKind kind, const std::string& id, const Field& at) {
  auto [it, fresh] = ids[kind].emplace(id, at.mark.line);
  if (!fresh) {
    reader.error(at, fmt::format("duplicate {} id '{}' (first at line {})", name(kind), id, it->second));
  }
}

void LoadState::refer(IdKind kind, const std::string& id, const Field& at) {
  references.push_back(Reference{kind, id, at.mark, at.path});
}

bool LoadState::defined(IdKind kind, const std::string& id) const {
  auto k = ids.find(kind);
  return k != ids.end() && k->second.count(id) != 0;
}

}  // namespace drsim::scenarios
