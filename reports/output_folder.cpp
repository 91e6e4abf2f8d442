// Whole-or-nothing output folders.
#include "output_folder.hpp"

#include <unistd.h>

#include <stdexcept>
#include <system_error>

namespace drsim::reports {

namespace fs = std::filesystem;

bool empty_or_missing(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return true;
  return fs::is_directory(path, ec) && fs::is_empty(path, ec);
}

OutputFolder::OutputFolder(fs::path target, bool force) : target_(std::move(target)), force_(force) {
  if (target_.filename().empty()) target_ = target_.parent_path();
  if (!force_ && !empty_or_missing(target_)) {
    throw std::runtime_error("output folder " + target_.string() +
                             " exists and is not empty: choose another --out, or add --force to replace it");
  }
  if (fs::exists(target_) && !fs::is_directory(target_)) {
    throw std::runtime_error("output path " + target_.string() + " is a file, not a folder");
  }
  const fs::path parent = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  fs::create_directories(parent);
  staging_ = parent / ("." + target_.filename().string() + ".partial-" + std::to_string(::getpid()));
  fs::remove_all(staging_);
  fs::create_directory(staging_);
}

OutputFolder::~OutputFolder() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }
}

void OutputFolder::commit() {
  ::sync();  // the files are on disk before the folder appears under its name
  std::error_code ec;
  fs::path old;
  if (fs::exists(target_)) {
    old = target_.parent_path() / ("." + target_.filename().string() + ".old-" + std::to_string(::getpid()));
    fs::rename(target_, old);
  }
  fs::rename(staging_, target_);
  committed_ = true;
  if (!old.empty()) fs::remove_all(old, ec);
}

}  // namespace drsim::reports
