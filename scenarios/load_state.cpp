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
  if (id.size() > kMaxIdBytes) {
    std::size_t cut = 20;
    while (cut > 0 && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
    reader.error(at, fmt::format("{} id '{}...' is {} bytes long; ids are limited to {} bytes", name(kind),
                                 id.substr(0, cut), id.size(), kMaxIdBytes));
    return;
  }
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

std::optional<std::string> read_id(LoadState& st, MapFields& m, IdKind kind) {
  auto id = m.text("id");
  if (id) st.define(kind, *id, *m.get("id"));
  return id;
}

std::optional<std::string> read_ref(LoadState& st, MapFields& m, std::string_view key, IdKind kind,
                                    Need need) {
  auto id = m.text(key, need);
  if (id) st.refer(kind, *id, *m.get(key));
  return id;
}

}  // namespace drsim::scenarios
