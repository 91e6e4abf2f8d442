// OpenADR problem responses.
#include "drill/reply.hpp"

namespace drsim::drill {

std::string status_title(unsigned status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

Reply problem(unsigned status, std::string detail) {
  Reply r;
  r.status = status;
  r.body = Json{{"type", "about:blank"}, {"title", status_title(status)}, {"status", status}, {"detail", detail}};
  r.problem = std::move(detail);
  return r;
}

}  // namespace drsim::drill
