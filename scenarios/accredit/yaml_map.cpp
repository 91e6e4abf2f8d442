// Typed reading of YAML mappings with every problem located by file, line and column.
#include "scenarios/accredit/yaml_map.hpp"

namespace drsim::accredit {

namespace {
Problem make(const std::string& file, const YAML::Mark& at, const std::string& key, const std::string& msg) {
  Problem p;
  p.file = file;
  p.line = at.line >= 0 ? at.line + 1 : 0;
  p.column = at.column >= 0 ? at.column + 1 : 0;
  p.key = key;
  p.message = msg;
  return p;
}

bool is_scalar(ReadContext& cx, const YAML::Node& n, const std::string& path, const char* what) {
  if (n.IsScalar()) return true;
  cx.add(n.Mark(), path, std::string("expected ") + what);
  return false;
}
}  // namespace

void ReadContext::add(const YAML::Mark& at, const std::string& key, const std::string& message) {
  problems.push_back(make(file, at, key, message));
}

void ReadContext::warn(const YAML::Mark& at, const std::string& key, const std::string& message) {
  warnings.push_back(make(file, at, key, "warning: " + message));
}

std::optional<std::string> as_text(ReadContext& cx, const YAML::Node& n, const std::string& path) {
  if (!is_scalar(cx, n, path, "a text value")) return std::nullopt;
  if (n.Scalar().empty()) {
    cx.add(n.Mark(), path, "must not be empty");
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<Decimal> as_number(ReadContext& cx, const YAML::Node& n, const std::string& path) {
  if (!is_scalar(cx, n, path, "a number")) return std::nullopt;
  auto v = Decimal::parse(n.Scalar());
  if (!v) cx.add(n.Mark(), path, "'" + n.Scalar() + "' is not a number");
  return v;
}

std::optional<long long> as_integer(ReadContext& cx, const YAML::Node& n, const std::string& path) {
  auto v = as_number(cx, n, path);
  if (!v) return std::nullopt;
  if (v->micros() % Decimal::kScale != 0) {
    cx.add(n.Mark(), path, "'" + n.Scalar() + "' is not a whole number");
    return std::nullopt;
  }
  return v->micros() / Decimal::kScale;
}

std::optional<bool> as_flag(ReadContext& cx, const YAML::Node& n, const std::string& path) {
  if (!is_scalar(cx, n, path, "true or false")) return std::nullopt;
  if (n.Scalar() == "true") return true;
  if (n.Scalar() == "false") return false;
  cx.add(n.Mark(), path, "'" + n.Scalar() + "' is not true or false");
  return std::nullopt;
}

std::optional<Date> as_date(ReadContext& cx, const YAML::Node& n, const std::string& path) {
  if (!is_scalar(cx, n, path, "a date YYYY-MM-DD")) return std::nullopt;
  auto v = parse_date(n.Scalar());
  if (auto* e = std::get_if<TimeError>(&v)) {
    cx.add(n.Mark(), path, "'" + n.Scalar() + "': " + e->message);
    return std::nullopt;
  }
  return std::get<Date>(v);
}

std::optional<MarketTime> as_hour(ReadContext& cx, const YAML::Node& n, const std::string& path) {
  if (!is_scalar(cx, n, path, "a time YYYY-MM-DDTHH:MM")) return std::nullopt;
  auto v = parse_market_time(n.Scalar());
  if (auto* e = std::get_if<TimeError>(&v)) {
    cx.add(n.Mark(), path, "'" + n.Scalar() + "': " + e->message);
    return std::nullopt;
  }
  const MarketTime t = std::get<MarketTime>(v);
  if (!t.on_hour()) {
    cx.add(n.Mark(), path, "'" + n.Scalar() + "' is not the start of an hour");
    return std::nullopt;
  }
  return t;
}

YamlMap::YamlMap(ReadContext& cx, YAML::Node node, std::string path)
    : cx_(cx), node_(node), path_(std::move(path)), mark_(node.Mark()) {
  ok_ = node_.IsMap();
  if (!ok_) cx_.add(mark_, path_, "expected a mapping of keys to values");
}

YamlMap::~YamlMap() {
  if (!ok_) return;
  for (const auto& kv : node_) {
    const std::string key = kv.first.Scalar();
    if (!asked_.count(key)) cx_.add(kv.first.Mark(), path(key), "unknown key");
  }
}

YAML::Node YamlMap::get(const std::string& key) {
  asked_.insert(key);
  if (!ok_) return YAML::Node(YAML::NodeType::Undefined);
  const YAML::Node& cnode = node_;
  YAML::Node v = cnode[key];
  if (!v.IsDefined() || v.IsNull()) return YAML::Node(YAML::NodeType::Undefined);
  return v;
}

YAML::Node YamlMap::need(const std::string& key) {
  YAML::Node v = get(key);
  if (!v.IsDefined() && ok_) cx_.add(mark_, path(key), "is required");
  return v;
}

std::optional<std::string> YamlMap::text(const std::string& key, bool required) {
  YAML::Node v = required ? need(key) : get(key);
  return v.IsDefined() ? as_text(cx_, v, path(key)) : std::nullopt;
}

std::optional<Decimal> YamlMap::number(const std::string& key, bool required) {
  YAML::Node v = required ? need(key) : get(key);
  return v.IsDefined() ? as_number(cx_, v, path(key)) : std::nullopt;
}

std::optional<Decimal> YamlMap::non_negative(const std::string& key, bool required) {
  auto v = number(key, required);
  if (v && v->is_negative()) {
    cx_.add(get(key).Mark(), path(key), v->str() + " must not be negative");
    return std::nullopt;
  }
  return v;
}

std::optional<long long> YamlMap::integer(const std::string& key, bool required) {
  YAML::Node v = required ? need(key) : get(key);
  return v.IsDefined() ? as_integer(cx_, v, path(key)) : std::nullopt;
}

bool YamlMap::flag(const std::string& key, bool fallback) {
  YAML::Node v = get(key);
  if (!v.IsDefined()) return fallback;
  return as_flag(cx_, v, path(key)).value_or(fallback);
}

std::optional<bool> YamlMap::required_flag(const std::string& key) {
  YAML::Node v = need(key);
  return v.IsDefined() ? as_flag(cx_, v, path(key)) : std::nullopt;
}

std::optional<Date> YamlMap::date(const std::string& key, bool required) {
  YAML::Node v = required ? need(key) : get(key);
  return v.IsDefined() ? as_date(cx_, v, path(key)) : std::nullopt;
}

std::optional<MarketTime> YamlMap::hour(const std::string& key, bool required) {
  YAML::Node v = required ? need(key) : get(key);
  return v.IsDefined() ? as_hour(cx_, v, path(key)) : std::nullopt;
}

}  // namespace drsim::accredit
