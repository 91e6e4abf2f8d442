// What a route answers: an HTTP status and a JSON body (an OpenADR object, a list, or a problem).
#pragma once

#include <string>

#include "drill/json_body.hpp"

namespace drsim::drill {

struct Reply {
  unsigned status = 200;
  Json body;
  std::string problem;  // the problem's detail when the request was refused (for the log)
  bool ok() const { return status < 400; }
};

// An OpenADR `problem` (components/schemas/problem): type about:blank, the status's title.
Reply problem(unsigned status, std::string detail);

// The reason phrase of a status, as the problem's title.
std::string status_title(unsigned status);

}  // namespace drsim::drill
