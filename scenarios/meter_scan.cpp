// The one-pass meter reader: a byte-level fast path for the common row shape, the CSV reader for the rest.
#include "scenarios/meter_scan.hpp"

#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>

#include <fcntl.h>
#include <unistd.h>

#include "scenarios/csv_reader.hpp"
#include "scenarios/meter_reader.hpp"
#include "scenarios/value_parsers.hpp"

namespace drsim::scenarios {

namespace {

constexpr std::size_t kBlock = 1 << 20;  // bytes read at a time by each part
constexpr std::size_t kBatch = 4096;     // intervals handed on at a time
constexpr std::int64_t kMaxMwMicros = std::int64_t{kMaxMw} * 1'000'000;

struct IdHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using ResourceIndex = std::unordered_map<std::string_view, std::uint32_t, IdHash, std::equal_to<>>;

bool digit(char c) { return c >= '0' && c <= '9'; }

MeterInterval interval(std::int64_t start_s, std::int64_t mw_micros, std::uint32_t r, std::int32_t minutes) {
  return MeterInterval{MarketTime::from_seconds(start_s), Mw(Decimal::from_micros(mw_micros)), r, minutes};
}

// p starts with `id` (ids are short: a loop beats a call to memcmp).
bool same(const char* p, const std::string& id) {
  for (std::size_t i = 0; i < id.size(); ++i) {
    if (p[i] != id[i]) return false;
  }
  return true;
}
int two(const char* p) { return (p[0] - '0') * 10 + (p[1] - '0'); }

// "-12.345678": an optional minus, 1 to 6 digits, optionally a point and 1 to 6
// digits. Exactly Decimal::parse's value for such text; anything else is left to it.
std::optional<std::int64_t> plain_micros(std::string_view t) {
  std::size_t i = 0;
  const bool negative = !t.empty() && t[0] == '-';
  if (negative) ++i;
  std::int64_t whole = 0;
  const std::size_t w0 = i;
  while (i < t.size() && digit(t[i])) whole = whole * 10 + (t[i++] - '0');
  if (i == w0 || i - w0 > 6) return std::nullopt;
  std::int64_t frac = 0;
  if (i < t.size()) {
    if (t[i] != '.') return std::nullopt;
    const std::size_t f0 = ++i;
    while (i < t.size() && digit(t[i])) frac = frac * 10 + (t[i++] - '0');
    const std::size_t n = i - f0;
    if (n == 0 || n > 6 || i != t.size()) return std::nullopt;
    for (std::size_t k = n; k < 6; ++k) frac *= 10;
  }
  const std::int64_t v = whole * 1'000'000 + frac;
  return negative ? -v : v;
}

// One thread's share of a scan: the lines that start in the bytes [from, to) of the file.
class Part {
 public:
  Part(const std::string& path, const ResourceIndex& index, std::uint64_t from, std::uint64_t to,
       const MeterBatchSink& sink, std::atomic<bool>& failed, std::atomic<std::uint64_t>* bytes_done)
      : path_(path), index_(index), from_(from), to_(to), sink_(sink), failed_(failed),
        bytes_done_(bytes_done),
        csv_(path, std::vector<std::string>(kMeterColumns.begin(), kMeterColumns.end()), problems_) {
    batch_.reserve(kBatch);
  }

  std::uint64_t run() {
    if (!csv_.ok()) return fail();
    for (std::size_t i = 0; i < 4; ++i) pos_[i] = csv_.position(i);
    fields_ = csv_.header_fields();
    canonical_ = fields_ == 4 && pos_ == std::array<std::size_t, 4>{0, 1, 2, 3};
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail();
    read_all(fd);
    ::close(fd);
    if (!failed_.load(std::memory_order_relaxed)) flush();
    return rows_;
  }

 private:
  std::uint64_t fail() {
    failed_.store(true, std::memory_order_relaxed);
    return rows_;
  }

  void read_all(int fd) {
    // Slack past the data, so a comparison that runs past a line's end stays inside the buffer.
    constexpr std::size_t kSlack = 256;
    std::vector<char> buf(kBlock + kSlack);
    std::size_t carry = 0;
    // A part after the first starts at the first line that begins at or after from_: it
    // reads from the byte before and skips through the first newline, as the first part
    // skips the header (which the CSV reader has read).
    auto offset = static_cast<off_t>(from_ == 0 ? 0 : from_ - 1);
    bool header = true;
    while (!failed_.load(std::memory_order_relaxed)) {
      if (carry + kBlock + kSlack > buf.size()) buf.resize(carry + kBlock + kSlack);  // a line longer than a block
      const ssize_t got = ::pread(fd, buf.data() + carry, kBlock, offset);
      if (got < 0) {
        if (errno == EINTR) continue;
        fail();
        return;
      }
      const auto block_start = static_cast<std::uint64_t>(offset);
      offset += got;
      if (bytes_done_ != nullptr && block_start < to_) {
        bytes_done_->fetch_add(std::min<std::uint64_t>(static_cast<std::uint64_t>(offset), to_) - block_start);
      }
      const std::size_t size = carry + static_cast<std::size_t>(got);
      const std::uint64_t base = block_start - carry;  // the file offset of buf[0]
      const char* p = buf.data();
      const char* end = p + size;
      if (header) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', size));
        if (nl != nullptr) {
          header = false;  // read by the CSV reader
          ++line_no_;
          p = nl + 1;
        }
      }
      // Every line up to the block's last newline is whole.
      const char* last = header ? nullptr : static_cast<const char*>(memrchr(p, '\n', static_cast<std::size_t>(end - p)));
      while (last != nullptr && p <= last) {
        if (base + static_cast<std::uint64_t>(p - buf.data()) >= to_) return;  // the next part's line
        const char* next = canonical_ ? quick(p) : nullptr;
        if (next == nullptr) {
          const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(last + 1 - p)));
          line(std::string_view(p, static_cast<std::size_t>(nl - p)));
          next = nl + 1;
        }
        ++line_no_;
        p = next;
      }
      carry = static_cast<std::size_t>(end - p);
      std::memmove(buf.data(), p, carry);
      if (got == 0) {
        // The last line, without a newline.
        if (carry > 0 && !header && block_start - carry < to_) line(std::string_view(buf.data(), carry));
        return;
      }
    }
  }

  // The common row, in the header's own column order resource,interval_start,interval_minutes,mw:
  // `DR-0001,2025-06-01T00:00,60,1.755`. Returns the next line's start, or nothing to leave the
  // line to line() (any other shape, an unknown id, a value the reader must judge). A newline
  // follows p within the buffer; every byte is checked before the next is trusted.
  const char* quick(const char* p) {
    std::uint32_t r = 0;
    const char* q = p;
    if (!last_id_.empty() && same(p, last_id_) && p[last_id_.size()] == ',') {
      r = last_index_;
      q = p + last_id_.size() + 1;
    } else {
      while (*q != ',' && *q != '\n' && *q != '"' && *q != ' ' && *q != '\t' && *q != '\r') ++q;
      if (*q != ',' || q == p) return nullptr;
      const auto it = index_.find(std::string_view(p, static_cast<std::size_t>(q - p)));
      if (it == index_.end()) return nullptr;
      r = it->second;
      last_id_.assign(p, q);
      last_index_ = r;
      ++q;
    }
    // YYYY-MM-DDTHH:MM,
    for (int k : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15}) {
      if (!digit(q[k])) return nullptr;
    }
    if (q[4] != '-' || q[7] != '-' || q[10] != 'T' || q[13] != ':' || q[16] != ',') return nullptr;
    const auto start = time(std::string_view(q, 16));
    if (!start) return nullptr;
    q += 17;
    std::int32_t minutes = 0;
    if (q[0] == '6' && q[1] == '0' && q[2] == ',') {
      minutes = 60;
      q += 3;
    } else if (q[0] == '1' && q[1] == '5' && q[2] == ',') {
      minutes = 15;
      q += 3;
    } else if (q[0] == '5' && q[1] == ',') {
      minutes = 5;
      q += 2;
    } else {
      return nullptr;
    }
    if (*start % (std::int64_t{minutes} * 60) != 0) return nullptr;
    // -?d{1,6}(.d{1,6})? then the line's end
    const bool negative = *q == '-';
    if (negative) ++q;
    const char* w = q;
    std::int64_t v = 0;
    while (digit(*q) && q - w < 7) v = v * 10 + (*q++ - '0');
    if (q == w || q - w > 6) return nullptr;
    v *= 1'000'000;
    if (*q == '.') {
      const char* f = ++q;
      std::int64_t frac = 0;
      while (digit(*q) && q - f < 7) frac = frac * 10 + (*q++ - '0');
      const auto n = q - f;
      if (n == 0 || n > 6) return nullptr;
      for (auto k = n; k < 6; ++k) frac *= 10;
      v += frac;
    }
    if (*q == '\r') ++q;
    if (*q != '\n') return nullptr;
    if (v > kMaxMwMicros) return nullptr;
    push(interval(*start, negative ? -v : v, r, minutes));
    return q + 1;
  }

  // line_no_ is the 0-based number of the line within the part (the file's own line in the
  // first part); the CSV reader counts from 1. A row with a problem stops the scan, and the
  // loader's checker names its line, so a later part's count is never shown.
  void line(std::string_view text) {
    const int number = line_no_ + 1;
    std::string_view t = text;
    if (!t.empty() && t.back() == '\r') t.remove_suffix(1);
    if (t.empty()) return;
    if (!fast(t)) slow(text, number);
  }

  bool fast(std::string_view t) {
    if (std::memchr(t.data(), '"', t.size()) != nullptr) return false;
    std::string_view f[64];
    if (fields_ > 64) return false;
    std::size_t n = 0;
    std::size_t start = 0;
    while (true) {
      const void* c = std::memchr(t.data() + start, ',', t.size() - start);
      if (c == nullptr) {
        f[n++] = t.substr(start);
        break;
      }
      const auto at = static_cast<std::size_t>(static_cast<const char*>(c) - t.data());
      if (n + 1 >= fields_) return false;
      f[n++] = t.substr(start, at - start);
      start = at + 1;
    }
    if (n != fields_) return false;
    const std::string_view id = f[pos_[0]];
    if (id.empty() || id.front() == ' ' || id.front() == '\t' || id.back() == ' ' || id.back() == '\t') return false;
    std::uint32_t r = 0;
    if (id == last_id_) {
      r = last_index_;
    } else {
      const auto it = index_.find(id);
      if (it == index_.end()) return false;  // the CSV reader's path reports it
      r = it->second;
      last_id_.assign(id);
      last_index_ = r;
    }
    const auto start_s = time(f[pos_[1]]);
    if (!start_s) return false;
    const std::string_view m = f[pos_[2]];
    std::int32_t minutes = 0;
    if (m == "60") {
      minutes = 60;
    } else if (m == "15") {
      minutes = 15;
    } else if (m == "5") {
      minutes = 5;
    } else {
      return false;
    }
    if (*start_s % (std::int64_t{minutes} * 60) != 0) return false;
    const auto mw = plain_micros(f[pos_[3]]);
    if (!mw || *mw > kMaxMwMicros || *mw < -kMaxMwMicros) return false;
    push(interval(*start_s, *mw, r, minutes));
    return true;
  }

  // YYYY-MM-DDTHH:MM, the date part remembered from the last full parse.
  std::optional<std::int64_t> time(std::string_view t) {
    if (t.size() == 16 && t[10] == 'T' && t[13] == ':' && digit(t[11]) && digit(t[12]) && digit(t[14]) &&
        digit(t[15])) {
      const int hh = two(t.data() + 11);
      const int mm = two(t.data() + 14);
      if (hh <= 23 && mm <= 59) {
        const std::int64_t of_day = std::int64_t{hh} * 3600 + mm * 60;
        if (have_date_ && std::memcmp(t.data(), date_, 10) == 0) return day_start_ + of_day;
        const auto parsed = parse_market_time(t);
        if (const auto* at = std::get_if<MarketTime>(&parsed)) {
          std::memcpy(date_, t.data(), 10);
          have_date_ = true;
          day_start_ = at->seconds() - of_day;
          return at->seconds();
        }
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // Any other shape: the CSV reader's row parser, so every value and problem is the reader's own.
  void slow(std::string_view text, int number) {
    const std::size_t before = problems_.size();
    if (!csv_.take(text, number)) {
      if (problems_.size() != before) fail();
      return;
    }
    std::array<std::string_view, 4> fields;
    for (std::size_t i = 0; i < 4; ++i) fields[i] = csv_.field(i);
    bool good = true;
    const std::function<void(std::size_t, std::string)> report = [&](std::size_t, std::string) { good = false; };
    if (!parse_meter_fields(fields, row_, report) || !good) {
      fail();
      return;
    }
    const auto it = index_.find(row_.resource);
    if (it == index_.end()) {
      fail();
      return;
    }
    push(MeterInterval{row_.start, row_.mw, it->second, row_.minutes});
  }

  void push(const MeterInterval& iv) {
    batch_.push_back(iv);
    if (batch_.size() == kBatch) flush();
  }

  void flush() {
    if (batch_.empty()) return;
    rows_ += batch_.size();
    if (!sink_(std::span<const MeterInterval>(batch_.data(), batch_.size()))) fail();
    batch_.clear();
  }

  const std::string& path_;
  const ResourceIndex& index_;
  std::uint64_t from_;
  std::uint64_t to_;
  const MeterBatchSink& sink_;
  std::atomic<bool>& failed_;
  std::atomic<std::uint64_t>* bytes_done_;
  std::vector<Problem> problems_;
  CsvReader csv_;
  std::array<std::size_t, 4> pos_{};
  std::size_t fields_ = 0;
  bool canonical_ = false;  // the header is resource,interval_start,interval_minutes,mw
  std::vector<MeterInterval> batch_;
  std::string last_id_;
  std::uint32_t last_index_ = 0;
  char date_[10] = {};
  bool have_date_ = false;
  std::int64_t day_start_ = 0;
  MeterRow row_;
  int line_no_ = 0;
  std::uint64_t rows_ = 0;
};

}  // namespace

MeterScanResult scan_meter_csv(const std::string& path, const std::vector<Resource>& resources,
                               const std::vector<MeterBatchSink>& sinks, std::atomic<std::uint64_t>* bytes_done) {
  ResourceIndex index;
  for (std::size_t i = 0; i < resources.size(); ++i) index.emplace(resources[i].id, static_cast<std::uint32_t>(i));
  std::atomic<bool> failed{false};
  const std::size_t parts = sinks.empty() ? 0 : sinks.size();
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) return MeterScanResult{0, false};
  std::vector<std::uint64_t> rows(parts, 0);
  std::vector<std::exception_ptr> errors(parts);
  auto work = [&](std::size_t k) {
    try {
      Part part(path, index, size * k / parts, k + 1 == parts ? UINT64_MAX : size * (k + 1) / parts, sinks[k], failed,
                bytes_done);
      rows[k] = part.run();
    } catch (...) {
      errors[k] = std::current_exception();
      failed.store(true);
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t k = 1; k < parts; ++k) threads.emplace_back(work, k);
  if (parts > 0) work(0);
  for (auto& t : threads) t.join();
  for (const auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  MeterScanResult result;
  result.clean = !failed.load() && parts > 0;
  for (const auto n : rows) result.rows += n;
  return result;
}

}  // namespace drsim::scenarios
