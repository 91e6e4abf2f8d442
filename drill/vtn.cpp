// The VTN's objects built from the scenario, and their JSON (components/schemas).
#include "drill/vtn.hpp"

#include <fmt/format.h>

#include "drill/iso_time.hpp"

namespace drsim::drill {

namespace {


Json values_map(const std::string& type, Json values) { return Json{{"type", type}, {"values", std::move(values)}}; }

Json interval(int id, MarketTime from, MarketTime to, Json payloads) {
  return Json{{"id", id},
              {"intervalPeriod", {{"start", iso_time(from)}, {"duration", iso_duration(to - from)}}},
              {"payloads", std::move(payloads)}};
}

}  // namespace

Vtn::Vtn(const Scenario& s) : s_(s) {
  for (const auto& z : s.zones) {
    programs_.push_back({fmt::format("program-{}", programs_.size() + 1), fmt::format("LMR-PY{}-{}", s.planning_year, z.id), z.id});
  }
  for (const auto& p : s.participants) vens_.push_back({fmt::format("ven-{}", vens_.size() + 1), p.id, {}});
  for (std::size_t r = 0; r < s.resources.size(); ++r) {
    const std::size_t v = ven_of(s.resources[r].mp);
    if (v == kNoIndex) continue;  // the loader refuses a resource of no participant
    vens_[v].resources.push_back(resources_.size());
    resources_.push_back({fmt::format("resource-{}", resources_.size() + 1), r, v});
  }
  for (std::size_t i = 0; i < s.instructions.size(); ++i) {
    const Instruction& ins = s.instructions[i];
    Event e;
    e.id = fmt::format("event-{}", i + 1);
    e.instruction = i;
    for (std::size_t k = 0; k < resources_.size(); ++k) {
      if (s.resources[resources_[k].resource].id == ins.resource) e.resource = k;
    }
    if (e.resource != kNoIndex) {
      e.ven = resources_[e.resource].ven;
      const std::string& zone = s.resources[resources_[e.resource].resource].zone;
      for (std::size_t p = 0; p < programs_.size(); ++p) {
        if (programs_[p].zone == zone) e.program = p;
      }
    }
    events_.push_back(e);
  }
}

std::size_t Vtn::ven_of(const std::string& mp) const {
  for (std::size_t v = 0; v < vens_.size(); ++v) {
    if (vens_[v].mp == mp) return v;
  }
  return kNoIndex;
}

void Vtn::publish(std::size_t instruction, MarketTime now) {
  Event& e = events_[instruction];
  if (e.program == kNoIndex || e.ven == kNoIndex) return;  // an instruction of no resource: the loader refuses it
  e.published = true;
  e.created = e.modified = now;
  notify_event(instruction, "POST");
}

void Vtn::withdraw(std::size_t instruction, MarketTime now) {
  Event& e = events_[instruction];
  if (!e.published) return;
  e.withdrawn = now;
  e.modified = now;
  notify_event(instruction, "PUT");
}

Json Vtn::program_json(std::size_t i) const {
  const Program& p = programs_[i];
  const MarketTime from = MarketTime::at(Date::from_ymd(s_.planning_year, 6, 1));
  const MarketTime to = MarketTime::at(Date::from_ymd(s_.planning_year + 1, 6, 1));
  return Json{{"id", p.id},
              {"objectType", "PROGRAM"},
              {"programName", p.name},
              {"programLongName", fmt::format("MISO Load Modifying Resources, planning year {}/{}, zone {}",
                                              s_.planning_year, s_.planning_year + 1, p.zone)},
              {"retailerName", "MISO"},
              {"programType", "LMR_EMERGENCY"},
              {"country", "US"},
              {"timeZoneOffset", "-PT5H"},
              {"intervalPeriod", {{"start", iso_time(from)}, {"duration", fmt::format("P{}D", (to - from).in_seconds() / 86400)}}},
              {"bindingEvents", true},
              {"payloadDescriptors",
               Json::array({{{"objectType", "EVENT_PAYLOAD_DESCRIPTOR"}, {"payloadType", "INSTRUCTED_MW"}, {"units", "MW"}},
                            {{"objectType", "REPORT_PAYLOAD_DESCRIPTOR"}, {"payloadType", "TARGET_MW"}, {"units", "MW"}},
                            {{"objectType", "REPORT_PAYLOAD_DESCRIPTOR"},
                             {"payloadType", "METERED_MW"},
                             {"readingType", "DIRECT_READ"},
                             {"units", "MW"}}})},
              {"targets", Json::array({values_map("ZONE", Json::array({p.zone}))})}};
}

Json Vtn::ven_json(std::size_t i) const {
  const Ven& v = vens_[i];
  Json resources = Json::array();
  for (std::size_t r : v.resources) resources.push_back(resource_json(r));
  return Json{{"id", v.id}, {"objectType", "VEN"}, {"venName", v.mp}, {"resources", std::move(resources)}};
}

Json Vtn::resource_json(std::size_t i) const {
  const ResourceObj& r = resources_[i];
  const Resource& res = s_.resources[r.resource];
  return Json{{"id", r.id},
              {"objectType", "RESOURCE"},
              {"resourceName", res.id},
              {"venID", vens_[r.ven].id},
              {"attributes", Json::array({values_map("ZONE", Json::array({res.zone})),
                                          values_map("LBA", Json::array({res.lba})),
                                          values_map("CPNODE", Json::array({res.cpnode})),
                                          values_map("PROTOCOL", Json::array({std::string(name(res.protocol))}))})}};
}

Json Vtn::event_json(std::size_t i) const {
  const Event& e = events_[i];
  const Instruction& ins = s_.instructions[i];
  Json intervals = Json::array();
  auto payloads = [&e](Mw mw) {
    Json p = Json::array({values_map("INSTRUCTED_MW", Json::array({number_of(mw.value())}))});
    if (e.withdrawn) p.push_back(values_map("WITHDRAWN_AT", Json::array({iso_time(*e.withdrawn)})));
    return p;
  };
  if (ins.mw) {
    intervals.push_back(interval(0, ins.start, ins.end, payloads(*ins.mw)));
  } else {
    int id = 0;
    for (const auto& [hour, mw] : ins.mw_by_hour) {
      const MarketTime from = std::max(hour, ins.start);
      const MarketTime to = std::min(hour + Duration::hours(1), ins.end);
      if (from < to) intervals.push_back(interval(id++, from, to, payloads(mw)));
    }
  }
  const Resource& res = s_.resources[resources_[e.resource].resource];
  return Json{{"id", e.id},
              {"createdDateTime", iso_time(e.created)},
              {"modificationDateTime", iso_time(e.modified)},
              {"objectType", "EVENT"},
              {"programID", programs_[e.program].id},
              {"eventName", ins.id},
              {"priority", 0},
              {"targets", Json::array({values_map("VEN_NAME", Json::array({vens_[e.ven].mp})),
                                       values_map("RESOURCE_NAME", Json::array({res.id}))})},
              {"reportDescriptors", Json::array({{{"payloadType", "TARGET_MW"}, {"units", "MW"}},
                                                 {{"payloadType", "METERED_MW"}, {"readingType", "DIRECT_READ"}, {"units", "MW"}}})},
              {"payloadDescriptors",
               Json::array({{{"objectType", "EVENT_PAYLOAD_DESCRIPTOR"}, {"payloadType", "INSTRUCTED_MW"}, {"units", "MW"}}})},
              {"intervalPeriod", {{"start", iso_time(ins.start)}, {"duration", iso_duration(ins.end - ins.start)}}},
              {"intervals", std::move(intervals)}};
}

}  // namespace drsim::drill
