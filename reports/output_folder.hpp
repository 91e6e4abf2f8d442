// An output folder that appears whole or not at all: written under a temporary
// name beside the target and renamed into place when complete.
#pragma once

#include <filesystem>
#include <string>

namespace drsim::reports {

class OutputFolder {
 public:
  // Refuses (std::runtime_error) when `target` exists and is not an empty folder,
  // unless `force`, in which case it is replaced when commit() runs.
  OutputFolder(std::filesystem::path target, bool force);
  // Removes the temporary folder unless committed: a failed run leaves nothing.
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  // Where to write the files now.
  const std::filesystem::path& staging() const { return staging_; }
  std::string file(const std::string& name) const { return (staging_ / name).string(); }
  // Moves the finished folder into place (rename: atomic on one file system).
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool force_;
  bool committed_ = false;
};

// True when `path` does not exist or is an empty folder.
bool empty_or_missing(const std::filesystem::path& path);

}  // namespace drsim::reports
