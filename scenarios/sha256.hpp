// SHA-256 of a byte string (FIPS 180-4), to fingerprint the scenario file a run used.
#pragma once

#include <string>
#include <string_view>

namespace drsim::scenarios {

// The digest of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace drsim::scenarios
