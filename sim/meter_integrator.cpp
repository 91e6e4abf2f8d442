// Meter integration: interval sums into windows and kept days.
#include "meter_integrator.hpp"

#include <algorithm>

namespace drsim::sim {

MeterIntegrator::MeterIntegrator(const std::vector<Resource>& resources)
    : windows_(resources.size()), days_(resources.size()) {
  for (std::size_t i = 0; i < resources.size(); ++i) index_.emplace(resources[i].id, i);
}

MeterIntegrator::WindowId MeterIntegrator::add_window(std::size_t resource, MarketTime from, MarketTime to) {
  const auto id = static_cast<WindowId>(window_acc_.size());
  windows_[resource].push_back({from.seconds(), to.seconds(), id});
  window_acc_.emplace_back();
  window_len_.push_back((to - from).seconds);
  return id;
}

void MeterIntegrator::add_days(std::size_t resource, Date first, Date last) {
  for (Date d = first; d <= last; d = d + 1) days_[resource].try_emplace(d.days());
}

void MeterIntegrator::seal() {
  for (auto& w : windows_) {
    std::sort(w.begin(), w.end(), [](const Window& a, const Window& b) { return a.from < b.from; });
  }
}

void MeterIntegrator::feed(const MeterRow& row) {
  ++rows_;
  const auto it = index_.find(row.resource);
  if (it == index_.end()) return;
  const std::size_t r = it->second;
  const std::int64_t a = row.start.seconds();
  const std::int64_t b = a + std::int64_t{row.minutes} * 60;
  const std::int64_t mw = row.mw.value().micros();

  // Windows overlapping [a, b): they are disjoint and sorted, so walk back from
  // the last one starting before b.
  const auto& ws = windows_[r];
  auto w = std::lower_bound(ws.begin(), ws.end(), b, [](const Window& x, std::int64_t t) { return x.from < t; });
  while (w != ws.begin()) {
    --w;
    if (w->to <= a) break;
    const std::int64_t overlap = std::min(b, w->to) - std::max(a, w->from);
    if (overlap > 0) {
      window_acc_[w->id].mw_seconds += mw * overlap;
      window_acc_[w->id].seconds += static_cast<std::int32_t>(overlap);
    }
  }

  // Kept days: split the interval at hour boundaries.
  auto& days = days_[r];
  if (days.empty()) return;
  for (std::int64_t t = a; t < b;) {
    const std::int64_t hour_end = (t / 3600 + 1) * 3600;
    const std::int64_t piece_end = std::min(b, hour_end);
    const MarketTime at = MarketTime::from_seconds(t);
    auto d = days.find(at.date().days());
    if (d != days.end()) {
      Acc& acc = d->second.hours[static_cast<std::size_t>(at.hour())];
      acc.mw_seconds += mw * (piece_end - t);
      acc.seconds += static_cast<std::int32_t>(piece_end - t);
    }
    t = piece_end;
  }
}

std::optional<Mw> MeterIntegrator::mean(const Acc& a, std::int64_t needed) {
  if (needed <= 0 || a.seconds < needed) return std::nullopt;
  return Mw(Decimal::from_micros(static_cast<std::int64_t>(div_round_half_away(a.mw_seconds, a.seconds))));
}

std::optional<Mw> MeterIntegrator::window_average(WindowId id) const {
  return mean(window_acc_[id], window_len_[id]);
}

std::optional<Mw> MeterIntegrator::hour_average(std::size_t resource, MarketTime hour) const {
  const auto& days = days_[resource];
  const auto d = days.find(hour.date().days());
  if (d == days.end()) return std::nullopt;
  return mean(d->second.hours[static_cast<std::size_t>(hour.hour())], 3600);
}

bool MeterIntegrator::fully_metered(std::size_t resource, Date day) const {
  const auto& days = days_[resource];
  const auto d = days.find(day.days());
  if (d == days.end()) return false;
  for (const auto& h : d->second.hours) {
    if (h.seconds < 3600) return false;
  }
  return true;
}

}  // namespace drsim::sim
