// A per-process scratch folder for the fuzz targets: each input is written to a file there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace drsim::fuzz {

// The scratch folder (created on first use, under /dev/shm when it exists, so
// writing an input costs no disk I/O); removed when the process exits.
const std::filesystem::path& scratch_dir();

// Writes `size` bytes to `name` in the scratch folder (replacing it); returns its path.
std::string write_input(const std::string& name, const std::uint8_t* data, std::size_t size);

}  // namespace drsim::fuzz
