// The processes of `mpirun -np N drsim exposure ...`: each settles a slice, rank 0 writes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/exposure_trial_result.hpp"

namespace drsim::app {

// Under mpirun (Open MPI, through Boost.MPI, when drsim is built with it) the ranks of
// the job; otherwise one process, rank 0 of 1. Every member is a collective call: all
// ranks make the same calls in the same order.
class ExposureRanks {
 public:
  // Joins the MPI job when this process was started by mpirun with more than one rank
  // (MPI is initialized only then, and finalized at exit).
  static ExposureRanks& world();

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool root() const { return rank_ == 0; }

  // This rank's trials of [first, end): the rank-th of size() contiguous slices, cut as
  // --shard cuts (so `mpirun -np N` and N shards settle the same trials in each part).
  std::pair<std::uint64_t, std::uint64_t> slice(std::uint64_t first, std::uint64_t end) const;
  // Each rank gives its failure (or none); every rank gets the lowest failing rank's,
  // as "rank K: message" when there is more than one rank.
  std::optional<std::string> agree(const std::optional<std::string>& failure);
  // The ranks' results, in rank order (so in trial order), on rank 0; empty elsewhere.
  std::vector<sim::TrialResult> gather(std::vector<sim::TrialResult> mine);

 private:
  ExposureRanks();
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace drsim::app
