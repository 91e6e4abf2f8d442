// A small streaming JSON writer with a fixed key order, so equal inputs give equal bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "settlement/money.hpp"

namespace drsim::reports {

class JsonWriter {
 public:
  JsonWriter& begin_object(std::string_view key = {});
  JsonWriter& end_object();
  JsonWriter& begin_array(std::string_view key = {});
  JsonWriter& end_array();
  JsonWriter& string(std::string_view key, std::string_view value);
  JsonWriter& string(std::string_view value);  // array element
  // A number written exactly as given (Money::str(), Decimal::str()): never through a double.
  JsonWriter& number(std::string_view key, std::string_view literal);
  JsonWriter& number(std::string_view key, std::int64_t value);
  // An amount: a JSON number with two decimals and every digit ("6302.75", 400000000000000000.00).
  JsonWriter& money(std::string_view key, const Money& value);
  JsonWriter& boolean(std::string_view key, bool value);
  const std::string& str() const { return out_; }

  static std::string escape(std::string_view s);

 private:
  void prefix(std::string_view key);
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
};

}  // namespace drsim::reports
