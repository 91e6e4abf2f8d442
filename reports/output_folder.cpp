// Whole-or-nothing output folders.
#include "output_folder.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace drsim::reports {

namespace fs = std::filesystem;

namespace {

// Removes `.NAME.partial-PID` and `.NAME.old-PID` beside the target left by runs
// that were killed (kill -9, power loss): only those whose process is gone.
void remove_stale(const fs::path& parent, const std::string& name) {
  std::error_code ec;
  std::vector<fs::path> stale;
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    const std::string n = e.path().filename().string();
    for (const std::string& prefix : {"." + name + ".partial-", "." + name + ".old-"}) {
      if (n.size() <= prefix.size() || n.compare(0, prefix.size(), prefix) != 0) continue;
      const std::string digits = n.substr(prefix.size());
      if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
      const auto pid = static_cast<pid_t>(std::stol(digits));
      if (pid != ::getpid() && ::kill(pid, 0) == -1 && errno == ESRCH) stale.push_back(e.path());
    }
  }
  for (const auto& p : stale) fs::remove_all(p, ec);
}

}  // namespace

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
  remove_stale(parent, target_.filename().string());
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
