// JUnit XML writer (the Ant/Surefire layout: testsuites > testsuite > testcase > failure | error).
#include "reports/junit_xml.hpp"

#include <fmt/format.h>

#include "reports/html_escape.hpp"

namespace drsim::reports {

namespace {

struct Counts {
  std::size_t tests = 0, failures = 0, errors = 0;
  double seconds = 0;
};

Counts count(const JunitSuite& s) {
  Counts c{s.cases.size(), 0, 0, s.seconds};
  for (const auto& k : s.cases) {
    c.failures += k.failure.has_value();
    c.errors += k.error.has_value();
  }
  return c;
}

std::string attr(std::string_view text) { return html_escape(text); }

}  // namespace

std::string junit_xml(const std::string& name, const std::vector<JunitSuite>& suites) {
  Counts all;
  for (const auto& s : suites) {
    const Counts c = count(s);
    all.tests += c.tests;
    all.failures += c.failures;
    all.errors += c.errors;
    all.seconds += c.seconds;
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.3f}\">\n",
                     attr(name), all.tests, all.failures, all.errors, all.seconds);
  for (const auto& s : suites) {
    const Counts c = count(s);
    out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\" time=\"{:.3f}\">\n",
                       attr(s.name), c.tests, c.failures, c.errors, c.seconds);
    for (const auto& k : s.cases) {
      out += fmt::format("    <testcase name=\"{}\" classname=\"{}\"", attr(k.name), attr(k.classname));
      if (!k.failure && !k.error) {
        out += "/>\n";
        continue;
      }
      const char* element = k.failure ? "failure" : "error";
      out += fmt::format(">\n      <{} message=\"{}\" type=\"{}\">{}</{}>\n    </testcase>\n", element,
                         attr(k.failure ? *k.failure : *k.error), k.failure ? "figure differs" : "invalid input",
                         html_escape(k.detail), element);
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace drsim::reports
