// OAuth2 client credentials of a drill: one client per VEN (market participant) and an
// operator, and the bearer tokens /auth/token hands out (they expire).
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/scenario.hpp"

namespace drsim::drill {

struct Client {
  std::string id;
  std::string secret;
  std::string ven;  // the market participant it speaks for; empty for the operator
  bool operator_role() const { return ven.empty(); }
  // The scopes of the role (the spec's securitySchemes names).
  std::vector<std::string> scopes() const;
};

// The clients of a drill. Without a file: each participant id is its own client id and secret,
// and "operator"/"operator" is the operator (loopback drills only, docs/drill.md). A file
// (`--clients`) is CSV `client_id,client_secret,participant` (participant `operator` for the
// operator); lines starting with # are comments. Throws std::runtime_error naming a bad line.
std::vector<Client> default_clients(const Scenario& s);
std::vector<Client> read_clients(const std::string& path, const Scenario& s);

class TokenStore {
 public:
  using Clock = std::chrono::steady_clock;
  explicit TokenStore(std::vector<Client> clients, std::chrono::seconds ttl) : clients_(std::move(clients)), ttl_(ttl) {}
  // The client with these credentials, or null.
  const Client* authenticate(const std::string& id, const std::string& secret) const;
  // A new random bearer token for `c`, valid for ttl() from `now`.
  std::string issue(const Client& c, Clock::time_point now);
  // The client a token belongs to while it is valid, or null (unknown or expired).
  const Client* lookup(const std::string& token, Clock::time_point now) const;
  std::chrono::seconds ttl() const { return ttl_; }

 private:
  struct Token {
    std::size_t client;
    Clock::time_point expires;
  };
  std::vector<Client> clients_;
  std::chrono::seconds ttl_;
  std::map<std::string, Token> tokens_;
};

}  // namespace drsim::drill
