// Meter integration: interval sums into windows and kept days.
#include "meter_integrator.hpp"

#include <algorithm>

#include "settlement/baseline.hpp"

namespace drsim::sim {

namespace {
constexpr std::int64_t kUs = ExactDuration::kPerSecond;
}  // namespace

MeterIntegrator::MeterIntegrator(const std::vector<Resource>& resources)
    : windows_(resources.size()),
      days_(resources.size()),
      history_through_(resources.size()),
      first_metered_(resources.size()) {
  for (std::size_t i = 0; i < resources.size(); ++i) index_.emplace(resources[i].id, i);
}

MeterIntegrator::WindowId MeterIntegrator::add_window(std::size_t resource, ExactTime from, ExactTime to) {
  const auto id = static_cast<WindowId>(window_acc_.size());
  windows_[resource].push_back({from.us(), to.us(), id});
  window_acc_.emplace_back();
  window_len_.push_back((to - from).us);
  return id;
}

void MeterIntegrator::add_days(std::size_t resource, Date first, Date last) {
  for (Date d = first; d <= last; d = d + 1) days_[resource].try_emplace(d.days());
}

void MeterIntegrator::keep_history(std::size_t resource, Date through) {
  auto& t = history_through_[resource];
  if (!t || *t < through) t = through;
}

void MeterIntegrator::seal() {
  for (auto& w : windows_) {
    std::sort(w.begin(), w.end(), [](const Window& a, const Window& b) { return a.from < b.from; });
  }
}

// The sums of a day the run keeps (declared, or a history day), created on its first interval.
MeterIntegrator::DayAcc* MeterIntegrator::kept_day(std::size_t r, Date day) {
  auto& days = days_[r];
  if (auto d = days.find(day.days()); d != days.end()) return &d->second;
  const auto& through = history_through_[r];
  if (!through || day > *through || !is_baseline_candidate(day)) return nullptr;
  return &days.try_emplace(day.days()).first->second;
}

void MeterIntegrator::feed(const MeterRow& row) {
  ++rows_;
  const auto it = index_.find(row.resource);
  if (it == index_.end()) return;
  const std::size_t r = it->second;
  const std::int64_t a = row.start.seconds();
  const std::int64_t b = a + std::int64_t{row.minutes} * 60;
  const std::int64_t mw = row.mw.value().micros();

  // Windows overlapping [a, b) (in microseconds): they are disjoint and sorted, so
  // walk back from the last one starting before b.
  const std::int64_t a_us = a * kUs;
  const std::int64_t b_us = b * kUs;
  const auto& ws = windows_[r];
  auto w = std::lower_bound(ws.begin(), ws.end(), b_us, [](const Window& x, std::int64_t t) { return x.from < t; });
  while (w != ws.begin()) {
    --w;
    if (w->to <= a_us) break;
    const std::int64_t overlap = std::min(b_us, w->to) - std::max(a_us, w->from);
    if (overlap > 0) {
      window_acc_[w->id].mw_us += int128{mw} * overlap;
      window_acc_[w->id].us += overlap;
    }
  }

  // Kept days: split the interval at hour boundaries.
  if (days_[r].empty() && !history_through_[r]) return;
  for (std::int64_t t = a; t < b;) {
    const std::int64_t hour_end = (t / 3600 + 1) * 3600;
    const std::int64_t piece_end = std::min(b, hour_end);
    const MarketTime at = MarketTime::from_seconds(t);
    if (DayAcc* d = kept_day(r, at.date())) {
      HourAcc& acc = d->hours[static_cast<std::size_t>(at.hour())];
      acc.mw_seconds += mw * (piece_end - t);
      acc.seconds += static_cast<std::int32_t>(piece_end - t);
      auto& first = first_metered_[r];
      if (!first || at.date() < *first) first = at.date();
    }
    t = piece_end;
  }
}

std::optional<Mw> MeterIntegrator::window_average(WindowId id) const {
  const WindowAcc& a = window_acc_[id];
  const std::int64_t needed = window_len_[id];
  if (needed <= 0 || a.us < needed) return std::nullopt;
  return Mw(Decimal::from_micros(static_cast<std::int64_t>(div_round_half_away(a.mw_us, a.us))));
}

std::optional<Mw> MeterIntegrator::hour_average(std::size_t resource, MarketTime hour) const {
  const auto& days = days_[resource];
  const auto d = days.find(hour.date().days());
  if (d == days.end()) return std::nullopt;
  const HourAcc& a = d->second.hours[static_cast<std::size_t>(hour.hour())];
  if (a.seconds < 3600) return std::nullopt;
  return Mw(Decimal::from_micros(static_cast<std::int64_t>(div_round_half_away(a.mw_seconds, a.seconds))));
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

std::optional<Date> MeterIntegrator::first_metered_day(std::size_t resource) const {
  return first_metered_[resource];
}

}  // namespace drsim::sim
