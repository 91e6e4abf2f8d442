// The four section readers of an accredit file, each adding its cases to the input (internal).
#pragma once

#include "scenarios/accredit/yaml_map.hpp"
#include "settlement/btm/accredit_cases.hpp"

namespace drsim::accredit {

// `node` is one list item, `path` its key path ("miso_btmg[0]").
void read_miso(ReadContext& cx, const YAML::Node& node, const std::string& path, btm::AccreditInput& out);
void read_nyiso(ReadContext& cx, const YAML::Node& node, const std::string& path, btm::AccreditInput& out);
void read_pjm(ReadContext& cx, const YAML::Node& node, const std::string& path, btm::AccreditInput& out);
void read_wapa(ReadContext& cx, const YAML::Node& node, const std::string& path, btm::AccreditInput& out);

// The mark of the node at a dotted path below `root` ("seasons.summer.months"),
// or of the deepest part of it that exists.
YAML::Mark mark_at(const YAML::Node& root, const std::string& dotted);

}  // namespace drsim::accredit
