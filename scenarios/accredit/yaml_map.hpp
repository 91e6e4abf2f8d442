// A checked view of one YAML mapping: typed fields, file:line:column problems, unknown keys.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "settlement/market_time.hpp"
#include "settlement/problem.hpp"
#include "settlement/units.hpp"

namespace drsim::accredit {

// Where problems go while one file is read.
struct ReadContext {
  std::string file;
  std::vector<Problem> problems;
  std::vector<Problem> warnings;
  void add(const YAML::Mark& at, const std::string& key, const std::string& message);
  void warn(const YAML::Mark& at, const std::string& key, const std::string& message);
};

// Scalar conversions of a node; each reports a problem at the node and returns
// nothing when the value is not of the type.
std::optional<std::string> as_text(ReadContext& cx, const YAML::Node& n, const std::string& path);
std::optional<Decimal> as_number(ReadContext& cx, const YAML::Node& n, const std::string& path);
std::optional<long long> as_integer(ReadContext& cx, const YAML::Node& n, const std::string& path);
std::optional<bool> as_flag(ReadContext& cx, const YAML::Node& n, const std::string& path);
std::optional<Date> as_date(ReadContext& cx, const YAML::Node& n, const std::string& path);
// A time that starts a settlement hour.
std::optional<MarketTime> as_hour(ReadContext& cx, const YAML::Node& n, const std::string& path);

class YamlMap {
 public:
  // `path` is the key path of the mapping itself ("nyiso_btmng[0]"). A node
  // that is not a mapping is reported once and every field reads as missing.
  YamlMap(ReadContext& cx, YAML::Node node, std::string path);
  ~YamlMap();  // reports the keys that were never asked for
  YamlMap(const YamlMap&) = delete;
  YamlMap& operator=(const YamlMap&) = delete;

  bool ok() const { return ok_; }
  std::string path(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  const YAML::Mark& mark() const { return mark_; }
  // The node of `key`, or an undefined node (null values count as absent).
  YAML::Node get(const std::string& key);
  bool has(const std::string& key) { return get(key).IsDefined(); }
  // A required field that is absent is reported at the mapping.
  YAML::Node need(const std::string& key);

  std::optional<std::string> text(const std::string& key, bool required = true);
  std::optional<Decimal> number(const std::string& key, bool required = true);
  // A number that must not be negative (MW figures, fractions).
  std::optional<Decimal> non_negative(const std::string& key, bool required = true);
  std::optional<long long> integer(const std::string& key, bool required = true);
  bool flag(const std::string& key, bool fallback);
  std::optional<bool> required_flag(const std::string& key);
  std::optional<Date> date(const std::string& key, bool required = true);
  std::optional<MarketTime> hour(const std::string& key, bool required = true);

  ReadContext& cx() { return cx_; }

 private:
  ReadContext& cx_;
  YAML::Node node_;
  std::string path_;
  YAML::Mark mark_;
  bool ok_ = false;
  std::set<std::string> asked_;
};

}  // namespace drsim::accredit
