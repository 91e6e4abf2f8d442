// Exposure ranks: Boost.MPI when built with it (DRSIM_WITH_MPI), one process otherwise.
#include "app/exposure_ranks.hpp"

#include <cstdlib>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "settlement/decimal.hpp"

#ifdef DRSIM_WITH_MPI
#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>
#endif

namespace drsim::app {

namespace {

#ifdef DRSIM_WITH_MPI
// Started by mpirun (Open MPI sets OMPI_COMM_WORLD_SIZE; PMI/PMIx launchers their own).
int launched_size() {
  for (const char* var : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE"}) {
    if (const char* v = std::getenv(var)) return std::atoi(v);
  }
  return 1;
}

std::unique_ptr<boost::mpi::environment>& environment() {
  static std::unique_ptr<boost::mpi::environment> env;  // finalizes MPI at exit
  return env;
}

// A trial's figures as bytes: fixed-width fields, money as 128-bit cents.
void put(std::string& out, const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }
template <class T>
void put(std::string& out, T v) {
  put(out, &v, sizeof v);
}
template <class T>
T take(const std::string& in, std::size_t& at) {
  T v;
  std::memcpy(&v, in.data() + at, sizeof v);
  at += sizeof v;
  return v;
}

std::string encode(const std::vector<sim::TrialResult>& results) {
  std::string out;
  put(out, static_cast<std::uint64_t>(results.size()));
  for (const auto& r : results) {
    put(out, r.trial);
    for (const Money* m : {&r.penalty, &r.energy_charge, &r.rsg_charge, &r.capacity, &r.eo_before, &r.eo, &r.eo_loss}) {
      put(out, m->cents());
    }
    put(out, r.emergencies);
    put(out, r.instructions);
    put(out, static_cast<std::uint64_t>(r.disqualified.size()));
    for (auto i : r.disqualified) put(out, i);
  }
  return out;
}

void decode(const std::string& in, std::vector<sim::TrialResult>& out) {
  std::size_t at = 0;
  const auto n = take<std::uint64_t>(in, at);
  for (std::uint64_t k = 0; k < n; ++k) {
    sim::TrialResult r;
    r.trial = take<std::uint64_t>(in, at);
    for (Money* m : {&r.penalty, &r.energy_charge, &r.rsg_charge, &r.capacity, &r.eo_before, &r.eo, &r.eo_loss}) {
      *m = Money::from_cents(take<int128>(in, at));
    }
    r.emergencies = take<int>(in, at);
    r.instructions = take<int>(in, at);
    const auto d = take<std::uint64_t>(in, at);
    for (std::uint64_t i = 0; i < d; ++i) r.disqualified.push_back(take<std::uint32_t>(in, at));
    out.push_back(std::move(r));
  }
}
#endif

}  // namespace

ExposureRanks::ExposureRanks() {
#ifdef DRSIM_WITH_MPI
  if (launched_size() > 1) {
    environment() = std::make_unique<boost::mpi::environment>(boost::mpi::threading::funneled);
    const boost::mpi::communicator comm;
    rank_ = comm.rank();
    size_ = comm.size();
  }
#endif
}

ExposureRanks& ExposureRanks::world() {
  static ExposureRanks ranks;
  return ranks;
}

std::pair<std::uint64_t, std::uint64_t> ExposureRanks::slice(std::uint64_t first, std::uint64_t end) const {
  const auto cut = [&](int i) {
    return first + static_cast<std::uint64_t>(static_cast<int128>(end - first) * i / size_);
  };
  return {cut(rank_), cut(rank_ + 1)};
}

std::optional<std::string> ExposureRanks::agree(const std::optional<std::string>& failure) {
  if (size_ == 1) return failure;
#ifdef DRSIM_WITH_MPI
  const boost::mpi::communicator comm;
  // "" for a rank that did not fail; a failure is never empty.
  std::vector<std::string> all;
  boost::mpi::all_gather(comm, failure ? (failure->empty() ? std::string("failed") : *failure) : std::string(), all);
  for (std::size_t k = 0; k < all.size(); ++k) {
    if (!all[k].empty()) return fmt::format("rank {}: {}", k, all[k]);
  }
#endif
  return std::nullopt;
}

std::vector<sim::TrialResult> ExposureRanks::gather(std::vector<sim::TrialResult> mine) {
  if (size_ == 1) return mine;
  std::vector<sim::TrialResult> out;
#ifdef DRSIM_WITH_MPI
  const boost::mpi::communicator comm;
  const std::string bytes = encode(mine);
  if (rank_ == 0) {
    std::vector<std::string> all;
    boost::mpi::gather(comm, bytes, all, 0);
    for (const auto& part : all) decode(part, out);
  } else {
    boost::mpi::gather(comm, bytes, 0);
  }
#endif
  return out;
}

}  // namespace drsim::app
