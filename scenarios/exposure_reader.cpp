// The `exposure:` section reader: distributions of the Monte Carlo year, checked key by key.
#include "scenarios/exposure_reader.hpp"

#include <fmt/format.h>

#include "sim/exposure_model.hpp"

namespace drsim::scenarios {

using sim::Coverage;
using sim::DecimalRange;
using sim::default_exposure_model;
using sim::ExposureModel;
using sim::IntDistribution;
using sim::LmpDistribution;
using sim::SeasonExposure;

namespace {

const Decimal kMaxPoissonMean = Decimal::from_int(100);

// An integer distribution `{min, max}`, `{values: [...]}` or `{poisson_mean: m}`, each
// value within [lo, hi]. Keeps `d` unchanged when anything is wrong.
void read_int_distribution(LoadState& st, const Field& f, int lo, int hi, IntDistribution& d) {
  MapFields m(st.reader, f);
  if (!m.ok()) return;
  const auto before = st.reader.problems().size();
  const int forms = int{m.has("min") || m.has("max")} + int{m.has("values")} + int{m.has("poisson_mean")};
  IntDistribution out;
  auto in_bounds = [&](const Field& at, long long v) {
    if (v < lo || v > hi) {
      st.reader.error(at, fmt::format("{} is outside {}..{}", v, lo, hi));
      return false;
    }
    return true;
  };
  if (forms != 1) {
    st.reader.error(f, "give one of {min, max}, {values: [...]} or {poisson_mean: m}");
  } else if (m.has("values")) {
    out.kind = IntDistribution::Kind::values;
    if (auto items = st.reader.items(*m.get("values"))) {
      if (items->empty()) st.reader.error(*m.get("values"), "the list of values is empty");
      for (const auto& item : *items) {
        if (auto v = st.reader.integer(item); v && in_bounds(item, *v)) out.values.push_back(static_cast<int>(*v));
      }
    }
  } else if (m.has("poisson_mean")) {
    out.kind = IntDistribution::Kind::poisson;
    if (auto v = m.number("poisson_mean")) {
      if (*v > kMaxPoissonMean) {
        st.reader.error(*m.get("poisson_mean"), fmt::format("mean {} is above {}", v->str(), kMaxPoissonMean.str()));
      }
      out.mean = *v;
    }
    if (lo > 0) st.reader.error(f, fmt::format("a Poisson draw can be 0, below the least allowed value {}", lo));
  } else {
    out.kind = IntDistribution::Kind::range;
    auto a = m.integer("min");
    auto b = m.integer("max");
    if (a && b) {
      if (in_bounds(*m.get("min"), *a) && in_bounds(*m.get("max"), *b)) {
        if (*a > *b) st.reader.error(*m.get("max"), fmt::format("max {} is below min {}", *b, *a));
        out.min = static_cast<int>(*a);
        out.max = static_cast<int>(*b);
      }
    }
  }
  m.finish();
  if (st.reader.problems().size() == before) d = std::move(out);
}

void read_range(LoadState& st, const Field& f, int places, std::optional<Decimal> upper, DecimalRange& r) {
  MapFields m(st.reader, f);
  if (!m.ok()) return;
  const auto before = st.reader.problems().size();
  auto a = m.number("min");
  auto b = m.number("max");
  if (a && b && *a > *b) st.reader.error(*m.get("max"), fmt::format("max {} is below min {}", b->str(), a->str()));
  if (b && upper && *b > *upper) st.reader.error(*m.get("max"), fmt::format("{} is above {}", b->str(), upper->str()));
  m.finish();
  if (a && b && st.reader.problems().size() == before) r = DecimalRange{*a, *b, places};
}

void read_probability(LoadState& st, MapFields& m, std::string_view key, Decimal& p) {
  if (auto v = m.number(key, Need::optional)) {
    if (*v > Decimal::from_int(1)) {
      st.reader.error(*m.get(key), fmt::format("probability {} is above 1", v->str()));
    } else {
      p = *v;
    }
  }
}

void read_season(LoadState& st, const Field& f, SeasonExposure& se) {
  MapFields m(st.reader, f);
  if (!m.ok()) return;
  if (auto v = m.get("emergencies")) read_int_distribution(st, *v, 0, 92, se.emergencies);
  if (auto v = m.get("hours")) read_int_distribution(st, *v, 1, 24, se.hours);
  if (auto v = m.get("start_hour")) read_int_distribution(st, *v, 0, 23, se.start_hour);
  m.finish();
}

void read_lmp(LoadState& st, const Field& f, LmpDistribution& lp) {
  MapFields m(st.reader, f);
  if (!m.ok()) return;
  auto set = [&](std::string_view key, Decimal& out) {
    if (auto v = m.number(key, Need::optional)) out = *v;
  };
  set("median_usd_per_mwh", lp.median_usd_per_mwh);
  set("sigma", lp.sigma);
  read_probability(st, m, "spike_probability", lp.spike_probability);
  set("spike_median_usd_per_mwh", lp.spike_median_usd_per_mwh);
  set("spike_sigma", lp.spike_sigma);
  set("hour_sigma", lp.hour_sigma);
  set("cap_usd_per_mwh", lp.cap_usd_per_mwh);
  set("floor_usd_per_mwh", lp.floor_usd_per_mwh);
  for (const char* key : {"sigma", "spike_sigma", "hour_sigma"}) {
    if (auto v = m.get(key); v && v->node.IsScalar()) {
      if (auto d = Decimal::parse(v->node.Scalar()); d && *d > Decimal::from_int(5)) {
        st.reader.error(*v, fmt::format("sigma {} is above 5", d->str()));
      }
    }
  }
  if (lp.floor_usd_per_mwh > lp.cap_usd_per_mwh) {
    st.reader.error(f, fmt::format("floor_usd_per_mwh {} is above cap_usd_per_mwh {}", lp.floor_usd_per_mwh.str(),
                                   lp.cap_usd_per_mwh.str()));
  }
  m.finish();
}

void read_delivered(LoadState& st, const Field& f, ExposureModel& model) {
  MapFields m(st.reader, f);
  if (!m.ok()) return;
  const std::optional<Decimal> upper = Decimal::from_int(2);
  if (auto v = m.get("default")) read_range(st, *v, 3, upper, model.delivered_fraction);
  const char* protocols[] = {"baseline", "firm_service_level", "metered_generation"};
  for (std::size_t p = 0; p < 3; ++p) {
    if (auto v = m.get(protocols[p])) {
      DecimalRange r = model.delivered_by_protocol[p].value_or(model.delivered_fraction);
      read_range(st, *v, 3, upper, r);
      model.delivered_by_protocol[p] = r;
    }
  }
  if (auto v = m.get("resources"); v && !v->node.IsNull()) {
    if (!v->node.IsMap()) {
      st.reader.error(*v, fmt::format("expected a map keyed by resource id, got {}", YamlReader::describe(v->node)));
    } else {
      for (auto it = v->node.begin(); it != v->node.end(); ++it) {
        const std::string id = it->first.IsScalar() ? it->first.Scalar() : "?";
        const Field key{it->first, YamlReader::mark_of(it->first), fmt::format("{}.{}", v->path, id)};
        Field value{it->second, YamlReader::mark_of(it->second), key.path};
        if (value.mark.line == 0) value.mark = key.mark;
        st.refer(IdKind::resource, id, key);
        DecimalRange r = model.delivered_fraction;
        read_range(st, value, 3, upper, r);
        model.delivered_by_resource[id] = r;
      }
    }
  }
  m.finish();
}

void read_coverage(LoadState& st, const Field& f, ExposureModel& model) {
  auto items = st.reader.items(f);
  if (!items) return;
  if (items->empty()) st.reader.error(f, "the coverage list is empty (leave it out to cover every LBA)");
  for (const auto& item : *items) {
    MapFields m(st.reader, item);
    if (!m.ok()) continue;
    Coverage c;
    if (auto lbas = m.get("lbas", Need::required)) {
      if (auto ids = st.reader.items(*lbas)) {
        if (ids->empty()) st.reader.error(*lbas, "an emergency covers at least one LBA");
        for (const auto& id : *ids) {
          if (auto v = st.reader.text(id)) {
            st.refer(IdKind::lba, *v, id);
            c.lbas.push_back(*v);
          }
        }
      }
    }
    if (auto w = m.integer("weight", Need::optional)) {
      if (*w < 1 || *w > 1'000'000) st.reader.error(*m.get("weight"), fmt::format("weight {} is outside 1..1000000", *w));
      else c.weight = static_cast<int>(*w);
    }
    m.finish();
    model.coverage.push_back(std::move(c));
  }
}

}  // namespace

void read_exposure(LoadState& st, MapFields& top) {
  auto f = top.get("exposure");
  if (!f || !f->node.IsDefined() || f->node.IsNull()) return;
  MapFields m(st.reader, *f);
  if (!m.ok()) return;
  ExposureModel model = default_exposure_model();
  st.scenario.marks.exposure = f->mark;
  if (auto s = m.get("seasons"); s && !s->node.IsNull()) {
    MapFields seasons(st.reader, *s);
    if (seasons.ok()) {
      for (std::size_t i = 0; i < 4; ++i) {
        if (auto v = seasons.get(name(kSeasons[i]))) read_season(st, *v, model.seasons[i]);
      }
      seasons.finish();
    }
  }
  if (auto v = m.get("coverage"); v && !v->node.IsNull()) read_coverage(st, *v, model);
  if (auto v = m.get("notice_h")) read_int_distribution(st, *v, 0, 168, model.notice_h);
  if (auto v = m.get("lmp")) read_lmp(st, *v, model.lmp);
  if (auto v = m.get("rsg_usd_per_mwh")) read_range(st, *v, 2, std::nullopt, model.rsg_usd_per_mwh);
  if (auto v = m.get("delivered_fraction")) read_delivered(st, *v, model);
  read_probability(st, m, "missing_reporting_probability", model.missing_reporting_probability);
  read_probability(st, m, "forced_outage_probability", model.forced_outage_probability);
  if (auto v = m.number("baseline_factor", Need::optional)) {
    if (*v < Decimal::from_int(1)) st.reader.error(*m.get("baseline_factor"), fmt::format("factor {} is below 1", v->str()));
    else model.baseline_factor = *v;
  }
  if (auto v = m.text("level", Need::optional)) model.level = *v;
  m.finish();
  st.scenario.exposure = std::move(model);
}

}  // namespace drsim::scenarios
