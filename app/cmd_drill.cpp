// `drsim drill SCENARIO --listen HOST:PORT --speed X --out DIR`: drsim as an OpenADR 3.0.1 VTN
// (docs/drill.md). The scenario's instructions go out on an accelerated clock, the VENs' advanced
// reporting and meter readings come back, and the drill is settled as `drsim run` settles:
// drill-scenario.yaml is written first and run through the same pipeline.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "app/command_registry.hpp"
#include "app/pipeline.hpp"
#include "app/warnings_print.hpp"
#include "drill/drill_run.hpp"
#include "reports/exposure_trial_dump.hpp"
#include "reports/output_folder.hpp"
#include "reports/run_outputs.hpp"
#include "scenarios/scenario_loader.hpp"

namespace drsim::app {
namespace {

struct DrillCli {
  std::string scenario;
  std::string listen = "127.0.0.1:0";
  std::string out;
  bool force = false;
  long lead_min = 0;
  long grace_min = 60;
  long token_ttl_s = 3600;
  long webhook_timeout_ms = 2000;
  long io_timeout_ms = 10000;
  drill::DrillOptions options;
};

// HOST:PORT, [V6]:PORT or PORT alone (loopback).
void parse_listen(const std::string& text, drill::DrillOptions& o) {
  std::string host = "127.0.0.1";
  std::string port = text;
  if (const auto colon = text.rfind(':'); colon != std::string::npos) {
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  }
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos || std::stoul(port) > 65535) {
    throw std::runtime_error("--listen " + text + ": expected HOST:PORT (e.g. 127.0.0.1:8081; port 0 picks a free one)");
  }
  o.host = host;
  o.port = static_cast<unsigned short>(std::stoul(port));
}

// Replaces the staging folder in the problems' file names by the folder's final name.
void rename_files(std::vector<Problem>& problems, const std::string& from, const std::string& to) {
  for (auto& p : problems) {
    if (p.file == from) p.file = to;
  }
}

void run(const DrillCli& c) {
  drill::DrillOptions o = c.options;
  parse_listen(c.listen, o);
  o.lead = Duration::minutes(c.lead_min);
  o.grace = Duration::minutes(c.grace_min);
  o.token_ttl = std::chrono::seconds(c.token_ttl_s);
  o.webhook_timeout = std::chrono::milliseconds(c.webhook_timeout_ms);
  o.io_timeout = std::chrono::milliseconds(c.io_timeout_ms);
  const Scenario s = load_scenario(c.scenario, MeterCheck::full);
  print_warnings(s);
  reports::OutputFolder folder(c.out, c.force);  // refused before the drill, not after it
  const drill::DrillOutcome d = drill::run_drill(s, o, std::cerr, [&o](unsigned short port) {
    std::cout << fmt::format("drsim drill: listening on http://{}:{}/openadr3/3.0.1", o.host.find(':') == std::string::npos ? o.host : "[" + o.host + "]", port)
              << std::endl;
  });
  const std::string name = "drill-scenario.yaml";
  reports::write_scenario_files(folder.staging().string(), drill::drilled_market(s, d), s.rules_overridden, d.meter_rows,
                                {name, "drill-data",
                                 "Written by drsim drill: the scenario with what the VENs reported (drsim run reproduces the drill)."});
  const std::string staged = (folder.staging() / name).string();
  const std::string final_path = (std::filesystem::path(c.out) / name).string();
  RunResult r = run_scenario(staged);
  r.scenario.path = r.info.scenario_path = final_path;
  rename_files(r.statement.warnings, staged, final_path);
  rename_files(r.scenario.warnings, staged, final_path);
  print_warnings(r.scenario);
  reports::RunInfo info = r.info;
  info.finished_at = utc_now();
  reports::write_run_outputs(folder.staging().string(), info, r.scenario, r.record, r.statement);
  folder.commit();
  std::cout << headline(r) << warnings_summary(r.scenario, r.statement.warnings) << "outputs: " << c.out
            << " (drsim run " << final_path << " reproduces them)\n";
}

const RegisterCommand drill_command{75, [](CLI::App& app) {
  auto c = std::make_shared<DrillCli>();
  auto* cmd = app.add_subcommand(
      "drill",
      "Run a scenario as a live drill: drsim is an OpenADR 3.0.1 VTN (docs/drill.md).\n"
      "Issues the scenario's instructions as events on an accelerated clock, takes the VENs'\n"
      "advanced reporting and meter readings (POST /reports) in place of the scenario's, and at\n"
      "the end settles them as drsim run does: DIR gets the usual outputs and drill-scenario.yaml,\n"
      "which drsim run reproduces byte for byte. Clients: each participant id is its own client id\n"
      "and secret, operator/operator the operator, unless --clients FILE.");
  cmd->add_option("scenario", c->scenario, "Scenario file (YAML, docs/format.md)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--listen", c->listen, "HOST:PORT to serve (loopback unless --allow-remote; port 0: a free one, printed)")
      ->capture_default_str();
  cmd->add_option("--speed", c->options.speed, "Simulated seconds per wall second (60: a minute a second; 1: real time)")
      ->capture_default_str();
  cmd->add_option("--out,-o", c->out, "Output folder (must not exist or be empty, unless --force)")->required();
  cmd->add_flag("--force", c->force, "Replace a non-empty output folder");
  cmd->add_flag("--allow-remote", c->options.allow_remote, "Allow --listen on an address other machines reach (a warning)");
  cmd->add_option("--clients", c->options.clients_file, "CSV client_id,client_secret,participant (participant 'operator' for the operator)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--lead", c->lead_min, "Simulated minutes before the first issue time (to log in and subscribe)")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_option("--grace", c->grace_min, "Simulated minutes after the last window's end, for the last meter readings")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-body", c->options.max_body, "Largest request body in bytes (413 beyond)")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_option("--rate", c->options.rate, "Requests per wall second per client, bursts of twice that (429 beyond)")
      ->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_option("--token-ttl", c->token_ttl_s, "Wall seconds a bearer token lasts")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_option("--webhook-timeout-ms", c->webhook_timeout_ms, "Wall milliseconds a webhook call may take")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_option("--io-timeout-ms", c->io_timeout_ms, "Wall milliseconds a request may take to arrive")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->callback([c] {
    try {
      run(*c);
    } catch (const InputError&) {
      throw;
    } catch (const std::runtime_error& e) {
      std::cerr << "drsim drill: " << e.what() << '\n';
      exit_with(kExitInvalid);
    }
  });
}};

}  // namespace
}  // namespace drsim::app
