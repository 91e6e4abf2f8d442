// Located reading of YAML scalars, lists and maps with unknown-key and type checks.
#include "scenarios/yaml_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "scenarios/did_you_mean.hpp"
#include "scenarios/value_parsers.hpp"

namespace drsim::scenarios {

Mark YamlReader::mark_of(const yaml::Node& node) {
  const yaml::Mark m = node.Mark();
  if (m.is_null()) return Mark{};
  return Mark{m.line + 1, m.column + 1};
}

void YamlReader::error(const Mark& at, const std::string& path, std::string message) {
  problems_.push_back(Problem{file_, at.line, at.column, path, std::move(message)});
}

bool YamlReader::check_size(const yaml::Node& root) {
  std::size_t count = 0;
  // Explicit stack of (node, depth): no recursion, so a hostile file cannot blow the stack.
  std::vector<std::pair<yaml::Node, int>> stack{{root, 0}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (++count > kMaxNodes) {
      error(Mark{1, 1}, "", fmt::format("the document has more than {} nodes (counting each use of an "
                                        "alias); refusing it as a possible alias bomb", kMaxNodes));
      return false;
    }
    if (depth > kMaxDepth) {
      error(mark_of(node), "", fmt::format("the document nests deeper than {} levels", kMaxDepth));
      return false;
    }
    if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        stack.emplace_back(it->first, depth + 1);
        stack.emplace_back(it->second, depth + 1);
      }
    } else if (node.IsSequence()) {
      for (auto it = node.begin(); it != node.end(); ++it) stack.emplace_back(*it, depth + 1);
    }
  }
  return true;
}

std::string YamlReader::describe(const yaml::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "null";
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return "a list";
  return fmt::format("'{}'", node.Scalar());
}

bool YamlReader::plain_scalar(const Field& f, const char* what) {
  if (!f.node.IsScalar()) {
    error(f, fmt::format("expected {}, got {}", what, describe(f.node)));
    return false;
  }
  if (f.node.Tag() == "!") {
    error(f, fmt::format("expected {}, got the quoted string \"{}\"", what, f.node.Scalar()));
    return false;
  }
  return true;
}

std::optional<std::string> YamlReader::text(const Field& f) {
  if (!f.node.IsScalar()) {
    error(f, fmt::format("expected text, got {}", describe(f.node)));
    return std::nullopt;
  }
  if (f.node.Scalar().empty()) {
    error(f, "expected text, got an empty string");
    return std::nullopt;
  }
  return f.node.Scalar();
}

std::optional<Decimal> YamlReader::number(const Field& f, Sign sign) {
  if (!plain_scalar(f, "a number")) return std::nullopt;
  Decimal d;
  auto e = sign == Sign::any ? parse_number(f.node.Scalar(), d) : parse_non_negative(f.node.Scalar(), d);
  if (!e) e = check_limit(f.path, d);
  if (e) {
    error(f, *e);
    return std::nullopt;
  }
  return d;
}

std::optional<long long> YamlReader::integer(const Field& f) {
  if (!plain_scalar(f, "a whole number")) return std::nullopt;
  long long v = 0;
  if (auto e = parse_integer(f.node.Scalar(), v)) {
    error(f, *e);
    return std::nullopt;
  }
  return v;
}

std::optional<bool> YamlReader::boolean(const Field& f) {
  if (!plain_scalar(f, "true or false")) return std::nullopt;
  const std::string s = f.node.Scalar();
  if (s == "true") return true;
  if (s == "false") return false;
  error(f, fmt::format("expected true or false, got '{}'", s));
  return std::nullopt;
}

std::optional<MarketTime> YamlReader::time(const Field& f) {
  if (!f.node.IsScalar()) {
    error(f, fmt::format("expected a time YYYY-MM-DDTHH:MM, got {}", describe(f.node)));
    return std::nullopt;
  }
  MarketTime t;
  if (auto e = parse_time(f.node.Scalar(), t)) {
    error(f, *e);
    return std::nullopt;
  }
  return t;
}

std::optional<MarketTime> YamlReader::hour_start(const Field& f) {
  auto t = time(f);
  if (t && !t->on_hour()) {
    error(f, fmt::format("{} is not the start of an hour (expected HH:00)", f.node.Scalar()));
    return std::nullopt;
  }
  return t;
}

std::optional<Date> YamlReader::date(const Field& f) {
  if (!f.node.IsScalar()) {
    error(f, fmt::format("expected a date YYYY-MM-DD, got {}", describe(f.node)));
    return std::nullopt;
  }
  Date d;
  if (auto e = parse_day(f.node.Scalar(), d)) {
    error(f, *e);
    return std::nullopt;
  }
  return d;
}

std::optional<Money> YamlReader::money(const Field& f) {
  if (!plain_scalar(f, "dollars")) return std::nullopt;
  Money m;
  if (auto e = parse_money(f.node.Scalar(), m)) {
    error(f, *e);
    return std::nullopt;
  }
  return m;
}

std::optional<std::vector<Field>> YamlReader::items(const Field& f) {
  if (!f.node.IsSequence()) {
    error(f, fmt::format("expected a list, got {}", describe(f.node)));
    return std::nullopt;
  }
  std::vector<Field> out;
  std::size_t i = 0;
  for (auto it = f.node.begin(); it != f.node.end(); ++it, ++i) {
    Mark m = mark_of(*it);
    if (m.line == 0) m = f.mark;
    out.push_back(Field{*it, m, fmt::format("{}[{}]", f.path, i)});
  }
  return out;
}

MapFields::MapFields(YamlReader& reader, const Field& map) : reader_(reader), self_(map) {
  if (!map.node.IsMap()) {
    reader_.error(map, fmt::format("expected a map of keys, got {}", YamlReader::describe(map.node)));
    return;
  }
  ok_ = true;
  for (auto it = map.node.begin(); it != map.node.end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : YamlReader::describe(it->first);
    entries_.push_back(Entry{key, YamlReader::mark_of(it->first), it->second});
  }
}

std::string MapFields::path_of(std::string_view key) const {
  return self_.path.empty() ? std::string(key) : fmt::format("{}.{}", self_.path, key);
}

std::optional<Field> MapFields::get(std::string_view key, Need need) {
  if (std::find(allowed_.begin(), allowed_.end(), key) == allowed_.end()) allowed_.emplace_back(key);
  if (!ok_) return std::nullopt;
  for (const auto& e : entries_) {
    if (e.key != key) continue;
    const bool empty = !e.value.IsDefined() || e.value.IsNull();
    Mark m = empty ? e.key_mark : YamlReader::mark_of(e.value);
    if (m.line == 0) m = e.key_mark;
    return Field{e.value, m, path_of(key)};
  }
  if (need == Need::required) reader_.error(self_.mark, path_of(key), "required key is missing");
  return std::nullopt;
}

bool MapFields::has(std::string_view key) {
  auto f = get(key);
  return f && f->node.IsDefined() && !f->node.IsNull();
}

std::optional<Field> MapFields::value(std::string_view key, Need need) {
  auto f = get(key, need);
  if (!f) return std::nullopt;
  if (!f->node.IsDefined() || f->node.IsNull()) {
    if (need == Need::required) reader_.error(*f, "required value is null");
    return std::nullopt;
  }
  return f;
}

std::optional<std::string> MapFields::text(std::string_view key, Need need) {
  auto f = value(key, need);
  return f ? reader_.text(*f) : std::nullopt;
}
std::optional<Decimal> MapFields::number(std::string_view key, Need need, Sign sign) {
  auto f = value(key, need);
  return f ? reader_.number(*f, sign) : std::nullopt;
}
std::optional<long long> MapFields::integer(std::string_view key, Need need) {
  auto f = value(key, need);
  return f ? reader_.integer(*f) : std::nullopt;
}
std::optional<bool> MapFields::boolean(std::string_view key, Need need) {
  auto f = value(key, need);
  return f ? reader_.boolean(*f) : std::nullopt;
}
std::optional<MarketTime> MapFields::time(std::string_view key, Need need) {
  auto f = value(key, need);
  return f ? reader_.time(*f) : std::nullopt;
}
std::optional<Date> MapFields::date(std::string_view key, Need need) {
  auto f = value(key, need);
  return f ? reader_.date(*f) : std::nullopt;
}
std::optional<Money> MapFields::money(std::string_view key, Need need) {
  auto f = value(key, need);
  return f ? reader_.money(*f) : std::nullopt;
}

std::optional<std::string> MapFields::choice(std::string_view key, const std::vector<std::string>& options,
                                             Need need) {
  auto f = value(key, need);
  if (!f) return std::nullopt;
  auto t = reader_.text(*f);
  if (!t) return std::nullopt;
  if (std::find(options.begin(), options.end(), *t) != options.end()) return t;
  std::string list;
  for (const auto& o : options) list += (list.empty() ? "" : " | ") + o;
  reader_.error(*f, fmt::format("expected {}, got '{}'", list, *t));
  return std::nullopt;
}

void MapFields::finish() {
  if (!ok_) return;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const auto& e = entries_[i];
    bool repeated = false;
    for (std::size_t j = 0; j < i && !repeated; ++j) {
      if (entries_[j].key == e.key) {
        reader_.error(e.key_mark, path_of(e.key),
                      fmt::format("key '{}' is given twice (first at line {})", e.key, entries_[j].key_mark.line));
        repeated = true;
      }
    }
    if (repeated || std::find(allowed_.begin(), allowed_.end(), e.key) != allowed_.end()) continue;
    if (auto s = closest(e.key, allowed_)) {
      reader_.error(e.key_mark, path_of(e.key), fmt::format("unknown key '{}' (did you mean '{}'?)", e.key, *s));
    } else {
      reader_.error(e.key_mark, path_of(e.key), fmt::format("unknown key '{}'", e.key));
    }
  }
}

}  // namespace drsim::scenarios
