// Typed, located reading of YAML nodes (scenarios/yaml_tree.hpp): every mistake becomes a Problem, reading goes on.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>


#include "settlement/problem.hpp"
#include "scenarios/scenario.hpp"
#include "scenarios/yaml_tree.hpp"

namespace drsim::scenarios {

// A value in the document with where it was written and its key path.
struct Field {
  yaml::Node node;
  Mark mark;         // of the value, or of its key when the value is empty
  std::string path;  // "resources[0].seasons.summer.cleared_mw"
};

enum class Need { required, optional };
enum class Sign { any, non_negative };

// The reading context of one scenario file: its name and the problems found so far.
class YamlReader {
 public:
  // Limits against alias bombs and runaway nesting (checked by check_size).
  static constexpr std::size_t kMaxNodes = 1'000'000;
  static constexpr int kMaxDepth = 64;

  explicit YamlReader(std::string file) : file_(std::move(file)) {}
  const std::string& file() const { return file_; }
  std::vector<Problem>& problems() { return problems_; }

  static Mark mark_of(const yaml::Node& node);
  void error(const Mark& at, const std::string& path, std::string message);
  void error(const Field& f, std::string message) { error(f.mark, f.path, std::move(message)); }

  // Walks the document once, counting nodes (aliases counted each time they are
  // used) and depth. Reports a problem and returns false when a limit is passed.
  bool check_size(const yaml::Node& root);

  // Scalar readers: each reports what is wrong and returns nothing.
  std::optional<std::string> text(const Field& f);  // non-empty scalar
  std::optional<Decimal> number(const Field& f, Sign sign);
  std::optional<long long> integer(const Field& f);
  std::optional<bool> boolean(const Field& f);
  std::optional<MarketTime> time(const Field& f);
  std::optional<MarketTime> hour_start(const Field& f);
  std::optional<Date> date(const Field& f);
  std::optional<Money> money(const Field& f);
  // The items of a list (reports and returns nothing when the node is not a list).
  std::optional<std::vector<Field>> items(const Field& f);
  // "a map", "a list", "null" or the scalar's text in quotes.
  static std::string describe(const yaml::Node& node);

 private:
  bool plain_scalar(const Field& f, const char* what);
  std::string file_;
  std::vector<Problem> problems_;
};

// The keys of one map node. Each key the loader reads is allowed; finish()
// reports the keys it never read (with a "did you mean") and repeated keys.
class MapFields {
 public:
  MapFields(YamlReader& reader, const Field& map);
  bool ok() const { return ok_; }
  const Field& self() const { return self_; }
  std::string path_of(std::string_view key) const;

  // The value of `key` (allowing it); nothing when absent, reported when required.
  std::optional<Field> get(std::string_view key, Need need = Need::optional);
  // Present and not null.
  bool has(std::string_view key);

  std::optional<std::string> text(std::string_view key, Need need = Need::required);
  std::optional<Decimal> number(std::string_view key, Need need = Need::required, Sign sign = Sign::non_negative);
  std::optional<long long> integer(std::string_view key, Need need = Need::required);
  std::optional<bool> boolean(std::string_view key, Need need = Need::optional);
  std::optional<MarketTime> time(std::string_view key, Need need = Need::required);
  std::optional<Date> date(std::string_view key, Need need = Need::optional);
  std::optional<Money> money(std::string_view key, Need need = Need::optional);
  // One of `options` (reported with the list when it is not).
  std::optional<std::string> choice(std::string_view key, const std::vector<std::string>& options,
                                    Need need = Need::required);

  void finish();

 private:
  // A value that is present and not null (null counts as absent for optional keys).
  std::optional<Field> value(std::string_view key, Need need);

  struct Entry {
    std::string key;
    Mark key_mark;
    yaml::Node value;
  };
  YamlReader& reader_;
  Field self_;
  bool ok_ = false;
  std::vector<Entry> entries_;
  std::vector<std::string> allowed_;
};

}  // namespace drsim::scenarios
