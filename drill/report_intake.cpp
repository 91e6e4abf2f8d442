// POST /reports: a VEN's advanced reporting target (TARGET_MW) and meter readings (METERED_MW),
// checked whole before anything is kept, and taken into the scenario's own types.
#include <algorithm>

#include <fmt/format.h>

#include "drill/iso_time.hpp"
#include "drill/vtn.hpp"
#include "scenarios/meter_reader.hpp"
#include "scenarios/value_parsers.hpp"

namespace drsim::drill {

namespace {


struct Period {
  std::optional<MarketTime> start;
  std::optional<Duration> duration;
};

// An intervalPeriod object, over `inherited` (the resource's or report's).
std::optional<std::string> read_period(const Json& j, Period& p) {
  if (!j.is_object()) return "intervalPeriod is not an object";
  if (!j.contains("start") || !j["start"].is_string()) return "intervalPeriod.start is missing or not a string";
  const auto start = parse_iso_time(j["start"].get_ref<const std::string&>());
  if (!start) return fmt::format("intervalPeriod.start {} is not an ISO 8601 date-time", j["start"].dump());
  p.start = start;
  if (j.contains("duration")) {
    if (!j["duration"].is_string()) return "intervalPeriod.duration is not a string";
    const auto d = parse_iso_duration(j["duration"].get_ref<const std::string&>());
    if (!d) return fmt::format("intervalPeriod.duration {} is not an ISO 8601 duration in days, hours, minutes or seconds",
                               j["duration"].dump());
    p.duration = d;
  }
  return std::nullopt;
}

bool is_string(const Json& j, const char* key, std::size_t max = 128) {
  return j.contains(key) && j[key].is_string() && !j[key].get_ref<const std::string&>().empty() &&
         j[key].get_ref<const std::string&>().size() <= max;
}

}  // namespace

Reply Vtn::post_report(const std::string& body, const std::string& ven, MarketTime now) {
  std::string error;
  const auto parsed = parse_body(body, error);
  if (!parsed) return problem(400, "the body is not JSON: " + error);
  const Json& j = *parsed;
  if (!j.is_object()) return problem(400, "a report is a JSON object");
  for (const char* key : {"programID", "eventID", "clientName"}) {
    if (!is_string(j, key)) return problem(400, fmt::format("report.{} is missing or not a string of 1 to 128 characters", key));
  }
  if (!j.contains("resources") || !j["resources"].is_array()) return problem(400, "report.resources is missing or not an array");
  const std::string& event_id = j["eventID"].get_ref<const std::string&>();
  std::size_t ev = kNoIndex;
  for (std::size_t i = 0; i < events_.size(); ++i) {
    if (events_[i].id == event_id && events_[i].published) ev = i;
  }
  if (ev == kNoIndex) return problem(400, "report.eventID " + event_id + " names no event");
  const Event& e = events_[ev];
  if (ven.empty() || vens_[e.ven].mp != ven) return problem(403, "event " + event_id + " is another participant's");
  if (programs_[e.program].id != j["programID"]) return problem(400, "report.programID is not the program of event " + event_id);
  const Instruction& ins = s_.instructions[e.instruction];
  const Resource& res = s_.resources[resources_[e.resource].resource];

  Period report_period;
  if (j.contains("intervalPeriod")) {
    if (auto err = read_period(j["intervalPeriod"], report_period)) return problem(400, "report." + *err);
  }
  std::optional<AdvancedReport> target;
  std::vector<MeterRow> rows;
  Json stored = j;
  for (std::size_t k = 0; k < j["resources"].size(); ++k) {
    const Json& rj = j["resources"][k];
    const std::string where = fmt::format("report.resources[{}]", k);
    if (!rj.is_object() || !is_string(rj, "resourceName") || !rj.contains("intervals") || !rj["intervals"].is_array()) {
      return problem(400, where + " needs a resourceName (1 to 128 characters) and an intervals array");
    }
    const std::string& name = rj["resourceName"].get_ref<const std::string&>();
    if (name != res.id) {
      const bool others = std::any_of(s_.resources.begin(), s_.resources.end(), [&](const Resource& r) { return r.id == name; });
      if (others) return problem(403, fmt::format("{}: resource {} is not the resource of event {}", where, name, event_id));
      return problem(400, fmt::format("{}: no resource {}", where, name));
    }
    Period resource_period = report_period;
    if (rj.contains("intervalPeriod")) {
      if (auto err = read_period(rj["intervalPeriod"], resource_period)) return problem(400, where + "." + *err);
    }
    for (std::size_t n = 0; n < rj["intervals"].size(); ++n) {
      const Json& iv = rj["intervals"][n];
      const std::string at = fmt::format("{}.intervals[{}]", where, n);
      if (!iv.is_object() || !iv.contains("id") || !iv["id"].is_number_integer() || !iv.contains("payloads") ||
          !iv["payloads"].is_array()) {
        return problem(400, at + " needs an integer id and a payloads array");
      }
      Period p = resource_period;
      if (iv.contains("intervalPeriod")) {
        if (auto err = read_period(iv["intervalPeriod"], p)) return problem(400, at + "." + *err);
      }
      for (std::size_t m = 0; m < iv["payloads"].size(); ++m) {
        const Json& pl = iv["payloads"][m];
        const std::string pat = fmt::format("{}.payloads[{}]", at, m);
        if (!pl.is_object() || !is_string(pl, "type") || !pl.contains("values") || !pl["values"].is_array() ||
            pl["values"].size() != 1) {
          return problem(400, pat + " needs a type and one value");
        }
        const auto value = decimal_of(pl["values"][0]);
        if (!value) return problem(400, pat + ".values[0] is not a number");
        // Back to a JSON number in what is kept and answered (parse_body kept its text).
        stored["resources"][k]["intervals"][n]["payloads"][m]["values"][0] = number_of(*value);
        const std::string& type = pl["type"].get_ref<const std::string&>();
        if (type == "TARGET_MW") {
          if (*value < Decimal{}) return problem(400, pat + ": a target cannot be negative");
          if (auto lim = scenarios::check_limit("target_mw", *value)) return problem(400, pat + ": " + *lim);
          if (!target) target = AdvancedReport{ins.id, now, std::nullopt, {}};
          const bool whole = !p.start || (*p.start == ins.start && p.duration && *p.duration == ins.end - ins.start);
          if (whole) {
            if (target->target_mw || !target->target_mw_by_hour.empty()) return problem(400, pat + ": a second target for the window");
            target->target_mw = Mw(*value);
          } else {
            if (!p.start->on_hour() || !p.duration || *p.duration != Duration::hours(1)) {
              return problem(400, pat + ": a target is for the whole window (the event's intervalPeriod) or for one hour (PT1H from HH:00)");
            }
            if (target->target_mw || !target->target_mw_by_hour.emplace(*p.start, Mw(*value)).second) {
              return problem(400, pat + ": a second target for hour " + iso_time(*p.start));
            }
          }
        } else if (type == "METERED_MW") {
          if (!p.start || !p.duration) return problem(400, pat + ": a reading needs its interval's start and duration");
          const std::string minutes = std::to_string(p.duration->in_seconds() / 60);
          const std::string text = value->str();
          const std::string start = p.start->str();
          MeterRow row;
          std::string why;
          const bool good = p.duration->in_seconds() % 60 == 0 &&
                            scenarios::parse_meter_fields({res.id, start, minutes, text}, row,
                                                          [&why](std::size_t, const std::string& msg) { why = msg; });
          if (!good) return problem(400, pat + ": " + (why.empty() ? "not a meter interval (5, 15 or 60 minutes)" : why));
          if (*p.start + *p.duration > now) {
            return problem(400, fmt::format("{}: the interval {} ends after the drill's time {}", pat, iso_time(*p.start), iso_time(now)));
          }
          rows.push_back(row);
        } else {
          return problem(400, pat + ": payload type " + type + " is not TARGET_MW or METERED_MW");
        }
      }
    }
  }
  // A reading may not overlap another of the resource (this report's or one kept before).
  auto overlaps = [](const MeterRow& a, const MeterRow& b) {
    return a.resource == b.resource && a.start < b.start + Duration::minutes(b.minutes) && b.start < a.start + Duration::minutes(a.minutes);
  };
  for (std::size_t a = 0; a < rows.size(); ++a) {
    for (std::size_t b = 0; b < a; ++b) {
      if (overlaps(rows[a], rows[b])) return problem(409, "two readings of the report overlap at " + iso_time(rows[a].start));
    }
    for (const MeterRow& old : meter_) {
      if (overlaps(rows[a], old)) return problem(409, "a reading at " + iso_time(rows[a].start) + " overlaps one received before");
    }
  }
  // Accepted whole: kept, as the scenario would hold it.
  if (target) advanced_.push_back(*target);
  meter_.insert(meter_.end(), rows.begin(), rows.end());
  stored["id"] = fmt::format("report-{}", reports_.size() + 1);
  stored["objectType"] = "REPORT";
  stored["createdDateTime"] = stored["modificationDateTime"] = iso_time(now);
  reports_.push_back({e.ven, ev, stored});
  return Reply{201, stored, {}};
}

}  // namespace drsim::drill
