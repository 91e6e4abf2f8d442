// Meter integration: interval sums into windows, slot bits and the hourly sums of kept days.
#include "meter_integrator.hpp"

#include <algorithm>
#include <bit>
#include <thread>

#include "settlement/baseline.hpp"

namespace drsim::sim {

namespace {

constexpr std::int64_t kUs = ExactDuration::kPerSecond;
constexpr std::int64_t kSlotSeconds = 300;
constexpr std::int64_t kSlotsPerDay = 288;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// True when every slot in [first, first + n) of the day is set.
bool all_set(const std::array<std::uint64_t, 5>& bits, std::int64_t first, std::int64_t n) {
  for (std::int64_t k = first; k < first + n; ++k) {
    if ((bits[static_cast<std::size_t>(k / 64)] >> (k % 64) & 1U) == 0) return false;
  }
  return true;
}

}  // namespace

MeterIntegrator::MeterIntegrator(const std::vector<Resource>& resources)
    : windows_(resources.size()), days_(resources.size()),
      locks_(std::make_unique<std::atomic<bool>[]>(resources.size())) {
  for (std::size_t i = 0; i < resources.size(); ++i) index_.emplace(resources[i].id, static_cast<std::uint32_t>(i));
}

std::optional<std::uint32_t> MeterIntegrator::index_of(std::string_view id) const {
  const auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

MeterIntegrator::WindowId MeterIntegrator::add_window(std::size_t resource, ExactTime from, ExactTime to) {
  const auto id = static_cast<WindowId>(window_acc_.size());
  windows_[resource].push_back({from.us(), to.us(), id});
  window_acc_.emplace_back();
  window_len_.push_back((to - from).us);
  return id;
}

void MeterIntegrator::add_days(std::size_t resource, Date first, Date last) {
  if (first <= last) days_[resource].declared.emplace_back(first.days(), last.days());
}

void MeterIntegrator::keep_history(std::size_t resource, Date through) {
  auto& t = days_[resource].history_through;
  if (!t || *t < through) t = through;
}

void MeterIntegrator::seal() {
  for (auto& w : windows_) {
    std::sort(w.begin(), w.end(), [](const Window& a, const Window& b) { return a.from < b.from; });
  }
}

// A day whose hourly sums the run keeps: declared, or a history day a default baseline may use.
bool MeterIntegrator::kept(const Days& d, std::int32_t day) const {
  for (const auto& [first, last] : d.declared) {
    if (day >= first && day <= last) return true;
  }
  const Date date = Date::from_days(day);
  return d.history_through && date <= *d.history_through && is_baseline_candidate(date);
}

MeterIntegrator::Page& MeterIntegrator::page_for(std::size_t resource, std::int64_t day) {
  Days& d = days_[resource];
  const std::int64_t number = floor_div(day, kPageDays);
  if (number == d.last_page) return *d.last;
  if (d.pages.empty()) {
    d.first_page = number;
  } else if (number < d.first_page) {
    const auto shift = static_cast<std::size_t>(d.first_page - number);
    std::vector<std::unique_ptr<Page>> grown(shift + d.pages.size());
    std::move(d.pages.begin(), d.pages.end(), grown.begin() + static_cast<std::ptrdiff_t>(shift));
    d.pages.swap(grown);
    d.first_page = number;
  }
  const auto at = static_cast<std::size_t>(number - d.first_page);
  if (at >= d.pages.size()) d.pages.resize(at + 1);
  auto& page = d.pages[at];
  if (!page) {
    page = std::make_unique<Page>();
    for (int k = 0; k < kPageDays; ++k) {
      if (kept(d, static_cast<std::int32_t>(number * kPageDays + k))) page->kept |= std::uint32_t{1} << k;
    }
    if (page->kept != 0) page->sums = std::make_unique<std::array<HourSums, kPageDays>>();
  }
  d.last_page = number;
  d.last = page.get();
  return *page;
}

const MeterIntegrator::Page* MeterIntegrator::page_at(std::size_t resource, std::int64_t day) const {
  const Days& d = days_[resource];
  const std::int64_t at = floor_div(day, kPageDays) - d.first_page;
  if (d.pages.empty() || at < 0 || at >= static_cast<std::int64_t>(d.pages.size())) return nullptr;
  return d.pages[static_cast<std::size_t>(at)].get();
}

bool MeterIntegrator::add(const MeterInterval& iv) {
  const std::size_t r = iv.resource;
  // The sums below are exact integers: MW in millionths, times in seconds and microseconds.
  const std::int64_t a = iv.start.seconds();
  const std::int64_t b = (iv.start + iv.length()).seconds();
  const std::int64_t mw = iv.mw.value().micros();

  // Windows overlapping [a, b) (in microseconds): they are disjoint and sorted by start,
  // so also by end. The cursor is the first window ending after the last start seen; a
  // row earlier than that moves it back by a binary search.
  const std::int64_t a_us = a * kUs;
  const std::int64_t b_us = b * kUs;
  const auto& ws = windows_[r];
  Days& d = days_[r];
  if (!ws.empty()) {
    std::size_t c = d.window_cursor;
    if (c > 0 && ws[c - 1].to > a_us) {
      c = static_cast<std::size_t>(
          std::upper_bound(ws.begin(), ws.end(), a_us, [](std::int64_t t, const Window& x) { return t < x.to; }) -
          ws.begin());
    }
    while (c < ws.size() && ws[c].to <= a_us) ++c;
    d.window_cursor = c;
    for (std::size_t k = c; k < ws.size() && ws[k].from < b_us; ++k) {
      const std::int64_t overlap = std::min(b_us, ws[k].to) - std::max(a_us, ws[k].from);
      if (overlap > 0) {
        window_acc_[ws[k].id].mw_us += int128{mw} * overlap;
        window_acc_[ws[k].id].us += overlap;
      }
    }
  }

  // Slot bits of the day; an aligned interval of 5, 15 or 60 minutes lies in one hour.
  const std::int64_t slot = floor_div(a, kSlotSeconds);
  const std::int64_t day = floor_div(slot, kSlotsPerDay);
  const std::int64_t first = slot - day * kSlotsPerDay;
  const std::int64_t n = iv.minutes / 5;
  Page& page = page_for(r, day);
  const auto k = static_cast<std::size_t>(day - floor_div(day, kPageDays) * kPageDays);
  auto& bits = page.slots[k];
  bool fresh = true;
  for (std::int64_t s = first; s < first + n; ++s) {
    std::uint64_t& word = bits[static_cast<std::size_t>(s / 64)];
    const std::uint64_t mask = std::uint64_t{1} << (s % 64);
    if ((word & mask) != 0) fresh = false;
    word |= mask;
  }
  if ((page.kept >> k & 1U) == 0) return fresh;
  const auto hour = static_cast<std::size_t>(first / 12);
  std::int32_t& sum = (*page.sums)[k][hour];
  const std::int64_t add = mw * n;
  if (sum == kWide) {
    days_[r].wide[day * 24 + static_cast<std::int64_t>(hour)] += add;
  } else if (const std::int64_t v = std::int64_t{sum} + add; v > INT32_MIN && v <= INT32_MAX) {
    sum = static_cast<std::int32_t>(v);
  } else {
    days_[r].wide[day * 24 + static_cast<std::int64_t>(hour)] = v;
    sum = kWide;
  }
  return fresh;
}

bool MeterIntegrator::add_batch(std::span<const MeterInterval> batch) {
  std::size_t i = 0;
  while (i < batch.size()) {
    const std::uint32_t r = batch[i].resource;
    std::atomic<bool>& lock = locks_[r];
    while (lock.exchange(true, std::memory_order_acquire)) {
      while (lock.load(std::memory_order_relaxed)) std::this_thread::yield();
    }
    bool fresh = true;
    for (; i < batch.size() && batch[i].resource == r && fresh; ++i) fresh = add(batch[i]);
    lock.store(false, std::memory_order_release);
    if (!fresh) return false;
  }
  return true;
}

void MeterIntegrator::feed(const MeterRow& row) {
  ++rows_;
  // Rows of one resource mostly come together: the last id found is compared before hashing.
  if (!has_last_fed_ || row.resource != last_fed_id_) {
    last_fed_ = index_of(row.resource);
    last_fed_id_ = row.resource;
    has_last_fed_ = true;
  }
  if (!last_fed_) return;
  add(MeterInterval{row.start, row.mw, *last_fed_, row.minutes});
}

std::int64_t MeterIntegrator::hour_sum(std::size_t resource, const Page& p, std::int64_t day, int hour) const {
  const auto k = static_cast<std::size_t>(day - floor_div(day, kPageDays) * kPageDays);
  const std::int32_t sum = (*p.sums)[k][static_cast<std::size_t>(hour)];
  if (sum != kWide) return sum;
  return days_[resource].wide.at(day * 24 + hour);
}

std::optional<Mw> MeterIntegrator::window_average(WindowId id) const {
  const WindowAcc& a = window_acc_[id];
  const std::int64_t needed = window_len_[id];
  if (needed <= 0 || a.us < needed) return std::nullopt;
  return Mw(Decimal::from_micros(static_cast<std::int64_t>(div_round_half_away(a.mw_us, a.us))));
}

// The mean of the hour's twelve 5-minute slots: sum (MW millionths x slots) / 12,
// the same ratio as MW x seconds over 3600 s, rounded half away from zero.
std::optional<Mw> MeterIntegrator::hour_average(std::size_t resource, MarketTime hour) const {
  const std::int64_t day = hour.date().days();
  const Page* p = page_at(resource, day);
  if (p == nullptr) return std::nullopt;
  const auto k = static_cast<std::size_t>(day - floor_div(day, kPageDays) * kPageDays);
  if ((p->kept >> k & 1U) == 0 || !all_set(p->slots[k], std::int64_t{hour.hour()} * 12, 12)) return std::nullopt;
  const std::int64_t sum = hour_sum(resource, *p, day, hour.hour());
  return Mw(Decimal::from_micros(static_cast<std::int64_t>(div_round_half_away(sum, 12))));
}

bool MeterIntegrator::fully_metered(std::size_t resource, Date day) const {
  const Page* p = page_at(resource, day.days());
  if (p == nullptr) return false;
  const auto k = static_cast<std::size_t>(day.days() - floor_div(day.days(), kPageDays) * kPageDays);
  return (p->kept >> k & 1U) != 0 && all_set(p->slots[k], 0, kSlotsPerDay);
}

std::optional<Date> MeterIntegrator::first_metered_day(std::size_t resource) const {
  const Days& d = days_[resource];
  for (std::size_t i = 0; i < d.pages.size(); ++i) {
    const Page* p = d.pages[i].get();
    if (p == nullptr || p->kept == 0) continue;
    for (int k = 0; k < kPageDays; ++k) {
      if ((p->kept >> k & 1U) == 0) continue;
      const auto& bits = p->slots[static_cast<std::size_t>(k)];
      if (std::any_of(bits.begin(), bits.end(), [](std::uint64_t w) { return w != 0; })) {
        return Date::from_days(static_cast<std::int32_t>((d.first_page + static_cast<std::int64_t>(i)) * kPageDays + k));
      }
    }
  }
  return std::nullopt;
}

}  // namespace drsim::sim
