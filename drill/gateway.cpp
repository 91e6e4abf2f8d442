// Tokens, rate limit and the refusal log in front of the VTN's routes.
#include "drill/gateway.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "drill/iso_time.hpp"

namespace drsim::drill {

namespace {

HttpAnswer json_answer(unsigned status, const Json& body) { return {status, to_text(body), {}}; }

// The RFC 6749 error of /auth/token (components/schemas/authError).
HttpAnswer auth_error(const std::string& error, const std::string& description) {
  return json_answer(400, Json{{"error", error}, {"error_description", description}});
}

std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

std::optional<std::string> form_value(const std::string& body, const std::string& key) { return query_value(body, key); }

void Gateway::log_refused(unsigned status, const std::string& method, const std::string& target, const std::string& client,
                          const std::string& detail) {
  ++refused_;
  log_ << fmt::format("drill {} {} {} {} client={}: {}\n", iso_time(now_()), status, method, target,
                      client.empty() ? "-" : client, detail)
       << std::flush;
}

HttpAnswer Gateway::operator()(const HttpRequest& r) {
  HttpAnswer a = answer(r);
  a.drill_time = iso_time(now_());
  return a;
}

HttpAnswer Gateway::answer(const HttpRequest& r) {
  ++requests_;
  const auto wall = TokenStore::Clock::now();
  std::string query;
  const auto path = path_segments(r.target, query);
  const bool is_token = path.size() == 2 && path[0] == "auth" && path[1] == "token";
  const Client* client = nullptr;
  if (!is_token) {
    const std::string prefix = "Bearer ";
    if (r.authorization.compare(0, prefix.size(), prefix) == 0) client = tokens_.lookup(r.authorization.substr(prefix.size()), wall);
  }
  // Each caller's own bucket: the client id once known, else the form's client_id or the address.
  const std::string key = client ? client->id : (is_token ? "token:" + form_value(r.body, "client_id").value_or(r.remote) : "anonymous:" + r.remote);
  if (!rate_.take(key, wall)) {
    const std::string detail = "too many requests: slow down";
    log_refused(429, r.method, r.target, client ? client->id : "", detail);
    return json_answer(429, problem(429, detail).body);
  }
  if (is_token) return token(r);
  if (!client) {
    const std::string detail = r.authorization.empty() ? "no bearer token: get one from POST /auth/token"
                                                       : "the bearer token is unknown or has expired";
    log_refused(401, r.method, r.target, "", detail);
    return json_answer(401, problem(401, detail).body);
  }
  if ((r.method == "POST" || r.method == "PUT") && r.content_type.find("application/json") == std::string::npos) {
    const std::string detail = "the body must be application/json";
    log_refused(400, r.method, r.target, client->id, detail);
    return json_answer(400, problem(400, detail).body);
  }
  const Reply reply = vtn_.handle(r.method, r.target, r.body, client->ven, client->scopes(), now_());
  if (!reply.ok()) log_refused(reply.status, r.method, r.target, client->id, reply.problem);
  return json_answer(reply.status, reply.body);
}

HttpAnswer Gateway::token(const HttpRequest& r) {
  auto refuse = [&](const std::string& error, const std::string& why) {
    log_refused(400, r.method, r.target, form_value(r.body, "client_id").value_or(""), why);
    return auth_error(error, why);
  };
  if (r.method != "POST") return refuse("invalid_request", "POST the client credentials to /auth/token");
  const auto grant = form_value(r.body, "grant_type");
  const auto id = form_value(r.body, "client_id");
  const auto secret = form_value(r.body, "client_secret");
  if (!grant || !id || !secret) return refuse("invalid_request", "grant_type, client_id and client_secret are required");
  if (*grant != "client_credentials") return refuse("unsupported_grant_type", "only client_credentials is supported");
  const Client* c = tokens_.authenticate(*id, *secret);
  if (!c) return refuse("invalid_client", "unknown client_id or wrong client_secret");
  std::vector<std::string> scopes = c->scopes();
  if (const auto asked = form_value(r.body, "scope"); asked && !asked->empty()) {
    for (const auto& s : words(*asked)) {
      if (std::find(scopes.begin(), scopes.end(), s) == scopes.end()) {
        return refuse("invalid_scope", "scope " + s + " is not granted to client " + c->id);
      }
    }
  }
  std::string scope;
  for (const auto& s : scopes) scope += (scope.empty() ? "" : " ") + s;
  const std::string token = tokens_.issue(*c, TokenStore::Clock::now());
  return json_answer(200, Json{{"access_token", token},
                               {"token_type", "Bearer"},
                               {"expires_in", tokens_.ttl().count()},
                               {"scope", scope}});
}

}  // namespace drsim::drill
