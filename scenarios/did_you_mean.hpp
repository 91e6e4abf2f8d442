// Suggestions for misspelt keys: the closest allowed name by edit distance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drsim::scenarios {

// Levenshtein distance between two byte strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, when it is close enough to be a likely typo
// (at most 2 edits, or a third of the word's length for long words; a word that
// begins a candidate counts as one edit).
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace drsim::scenarios
