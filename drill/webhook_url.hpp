// Webhook callback URLs: plain http:// on loopback only.
#pragma once

#include <optional>
#include <string>

namespace drsim::drill {

struct LoopbackUrl {
  std::string host;  // 127.0.0.1 or ::1 (localhost is taken as 127.0.0.1)
  unsigned short port = 80;
  std::string target = "/";
};

// The parts of an http:// URL whose host is 127.0.0.1, localhost or [::1]; nothing otherwise.
std::optional<LoopbackUrl> parse_loopback_url(const std::string& url);

}  // namespace drsim::drill
