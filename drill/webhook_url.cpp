// Loopback webhook URLs.
#include "drill/webhook_url.hpp"

#include <charconv>

namespace drsim::drill {

std::optional<LoopbackUrl> parse_loopback_url(const std::string& url) {
  constexpr std::string_view scheme = "http://";
  std::string_view u = url;
  if (u.substr(0, scheme.size()) != scheme) return std::nullopt;
  u.remove_prefix(scheme.size());
  const auto slash = u.find('/');
  std::string_view authority = u.substr(0, slash);
  LoopbackUrl out;
  out.target = slash == std::string_view::npos ? "/" : std::string(u.substr(slash));
  std::string_view host = authority;
  std::string_view port;
  if (authority.substr(0, 1) == "[") {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = authority.substr(1, close - 1);
    const std::string_view rest = authority.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ':') return std::nullopt;
      port = rest.substr(1);
    }
  } else if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (host == "localhost") host = "127.0.0.1";
  if (host != "127.0.0.1" && host != "::1") return std::nullopt;
  out.host = std::string(host);
  if (!port.empty()) {
    unsigned v = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), v);
    if (ec != std::errc() || end != port.data() + port.size() || v == 0 || v > 65535) return std::nullopt;
    out.port = static_cast<unsigned short>(v);
  }
  return out;
}

}  // namespace drsim::drill
