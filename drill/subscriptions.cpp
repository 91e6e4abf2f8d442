// /subscriptions: webhooks to loopback URLs, called when an event is created (POST) or changed (PUT).
#include <algorithm>

#include <fmt/format.h>

#include "drill/iso_time.hpp"
#include "drill/vtn.hpp"
#include "drill/webhook_url.hpp"

namespace drsim::drill {

namespace {

bool in(const Json& list, const std::string& v) {
  return std::any_of(list.begin(), list.end(), [&v](const Json& x) { return x == v; });
}

// What is wrong with a subscription body, or nothing.
std::optional<std::string> check_subscription(const Json& j) {
  if (!j.is_object()) return "a subscription is a JSON object";
  for (const char* key : {"clientName", "programID"}) {
    if (!j.contains(key) || !j[key].is_string() || j[key].get_ref<const std::string&>().empty()) {
      return fmt::format("subscription.{} is missing or not a string", key);
    }
  }
  if (!j.contains("objectOperations") || !j["objectOperations"].is_array() || j["objectOperations"].empty()) {
    return "subscription.objectOperations is missing or not a non-empty array";
  }
  static const std::vector<std::string> objects = {"PROGRAM", "EVENT", "REPORT", "SUBSCRIPTION", "VEN", "RESOURCE"};
  static const std::vector<std::string> operations = {"READ", "CREATE", "UPDATE", "DELETE"};
  for (std::size_t k = 0; k < j["objectOperations"].size(); ++k) {
    const Json& op = j["objectOperations"][k];
    const std::string at = fmt::format("subscription.objectOperations[{}]", k);
    if (!op.is_object() || !op.contains("objects") || !op["objects"].is_array() || !op.contains("operations") ||
        !op["operations"].is_array() || !op.contains("callbackUrl") || !op["callbackUrl"].is_string()) {
      return at + " needs objects, operations and a callbackUrl";
    }
    for (const Json& o : op["objects"]) {
      if (!o.is_string() || std::find(objects.begin(), objects.end(), o.get<std::string>()) == objects.end()) {
        return at + ".objects: " + o.dump() + " is not an object type";
      }
    }
    for (const Json& o : op["operations"]) {
      if (!o.is_string() || std::find(operations.begin(), operations.end(), o.get<std::string>()) == operations.end()) {
        return at + ".operations: " + o.dump() + " is not READ, CREATE, UPDATE or DELETE";
      }
    }
    if (op.contains("bearerToken") && !op["bearerToken"].is_string() && !op["bearerToken"].is_null()) {
      return at + ".bearerToken is not a string";
    }
    if (!parse_loopback_url(op["callbackUrl"].get<std::string>())) {
      return at + ".callbackUrl " + op["callbackUrl"].dump() + " is not an http:// URL on loopback (127.0.0.1, localhost or [::1])";
    }
  }
  return std::nullopt;
}

}  // namespace

Reply Vtn::subscriptions(const std::string& method, const std::vector<std::string>& path, const std::string& body,
                         const std::string& ven, MarketTime now) {
  if (path.size() == 1 && method == "GET") {
    Json all = Json::array();
    for (const auto& s : subscriptions_) {
      if (sees(ven, s.ven)) all.push_back(s.object);
    }
    return Reply{200, std::move(all), {}};
  }
  if (path.size() == 1 && method == "POST") {
    std::string error;
    auto parsed = parse_body(body, error);
    if (!parsed) return problem(400, "the body is not JSON: " + error);
    if (auto why = check_subscription(*parsed)) return problem(400, *why);
    Json& j = *parsed;
    const std::string& program = j["programID"].get_ref<const std::string&>();
    if (std::none_of(programs_.begin(), programs_.end(), [&program](const Program& p) { return p.id == program; })) {
      return problem(400, "subscription.programID " + program + " names no program");
    }
    j.erase("targets");  // kept out: the drill filters by program and VEN only
    j["id"] = fmt::format("subscription-{}", next_subscription_++);
    j["objectType"] = "SUBSCRIPTION";
    j["createdDateTime"] = j["modificationDateTime"] = iso_time(now);
    subscriptions_.push_back({ven, j});
    return Reply{201, j, {}};
  }
  if (path.size() != 2) return problem(404, "no such path");
  const auto it = std::find_if(subscriptions_.begin(), subscriptions_.end(),
                               [&path](const Subscription& s) { return s.object["id"] == path[1]; });
  if (it == subscriptions_.end()) return problem(404, "no subscription " + path[1]);
  if (!sees(ven, it->ven)) return problem(403, "subscription " + path[1] + " is another participant's");
  if (method == "GET") return Reply{200, it->object, {}};
  if (method == "DELETE") {
    Reply r{200, it->object, {}};
    subscriptions_.erase(it);
    return r;
  }
  return problem(403, method + " of a subscription: delete it and post a new one");
}

void Vtn::notify_event(std::size_t event, const std::string& operation) {
  if (!notify_) return;
  const Event& e = events_[event];
  const std::string wanted = operation == "POST" ? "CREATE" : "UPDATE";
  const Json object = event_json(event);
  for (const auto& s : subscriptions_) {
    if (!sees(s.ven, vens_[e.ven].mp) || s.object["programID"] != programs_[e.program].id) continue;
    for (const Json& op : s.object["objectOperations"]) {
      if (!in(op["objects"], "EVENT") || !in(op["operations"], wanted)) continue;
      Notification n;
      n.url = op["callbackUrl"].get<std::string>();
      if (op.contains("bearerToken") && op["bearerToken"].is_string()) n.bearer_token = op["bearerToken"].get<std::string>();
      n.body = Json{{"objectType", "EVENT"}, {"operation", operation}, {"object", object}};
      notify_(std::move(n));
    }
  }
}

}  // namespace drsim::drill
