// Input problems: each names its file, line, column, key path and what is wrong.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace drsim {

// One thing wrong with the input. Printed as `file:line:column: key.path: what
// is wrong`; for a CSV row, column is 0 and key is the column name, giving
// `file:line: column: what is wrong` (format.md).
struct Problem {
  std::string file;
  int line = 0;
  int column = 0;
  std::string key;
  std::string message;
  std::string str() const;
};

// Thrown when input cannot be used; carries every problem found.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Problem> problems);
  explicit InputError(Problem problem) : InputError(std::vector<Problem>{std::move(problem)}) {}
  const std::vector<Problem>& problems() const { return problems_; }

 private:
  std::vector<Problem> problems_;
};

}  // namespace drsim
