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

TEST_CASE("HtmlTable with controls: rows as one block of data that no id can break out of", "[html]") {
  HtmlTable t({"resource", "MW"}, {false, true});
  t.add({"DR-</script><b>\"1\\\t2", "1,000.5"}, "charged");
  t.add({"DR-2", "7"});
  drsim::reports::TableControls k;
  k.id = "lines";
  k.key_column = 0;
  k.rows_as_data = true;
  const std::string html = t.html(k, "Lines");
  // The script's hooks: id, page size, the filter column, where the rows are, how many.
  CHECK(html.find("<div class=\"dt\" id=\"lines\" data-page=\"50\" data-key=\"0\" data-rows=\"lines-rows\" "
                  "data-total=\"2\">") != std::string::npos);
  CHECK(html.find("<label>resource <input class=\"dt-key\"") != std::string::npos);
  // No row in <tbody>; a line per row, class then cells by tabs; '<', '\' and a tab escaped.
  CHECK(html.find("<tbody>\n</tbody>") != std::string::npos);
  CHECK(html.find("<script type=\"text/plain\" id=\"lines-rows\">\n"
                  "charged\tDR-\\x3c/script>\\x3cb>\"1\\\\\\t2\t1,000.5\n"
                  "\tDR-2\t7\n</script>") != std::string::npos);
  CHECK(html.find("</script><b>") == std::string::npos);
  CHECK(html.find("<noscript>") != std::string::npos);
  // Without rows_as_data the rows stay in the HTML (they print and read without the script).
  k.rows_as_data = false;
  const std::string inline_rows = t.html(k);
  CHECK(inline_rows.find("<td>DR-2</td><td class=\"num\">7</td>") != std::string::npos);
  CHECK(inline_rows.find("text/plain") == std::string::npos);
}
