// What stands before the routes: /auth/token, the bearer token of every other call (401), the
// rate limit (429), and the log of every refused request with its client id.
#pragma once

#include <functional>
#include <ostream>

#include "drill/clients.hpp"
#include "drill/http_server.hpp"
#include "drill/rate_limit.hpp"
#include "drill/vtn.hpp"

namespace drsim::drill {

class Gateway {
 public:
  Gateway(Vtn& vtn, TokenStore& tokens, RateLimit& rate, std::function<MarketTime()> now, std::ostream& log)
      : vtn_(vtn), tokens_(tokens), rate_(rate), now_(std::move(now)), log_(log) {}
  HttpAnswer operator()(const HttpRequest& r);
  // Logs a refusal: `drill 2025-07-15T10:00:00-05:00 401 POST /events client=-: why`.
  void log_refused(unsigned status, const std::string& method, const std::string& target, const std::string& client,
                   const std::string& detail);
  std::uint64_t requests() const { return requests_; }
  std::uint64_t refused() const { return refused_; }

 private:
  HttpAnswer answer(const HttpRequest& r);
  HttpAnswer token(const HttpRequest& r);
  Vtn& vtn_;
  TokenStore& tokens_;
  RateLimit& rate_;
  std::function<MarketTime()> now_;
  std::ostream& log_;
  std::uint64_t requests_ = 0;
  std::uint64_t refused_ = 0;
};

// The fields of an application/x-www-form-urlencoded body.
std::optional<std::string> form_value(const std::string& body, const std::string& key);

}  // namespace drsim::drill
