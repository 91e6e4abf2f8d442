// The Virtual Top Node's objects (OpenADR 3.0.1 components/schemas): programs, VENs, resources,
// events, reports and subscriptions of a drill, built from the scenario, and what the VENs
// reported (advanced reporting entries and meter rows, kept in the scenario's own types).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "drill/json_body.hpp"
#include "drill/reply.hpp"
#include "scenarios/scenario.hpp"

namespace drsim::drill {

// An index that names no entry (of VENs, events, resources).
inline constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);

// A webhook to call: the subscription's callback URL and token, and the notification body.
struct Notification {
  std::string url;
  std::string bearer_token;
  Json body;
};

class Vtn {
 public:
  // Programs (one per planning year and zone), VENs (one per participant), resources (one per
  // LMR) and one event per Scheduling Instruction, not yet published.
  explicit Vtn(const Scenario& s);

  // The engine's instruction_issued: the instruction's event appears (created at `now`).
  void publish(std::size_t instruction, MarketTime now);
  // The engine's instruction_withdrawn: the event is updated with the withdrawal time.
  void withdraw(std::size_t instruction, MarketTime now);

  // Where notifications go (the webhook sender); none until set.
  void on_notify(std::function<void(Notification)> f) { notify_ = std::move(f); }

  // The routes (docs/drill.md): `ven` is the caller's participant (empty for the operator);
  // `scopes` the token's. `now` is the drill's market time. A refused request changes nothing.
  Reply handle(const std::string& method, const std::string& target, const std::string& body, const std::string& ven,
               const std::vector<std::string>& scopes, MarketTime now);

  // What the VENs reported, in the order received.
  const std::vector<AdvancedReport>& advanced_reporting() const { return advanced_; }
  const std::vector<MeterRow>& meter_rows() const { return meter_; }
  std::size_t reports_received() const { return reports_.size(); }

 private:
  struct Program {
    std::string id, name, zone;
  };
  struct Ven {
    std::string id, mp;
    std::vector<std::size_t> resources;
  };
  struct ResourceObj {
    std::string id;
    std::size_t resource;  // index in the scenario
    std::size_t ven;
  };
  struct Event {
    std::string id;
    std::size_t instruction = 0;
    std::size_t program = static_cast<std::size_t>(-1);
    std::size_t ven = static_cast<std::size_t>(-1);
    std::size_t resource = static_cast<std::size_t>(-1);  // index into resources_
    bool published = false;
    MarketTime created, modified;
    std::optional<MarketTime> withdrawn;
  };
  struct Report {
    std::size_t ven;
    std::size_t event;
    Json object;
  };
  struct Subscription {
    std::string ven;  // owner's participant, empty for the operator
    Json object;
  };

  // Objects as the spec's schemas.
  Json program_json(std::size_t i) const;
  Json ven_json(std::size_t i) const;
  Json resource_json(std::size_t i) const;
  Json event_json(std::size_t i) const;

  // Route groups (routes.cpp, report_intake.cpp, subscriptions.cpp).
  Reply get_programs(const std::vector<std::string>& path, const std::string& query) const;
  Reply get_vens(const std::vector<std::string>& path, const std::string& ven) const;
  Reply get_events(const std::vector<std::string>& path, const std::string& query, const std::string& ven) const;
  Reply get_reports(const std::vector<std::string>& path, const std::string& query, const std::string& ven) const;
  Reply post_report(const std::string& body, const std::string& ven, MarketTime now);
  Reply subscriptions(const std::string& method, const std::vector<std::string>& path, const std::string& body,
                      const std::string& ven, MarketTime now);
  // Calls the webhooks subscribed to this event's program and operation ("POST" or "PUT").
  void notify_event(std::size_t event, const std::string& operation);

  // Index of the VEN of participant `mp` (or kNoIndex).
  std::size_t ven_of(const std::string& mp) const;
  // True when the caller (participant `ven`, or the operator when empty) may see VEN `v`'s objects.
  static bool sees(const std::string& ven, const std::string& owner) { return ven.empty() || ven == owner; }

  const Scenario& s_;
  std::vector<Program> programs_;
  std::vector<Ven> vens_;
  std::vector<ResourceObj> resources_;
  std::vector<Event> events_;  // parallel to s_.instructions
  std::vector<Report> reports_;
  std::vector<Subscription> subscriptions_;
  std::size_t next_subscription_ = 1;
  std::vector<AdvancedReport> advanced_;
  std::vector<MeterRow> meter_;
  std::function<void(Notification)> notify_;
};

// Splits a request target into its path segments and its query (after '?').
std::vector<std::string> path_segments(const std::string& target, std::string& query);
// The value of `key` in a query string (percent-decoded), or nothing.
std::optional<std::string> query_value(const std::string& query, const std::string& key);

}  // namespace drsim::drill
