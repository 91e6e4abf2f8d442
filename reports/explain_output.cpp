// Text and JSON of explained figures.
#include "reports/explain_output.hpp"

#include <fmt/format.h>

#include "reports/json_writer.hpp"

namespace drsim::reports {

namespace {

std::string values_text(const NamedValues& values, const char* indent) {
  std::string out;
  for (const auto& [name, value] : values) out += fmt::format("{}{} = {}\n", indent, name, value);
  return out;
}

void values_json(JsonWriter& w, const NamedValues& values) {
  w.begin_object("values");
  for (const auto& [name, value] : values) w.string(name, value);
  w.end_object();
}

}  // namespace

std::string explain_text(const ExplainedFigure& f) {
  std::string out = fmt::format("{} {}\n", f.kind, f.subject);
  if (!f.inputs.empty()) out += "\ninputs\n";
  for (const auto& in : f.inputs) {
    out += fmt::format("  {}  ({})\n", in.what, in.source);
    out += values_text(in.values, "      ");
  }
  out += "\nderivation\n";
  int n = 0;
  for (const auto& s : f.derivation.steps) {
    out += fmt::format("  {}. [rules.md {}{}] {}\n", ++n, s.section, s.rule_key.empty() ? "" : ", " + s.rule_key, s.text);
    out += values_text(s.values, "      ");
  }
  out += "\nresult\n";
  out += values_text(f.result, "  ");
  out += f.matches_statement ? "  (equal to the statement's figure)\n" : "  (DIFFERS from the statement's figure)\n";
  return out;
}

std::string explain_json(const std::vector<ExplainedFigure>& figures) {
  JsonWriter w;
  w.begin_array();
  for (const auto& f : figures) {
    w.begin_object();
    w.string("kind", f.kind);
    w.string("subject", f.subject);
    w.begin_array("inputs");
    for (const auto& in : f.inputs) {
      w.begin_object();
      w.string("what", in.what);
      w.string("source", in.source);
      values_json(w, in.values);
      w.end_object();
    }
    w.end_array();
    w.begin_array("derivation");
    for (const auto& s : f.derivation.steps) {
      w.begin_object();
      w.string("section", s.section);
      w.string("rule_key", s.rule_key);
      w.string("text", s.text);
      values_json(w, s.values);
      w.end_object();
    }
    w.end_array();
    w.begin_object("result");
    for (const auto& [name, value] : f.result) w.string(name, value);
    w.end_object();
    w.boolean("matches_statement", f.matches_statement);
    w.end_object();
  }
  w.end_array();
  return w.str() + "\n";
}

}  // namespace drsim::reports
