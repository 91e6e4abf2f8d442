// The readings a sweep settles: the scenario's rules, then each other reading of the open keys
// (one at a time, or the product of named keys), from settlement's one table of open readings.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "settlement/rules.hpp"

namespace drsim::app {

struct Reading {
  std::string name;  // "default", "multiplier_applies_to_rsg=true", "fsl_shortfall_cap=none;penalize_btmg=false"
  std::vector<std::pair<std::string, std::string>> changed;  // key, value: what differs from the scenario's rules
  Rules rules;
};

// The scenario's own rules first (named "default"), then, for each open key in rules.md order,
// each of its values other than the one in force, the other keys as in force.
std::vector<Reading> one_at_a_time(const Rules& in_force);

// The full product of the named keys' values (the first key varies slowest, values in the table's
// order), the other keys as in force: the combination equal to the rules in force comes first, as
// "default"; the others are named by every named key. Throws InputError for a key that is not an
// open key (naming the open keys, with a did-you-mean) or a key named twice.
std::vector<Reading> grid(const Rules& in_force, const std::vector<std::string>& keys);

// The readings an `expect: sweep:` entry names (rules set on top of the scenario's): its name as
// a sweep would give it ("default" when nothing changes).
Reading reading_of(const Rules& in_force, const Rules& rules);

}  // namespace drsim::app
