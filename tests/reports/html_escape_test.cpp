// Tests of html_escape and HtmlTable: any id must come out as text, never as markup.
#include <catch2/catch.hpp>

#include "reports/html_escape.hpp"
#include "reports/html_table.hpp"

using drsim::reports::html_escape;
using drsim::reports::HtmlTable;

TEST_CASE("html_escape turns the five markup characters into entities", "[html]") {
  CHECK(html_escape("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
}

TEST_CASE("html_escape keeps UTF-8 and replaces control characters", "[html]") {
  CHECK(html_escape("Zone \xc3\xa9t\xc3\xa9 \xe2\x9a\xa1") == "Zone \xc3\xa9t\xc3\xa9 \xe2\x9a\xa1");  // été ⚡ unchanged
  CHECK(html_escape("a\tb\nc") == "a\tb\nc");
  CHECK(html_escape(std::string("a\x01" "b\x7f", 4)) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");  // U+FFFD each
}

TEST_CASE("HtmlTable escapes cells and marks numeric columns", "[html]") {
  HtmlTable t({"id", "MW"}, {false, true});
  t.add({"<DR&1>", "10"}, "charged");
  const std::string html = t.html("Caption <b>");
  CHECK(html.find("<td>&lt;DR&amp;1&gt;</td><td class=\"num\">10</td>") != std::string::npos);
  CHECK(html.find("<tr class=\"charged\">") != std::string::npos);
  CHECK(html.find("<caption>Caption &lt;b&gt;</caption>") != std::string::npos);
  CHECK_THROWS(t.add({"only one cell"}));
}
