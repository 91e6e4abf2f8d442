// The VTN's routes: which caller may read or write what, and the list queries (skip, limit).
#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "drill/vtn.hpp"

namespace drsim::drill {

namespace {

// The spec's maximum page (skip and limit query parameters).
constexpr long kMaxLimit = 50;

bool has(const std::vector<std::string>& scopes, const std::string& s) {
  return std::find(scopes.begin(), scopes.end(), s) != scopes.end();
}

// The page of `all` that skip and limit select, or the problem with them.
Reply page(const Json& all, const std::string& query) {
  long skip = 0;
  long limit = kMaxLimit;
  for (auto [key, out] : {std::pair<const char*, long*>{"skip", &skip}, {"limit", &limit}}) {
    if (auto v = query_value(query, key)) {
      const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), *out);
      if (ec != std::errc() || end != v->data() + v->size() || *out < 0) {
        return problem(400, fmt::format("query parameter {}={} is not a whole number of 0 or more", key, *v));
      }
    }
  }
  if (limit > kMaxLimit) return problem(400, fmt::format("limit={} is over the maximum of {}", limit, kMaxLimit));
  Json out = Json::array();
  for (long i = skip; i < static_cast<long>(all.size()) && i < skip + limit; ++i) out.push_back(all[static_cast<std::size_t>(i)]);
  Reply r;
  r.body = std::move(out);
  return r;
}

unsigned char hex(char c) {
  if (c >= '0' && c <= '9') return static_cast<unsigned char>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<unsigned char>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<unsigned char>(c - 'A' + 10);
  return 255;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) < 16 && hex(s[i + 2]) < 16) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

// The index of the object whose "id" is `id` among `n` objects, or kNoIndex.
template <class F>
std::size_t find_id(std::size_t n, const std::string& id, F id_of) {
  for (std::size_t i = 0; i < n; ++i) {
    if (id_of(i) == id) return i;
  }
  return kNoIndex;
}

}  // namespace

std::vector<std::string> path_segments(const std::string& target, std::string& query) {
  std::string_view t = target;
  const auto q = t.find('?');
  query = q == std::string_view::npos ? "" : std::string(t.substr(q + 1));
  t = t.substr(0, q);
  constexpr std::string_view base = "/openadr3/3.0.1";  // the spec's server path, optional
  if (t.substr(0, base.size()) == base) t.remove_prefix(base.size());
  std::vector<std::string> out;
  while (!t.empty()) {
    if (t.front() == '/') {
      t.remove_prefix(1);
      continue;
    }
    const auto slash = t.find('/');
    out.push_back(percent_decode(t.substr(0, slash)));
    t = slash == std::string_view::npos ? std::string_view() : t.substr(slash);
  }
  return out;
}

std::optional<std::string> query_value(const std::string& query, const std::string& key) {
  std::string_view q = query;
  while (!q.empty()) {
    const auto amp = q.find('&');
    const std::string_view part = q.substr(0, amp);
    const auto eq = part.find('=');
    if (percent_decode(part.substr(0, eq)) == key) return percent_decode(eq == std::string_view::npos ? "" : part.substr(eq + 1));
    q = amp == std::string_view::npos ? std::string_view() : q.substr(amp + 1);
  }
  return std::nullopt;
}

Reply Vtn::handle(const std::string& method, const std::string& target, const std::string& body, const std::string& ven,
                  const std::vector<std::string>& scopes, MarketTime now) {
  std::string query;
  const auto path = path_segments(target, query);
  if (path.empty()) return problem(404, "no such path: " + target);
  const std::string& top = path[0];
  const bool known = top == "programs" || top == "vens" || top == "events" || top == "reports" || top == "subscriptions";
  if (!known) return problem(404, "no such path: " + target);
  if (method == "GET" && !has(scopes, "read_all")) return problem(403, "the token has no read_all scope");
  if (top == "subscriptions") {
    if (method != "GET" && !has(scopes, "write_subscriptions")) return problem(403, "the token has no write_subscriptions scope");
    return subscriptions(method, path, body, ven, now);
  }
  if (method == "GET") {
    if (top == "programs") return get_programs(path, query);
    if (top == "vens") return get_vens(path, ven);
    if (top == "events") return get_events(path, query, ven);
    return get_reports(path, query, ven);
  }
  if (top == "reports" && method == "POST" && path.size() == 1) {
    if (!has(scopes, "write_reports")) return problem(403, "the token has no write_reports scope");
    return post_report(body, ven, now);
  }
  if (top == "reports") return problem(403, "reports are kept as received: post a new report to correct one");
  return problem(403, fmt::format("{} of {}: the drill's programs, VENs, resources and events come from the scenario",
                                  method, top));
}

Reply Vtn::get_programs(const std::vector<std::string>& path, const std::string& query) const {
  if (path.size() == 1) {
    Json all = Json::array();
    for (std::size_t i = 0; i < programs_.size(); ++i) all.push_back(program_json(i));
    return page(all, query);
  }
  if (path.size() != 2) return problem(404, "no such path");
  const std::size_t i = find_id(programs_.size(), path[1], [this](std::size_t k) { return programs_[k].id; });
  if (i == kNoIndex) return problem(404, "no program " + path[1]);
  return Reply{200, program_json(i), {}};
}

Reply Vtn::get_vens(const std::vector<std::string>& path, const std::string& ven) const {
  if (path.size() == 1) {
    Json all = Json::array();
    for (std::size_t i = 0; i < vens_.size(); ++i) {
      if (sees(ven, vens_[i].mp)) all.push_back(ven_json(i));
    }
    return Reply{200, std::move(all), {}};
  }
  const std::size_t v = find_id(vens_.size(), path[1], [this](std::size_t k) { return vens_[k].id; });
  if (v == kNoIndex) return problem(404, "no VEN " + path[1]);
  if (!sees(ven, vens_[v].mp)) return problem(403, "VEN " + path[1] + " is another participant's");
  if (path.size() == 2) return Reply{200, ven_json(v), {}};
  if (path[2] != "resources" || path.size() > 4) return problem(404, "no such path");
  if (path.size() == 3) {
    Json all = Json::array();
    for (std::size_t r : vens_[v].resources) all.push_back(resource_json(r));
    return Reply{200, std::move(all), {}};
  }
  for (std::size_t r : vens_[v].resources) {
    if (resources_[r].id == path[3]) return Reply{200, resource_json(r), {}};
  }
  return problem(404, "no resource " + path[3] + " of VEN " + path[1]);
}

Reply Vtn::get_events(const std::vector<std::string>& path, const std::string& query, const std::string& ven) const {
  if (path.size() == 1) {
    const auto program = query_value(query, "programID");
    Json all = Json::array();
    for (std::size_t i = 0; i < events_.size(); ++i) {
      const Event& e = events_[i];
      if (!e.published || !sees(ven, vens_[e.ven].mp)) continue;
      if (program && programs_[e.program].id != *program) continue;
      all.push_back(event_json(i));
    }
    return page(all, query);
  }
  if (path.size() != 2) return problem(404, "no such path");
  const std::size_t i = find_id(events_.size(), path[1], [this](std::size_t k) { return events_[k].id; });
  if (i == kNoIndex || !events_[i].published) return problem(404, "no event " + path[1]);  // not issued yet: not there
  if (!sees(ven, vens_[events_[i].ven].mp)) return problem(403, "event " + path[1] + " is another participant's");
  return Reply{200, event_json(i), {}};
}

Reply Vtn::get_reports(const std::vector<std::string>& path, const std::string& query, const std::string& ven) const {
  if (path.size() == 1) {
    const auto event = query_value(query, "eventID");
    Json all = Json::array();
    for (const Report& r : reports_) {
      if (!sees(ven, vens_[r.ven].mp)) continue;
      if (event && events_[r.event].id != *event) continue;
      all.push_back(r.object);
    }
    return page(all, query);
  }
  if (path.size() != 2) return problem(404, "no such path");
  for (const Report& r : reports_) {
    if (r.object["id"] != path[1]) continue;
    if (!sees(ven, vens_[r.ven].mp)) return problem(403, "report " + path[1] + " is another participant's");
    return Reply{200, r.object, {}};
  }
  return problem(404, "no report " + path[1]);
}

}  // namespace drsim::drill
