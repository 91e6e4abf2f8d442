// An SVG drawing built element by element, all text escaped, coordinates in whole pixels.
#pragma once

#include <string>

namespace drsim::reports {

class SvgCanvas {
 public:
  // `title` (escaped) is the accessible name of the chart.
  SvgCanvas(int width, int height, const std::string& title);

  // A rectangle; `tooltip` (escaped) becomes its <title> when not empty.
  void rect(int x, int y, int w, int h, const std::string& cls, const std::string& tooltip = "");
  void line(int x1, int y1, int x2, int y2, const std::string& cls);
  // anchor: start | middle | end
  void text(int x, int y, const std::string& text, const std::string& cls, const std::string& anchor = "start");
  // A marker circle.
  void dot(int x, int y, int r, const std::string& cls, const std::string& tooltip = "");

  std::string str() const;

 private:
  int width_, height_;
  std::string title_;
  std::string body_;
};

}  // namespace drsim::reports
