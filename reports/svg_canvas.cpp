// SVG elements of the report's charts.
#include "reports/svg_canvas.hpp"

#include <fmt/format.h>

#include "reports/html_escape.hpp"

namespace drsim::reports {

SvgCanvas::SvgCanvas(int width, int height, const std::string& title)
    : width_(width), height_(height), title_(title) {}

void SvgCanvas::rect(int x, int y, int w, int h, const std::string& cls, const std::string& tooltip) {
  if (w < 0) {
    x += w;
    w = -w;
  }
  if (h < 0) {
    y += h;
    h = -h;
  }
  body_ += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{}\"", x, y, w, h, html_escape(cls));
  if (tooltip.empty()) {
    body_ += "/>\n";
  } else {
    body_ += "><title>" + html_escape(tooltip) + "</title></rect>\n";
  }
}

void SvgCanvas::line(int x1, int y1, int x2, int y2, const std::string& cls) {
  body_ += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{}\"/>\n", x1, y1, x2, y2, html_escape(cls));
}

void SvgCanvas::text(int x, int y, const std::string& text, const std::string& cls, const std::string& anchor) {
  body_ += fmt::format("<text x=\"{}\" y=\"{}\" class=\"{}\" text-anchor=\"{}\">{}</text>\n", x, y, html_escape(cls),
                       html_escape(anchor), html_escape(text));
}

void SvgCanvas::dot(int x, int y, int r, const std::string& cls, const std::string& tooltip) {
  body_ += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" class=\"{}\"", x, y, r, html_escape(cls));
  if (tooltip.empty()) {
    body_ += "/>\n";
  } else {
    body_ += "><title>" + html_escape(tooltip) + "</title></circle>\n";
  }
}

std::string SvgCanvas::str() const {
  return fmt::format(
             "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
             "height=\"{1}\" role=\"img\" aria-label=\"{2}\"><title>{2}</title>\n",
             width_, height_, html_escape(title_)) +
         body_ + "</svg>\n";
}

}  // namespace drsim::reports
