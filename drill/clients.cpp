// Client credentials and expiring bearer tokens.
#include "drill/clients.hpp"

#include <algorithm>
#include <fstream>
#include <random>
#include <stdexcept>

#include <fmt/format.h>

namespace drsim::drill {

std::vector<std::string> Client::scopes() const {
  if (operator_role()) return {"read_all", "write_programs", "write_events", "write_subscriptions", "write_vens"};
  return {"read_all", "write_reports", "write_subscriptions"};
}

std::vector<Client> default_clients(const Scenario& s) {
  std::vector<Client> out;
  for (const auto& p : s.participants) out.push_back({p.id, p.id, p.id});
  out.push_back({"operator", "operator", ""});
  return out;
}

std::vector<Client> read_clients(const std::string& path, const Scenario& s) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the clients file " + path);
  std::vector<Client> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const auto a = line.find(',');
    const auto b = a == std::string::npos ? a : line.find(',', a + 1);
    if (b == std::string::npos || line.find(',', b + 1) != std::string::npos) {
      throw std::runtime_error(fmt::format("{}:{}: expected client_id,client_secret,participant", path, n));
    }
    Client c{line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)};
    if (n == 1 && c.id == "client_id") continue;  // a header line
    if (c.id.empty() || c.secret.empty()) throw std::runtime_error(fmt::format("{}:{}: empty client id or secret", path, n));
    if (c.ven == "operator") {
      c.ven.clear();
    } else if (std::none_of(s.participants.begin(), s.participants.end(), [&c](const Participant& p) { return p.id == c.ven; })) {
      throw std::runtime_error(fmt::format("{}:{}: {} is not a participant of the scenario", path, n, c.ven));
    }
    for (const auto& o : out) {
      if (o.id == c.id) throw std::runtime_error(fmt::format("{}:{}: client {} given twice", path, n, c.id));
    }
    out.push_back(std::move(c));
  }
  return out;
}

const Client* TokenStore::authenticate(const std::string& id, const std::string& secret) const {
  for (const auto& c : clients_) {
    if (c.id == id && c.secret == secret) return &c;
  }
  return nullptr;
}

std::string TokenStore::issue(const Client& c, Clock::time_point now) {
  static std::random_device rd;
  std::string token;
  for (int i = 0; i < 4; ++i) token += fmt::format("{:08x}", rd());
  // Expired tokens go when a new one is issued: the store never grows past the live ones.
  std::erase_if(tokens_, [now](const auto& kv) { return kv.second.expires <= now; });
  tokens_[token] = Token{static_cast<std::size_t>(&c - clients_.data()), now + ttl_};
  return token;
}

const Client* TokenStore::lookup(const std::string& token, Clock::time_point now) const {
  const auto it = tokens_.find(token);
  if (it == tokens_.end() || it->second.expires <= now) return nullptr;
  return &clients_[it->second.client];
}

}  // namespace drsim::drill
