// Top level of an accredit file: version, the four section lists, and the run over several files.
#include "scenarios/accredit/accredit_reader.hpp"

#include <fstream>
#include <sstream>

#include "scenarios/accredit/section_readers.hpp"

namespace drsim::accredit {

namespace {
using SectionReader = void (*)(ReadContext&, const YAML::Node&, const std::string&, btm::AccreditInput&);

void read_section(YamlMap& top, const std::string& key, SectionReader reader, btm::AccreditInput& out) {
  YAML::Node list = top.get(key);
  if (!list.IsDefined()) return;
  if (!list.IsSequence()) {
    top.cx().add(list.Mark(), key, "expected a list");
    return;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    reader(top.cx(), list[i], key + "[" + std::to_string(i) + "]", out);
  }
}

void read_into(ReadContext& cx, const std::string& text, btm::AccreditInput& out) {
  YAML::Node root;
  try {
    root.reset(YAML::Load(text));
  } catch (const YAML::Exception& e) {
    cx.add(e.mark, "", "not valid YAML: " + e.msg);
    return;
  }
  YamlMap top(cx, root, "");
  if (!top.ok()) return;
  if (auto v = top.integer("drsim_accredit"); v && *v != 1) {
    cx.add(top.get("drsim_accredit").Mark(), "drsim_accredit", "format version " + std::to_string(*v) +
                                                                   " is not supported (1 is)");
  }
  top.text("name", false);
  const std::size_t before = out.miso.size() + out.nyiso.size() + out.pjm.size() + out.wapa.size();
  read_section(top, "miso_btmg", read_miso, out);
  read_section(top, "nyiso_btmng", read_nyiso, out);
  read_section(top, "pjm_colocated", read_pjm, out);
  read_section(top, "wapa_nits", read_wapa, out);
  if (out.miso.size() + out.nyiso.size() + out.pjm.size() + out.wapa.size() == before && cx.problems.empty()) {
    cx.add(top.mark(), "", "the file holds no miso_btmg, nyiso_btmng, pjm_colocated or wapa_nits entry");
  }
}

template <class Case>
void check_unique_ids(std::vector<Problem>& problems, const std::vector<Case>& cases, const char* section) {
  for (std::size_t i = 0; i < cases.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (cases[i].id == cases[j].id) {
        problems.push_back({cases[i].source, 0, 0, std::string(section) + ".id",
                            "id '" + cases[i].id + "' is used twice (also in " + cases[j].source + ")"});
        break;
      }
    }
  }
}
}  // namespace

btm::AccreditInput read_accredit_text(const std::string& text, const std::string& file) {
  ReadContext cx{file, {}, {}};
  btm::AccreditInput out;
  read_into(cx, text, out);
  check_unique_ids(cx.problems, out.nyiso, "nyiso_btmng");
  check_unique_ids(cx.problems, out.pjm, "pjm_colocated");
  check_unique_ids(cx.problems, out.wapa, "wapa_nits");
  if (!cx.problems.empty()) throw InputError(cx.problems);
  out.warnings = cx.warnings;
  return out;
}

btm::AccreditInput read_accredit_files(const std::vector<std::string>& paths) {
  btm::AccreditInput out;
  std::vector<Problem> problems;
  for (const auto& path : paths) {
    ReadContext cx{path, {}, {}};
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      problems.push_back({path, 0, 0, "", "cannot open the file"});
      continue;
    }
    std::ostringstream text;
    text << in.rdbuf();
    read_into(cx, text.str(), out);
    problems.insert(problems.end(), cx.problems.begin(), cx.problems.end());
    out.warnings.insert(out.warnings.end(), cx.warnings.begin(), cx.warnings.end());
  }
  check_unique_ids(problems, out.nyiso, "nyiso_btmng");
  check_unique_ids(problems, out.pjm, "pjm_colocated");
  check_unique_ids(problems, out.wapa, "wapa_nits");
  if (!problems.empty()) throw InputError(problems);
  return out;
}

}  // namespace drsim::accredit
