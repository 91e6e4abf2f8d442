// Many scenario files checked in parallel on an Asio thread pool, each settled exactly as `drsim run` would.
#include "app/check_files.hpp"

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without including it

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "app/pipeline.hpp"
#include "settlement/problem.hpp"
#include "settlement/warning.hpp"

namespace drsim::app {

namespace {

namespace fs = std::filesystem;

bool yaml_name(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

// A top-level `expect:` key: a line that begins with it (the scenarios' golden tests use the same rule).
bool has_expect(const fs::path& p) {
  std::ifstream in(p);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("expect:", 0) == 0) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> scenario_files(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  std::vector<Problem> problems;
  for (const auto& a : args) {
    std::error_code ec;
    if (fs::is_regular_file(a, ec)) {
      out.push_back(a);
      continue;
    }
    if (!fs::is_directory(a, ec)) {
      problems.push_back(Problem{a, 0, 0, "", "no such file or folder"});
      continue;
    }
    std::vector<std::string> found;
    for (const auto& e : fs::recursive_directory_iterator(a, fs::directory_options::skip_permission_denied, ec)) {
      if (e.is_regular_file() && yaml_name(e.path()) && has_expect(e.path())) found.push_back(e.path().string());
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) problems.push_back(Problem{a, 0, 0, "", "the folder holds no scenario file with an expect: block"});
    out.insert(out.end(), found.begin(), found.end());
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return out;
}

CheckOutcome check_file(const std::string& path) {
  CheckOutcome o;
  o.path = path;
  const auto t0 = std::chrono::steady_clock::now();
  try {
    const RunResult r = run_scenario(path);
    for (const auto& w : r.scenario.warnings) o.warnings.push_back(warning_text(w));
    if (!r.scenario.expect.present) {
      o.problems.push_back(Problem{path, 0, 0, "expect", "the scenario has no expect: block to check"}.str());
    } else {
      o.figures = check_run(r);
      const bool all = std::all_of(o.figures.begin(), o.figures.end(), [](const FigureCheck& f) { return f.holds; });
      o.status = all ? CheckOutcome::Status::holds : CheckOutcome::Status::differs;
    }
  } catch (const InputError& e) {
    for (const auto& p : e.problems()) o.problems.push_back(p.str());
  }
  o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return o;
}

std::vector<CheckOutcome> check_files(const std::vector<std::string>& paths, unsigned jobs) {
  std::vector<CheckOutcome> out(paths.size());
  boost::asio::thread_pool pool(std::max(1U, jobs));
  for (std::size_t i = 0; i < paths.size(); ++i) {
    boost::asio::post(pool, [&out, &paths, i] { out[i] = check_file(paths[i]); });
  }
  pool.join();
  return out;
}

}  // namespace drsim::app
