// libFuzzer target: a VEN's POST /reports body (and a request target) as the drill's VTN takes
// them, on the worked example with SI-1 issued. Properties: any body is answered (a report or a
// problem), a refused one keeps nothing, an accepted one is answered 201 with its id.
#include <cstddef>
#include <cstdint>
#include <string>

#include "drill/vtn.hpp"
#include "scenarios/scenario_loader.hpp"

namespace {

const drsim::Scenario& scenario() {
  static const drsim::Scenario s =
      drsim::load_scenario(std::string(DRSIM_SOURCE_DIR) + "/scenarios/examples/worked-example/scenario.yaml");
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const drsim::Scenario& s = scenario();
  drsim::drill::Vtn vtn(s);
  const auto issued = s.instructions[0].issued;
  vtn.publish(0, issued);
  const std::vector<std::string> scopes = {"read_all", "write_reports", "write_subscriptions"};
  const auto now = issued + drsim::Duration::hours(7);  // 17:00: two hours of readings are over
  const auto r = vtn.handle("POST", "/reports", text, "MP-UTIL", scopes, now);
  const bool kept = vtn.reports_received() == 1;
  if (r.status == 201) {
    if (!kept || !r.body.contains("id")) __builtin_trap();
  } else if (kept || r.status < 400 || !r.body.contains("status") || !vtn.meter_rows().empty() ||
             !vtn.advanced_reporting().empty()) {
    __builtin_trap();
  }
  (void)drsim::drill::to_text(r.body);  // every answer can be sent
  // The same bytes as a request target and as a subscription body.
  (void)drsim::drill::to_text(vtn.handle("GET", "/" + text, "", "MP-UTIL", scopes, now).body);
  (void)drsim::drill::to_text(vtn.handle("POST", "/subscriptions", text, "MP-UTIL", scopes, now).body);
  return 0;
}
