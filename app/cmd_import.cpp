// drsim import: converts raw public data files (MISO/EIA prices, EIA-930 load, building meters) into series CSVs.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/command_registry.hpp"
#include "scenarios/importers/lmp_import.hpp"
#include "scenarios/importers/load_import.hpp"
#include "scenarios/importers/meter_import.hpp"
#include "scenarios/importers/series_writer.hpp"
#include "scenarios/importers/source_time.hpp"
#include "settlement/problem.hpp"

namespace {

using drsim::InputError;
using drsim::Problem;
using namespace drsim::importers;

struct CommonOptions {
  std::string file;
  std::string from, to;  // YYYY-MM-DD, inclusive, on the output's market day
  bool no_header = false;
};

void add_common(CLI::App* cmd, CommonOptions& o) {
  cmd->add_option("file", o.file, "raw source file")->required();
  cmd->add_option("--from", o.from, "first market day kept (YYYY-MM-DD)");
  cmd->add_option("--to", o.to, "last market day kept (YYYY-MM-DD)");
  cmd->add_flag("--no-header", o.no_header, "leave out the CSV header (to append)");
}

Problem option_problem(const std::string& option, const std::string& message) {
  return Problem{"<command line>", 0, 0, option, message};
}

DateFilter filter_of(const CommonOptions& o) {
  DateFilter f;
  auto read = [](const std::string& text, const char* option) {
    auto d = drsim::parse_date(text);
    if (!std::holds_alternative<drsim::Date>(d)) throw InputError(option_problem(option, "bad date '" + text + "'"));
    return std::get<drsim::Date>(d);
  };
  if (!o.from.empty()) f.from = read(o.from, "--from");
  if (!o.to.empty()) f.to = read(o.to, "--to");
  return f;
}

drsim::Decimal decimal_of(const std::string& text, const std::string& option) {
  auto d = drsim::Decimal::parse(text);
  if (!d) throw InputError(option_problem(option, "not a number: '" + text + "'"));
  return *d;
}

drsim::MarketTime time_of(const std::string& text, const std::string& option) {
  auto t = drsim::parse_market_time(text);
  if (!std::holds_alternative<drsim::MarketTime>(t)) throw InputError(option_problem(option, "bad time '" + text + "'"));
  return std::get<drsim::MarketTime>(t);
}

// Opens the source, runs `read` on it; the file name goes into every problem.
template <class Read>
auto with_source(const std::string& file, Read read) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(Problem{file, 0, 0, "", "cannot open the file"});
  SourceCsv csv(in, file);
  return read(csv);
}

// Runs an importer; when it keeps no row, that is bad input with a hint: the market days the file covers
// (found by reading it again without --from/--to), so `import` never exits 0 with a bare header.
template <class Row, class Import, class DayOf>
std::vector<Row> import_some(const std::string& file, const DateFilter& filter, Import import, DayOf day_of) {
  std::vector<Row> rows = with_source(file, [&](SourceCsv& csv) { return import(csv, filter); });
  if (!rows.empty()) return rows;
  const std::vector<Row> all = with_source(file, [&](SourceCsv& csv) { return import(csv, DateFilter{}); });
  std::string hint = "the file holds no row for this selection";
  if (!all.empty()) {
    drsim::Date first = day_of(all.front()), last = first;
    for (const Row& r : all) {
      first = std::min(first, day_of(r));
      last = std::max(last, day_of(r));
    }
    hint = "no row falls in the market days " + (filter.from ? filter.from->str() : std::string("..")) + " .. " +
           (filter.to ? filter.to->str() : std::string("..")) + "; the file covers " + first.str() + " .. " +
           last.str() + " (--from and --to are inclusive market days, EST)";
  }
  throw InputError(Problem{file, 0, 0, "", hint});
}

drsim::Date day_of_series(const SeriesRow& r) { return r.hour.date(); }

void setup_lmp(CLI::App* parent) {
  auto* cmd = parent->add_subcommand("lmp", "hourly LMPs of one hub as rows of a cpnode: cpnode,hour_start,usd_per_mwh");
  struct Options : CommonOptions {
    std::string format, node, cpnode;
  };
  auto o = std::make_shared<Options>();
  add_common(cmd, *o);
  cmd->add_option("--format", o->format, "miso-he (MISO hub report, HE 1-24 EST) or eia (EIA-compiled MISO hub file)")
      ->required()
      ->check(CLI::IsMember({"miso-he", "eia"}));
  cmd->add_option("--node", o->node, "source node or column: ILLINOIS.HUB (miso-he), 'Indiana Hub LMP' (eia)")->required();
  cmd->add_option("--cpnode", o->cpnode, "scenario cpnode the hub price stands in for")->required();
  cmd->callback([o] {
    const DateFilter filter = filter_of(*o);
    const auto rows = import_some<SeriesRow>(o->file, filter, [&](SourceCsv& csv, const DateFilter& f) {
      return o->format == "eia" ? import_eia_hub_lmp(csv, o->node, o->cpnode, f)
                                : import_miso_hub_he(csv, o->node, o->cpnode, f);
    }, day_of_series);
    write_series(std::cout, "cpnode,hour_start,usd_per_mwh", rows, !o->no_header);
    drsim::app::exit_with(drsim::app::kExitOk);
  });
}

void setup_load(CLI::App* parent) {
  auto* cmd = parent->add_subcommand("load", "EIA-930 hourly demand split into LSE loads: lse,hour_start,mwh");
  struct Options : CommonOptions {
    std::string subba;
    std::vector<std::string> lses;  // LSE=SHARE
  };
  auto o = std::make_shared<Options>();
  add_common(cmd, *o);
  cmd->add_option("--subba", o->subba, "sub-BA code for EIA API v2 files (e.g. 0001)");
  cmd->add_option("--lse", o->lses, "LSE=SHARE, e.g. LSE-A=0.6 (repeat per LSE)")->required();
  cmd->callback([o] {
    std::vector<std::pair<std::string, drsim::Decimal>> shares;
    for (const auto& spec : o->lses) {
      const auto eq = spec.find('=');
      if (eq == std::string::npos || eq == 0) throw InputError(option_problem("--lse", "expected LSE=SHARE, got '" + spec + "'"));
      shares.emplace_back(spec.substr(0, eq), decimal_of(spec.substr(eq + 1), "--lse"));
    }
    const DateFilter filter = filter_of(*o);
    const std::optional<std::string> subba = o->subba.empty() ? std::nullopt : std::optional<std::string>(o->subba);
    const auto load = import_some<HourlyLoad>(
        o->file, filter, [&](SourceCsv& csv, const DateFilter& f) { return import_eia930(csv, subba, f); },
        [](const HourlyLoad& h) { return h.hour.date(); });
    write_series(std::cout, "lse,hour_start,mwh", split_load(load, shares), !o->no_header);
    drsim::app::exit_with(drsim::app::kExitOk);
  });
}

void setup_meter(CLI::App* parent) {
  auto* cmd = parent->add_subcommand(
      "meter", "hourly building kWh scaled into a resource meter: resource,interval_start,interval_minutes,mw");
  struct Options : CommonOptions {
    std::string resource, factor = "1";
    int shift_days = 0;
    std::vector<std::string> windows;  // START,END,FRACTION
    bool windows_only = false;
  };
  auto o = std::make_shared<Options>();
  add_common(cmd, *o);
  cmd->add_option("--resource", o->resource, "resource id")->required();
  cmd->add_option("--factor", o->factor, "MW = kWh / 1000 x FACTOR");
  cmd->add_option("--shift-days", o->shift_days, "shift the readings' calendar by whole days");
  cmd->add_option("--window", o->windows, "START,END,FRACTION: assumed response, load x FRACTION in [START, END)");
  cmd->add_flag("--windows-only", o->windows_only, "emit only hours inside the windows (generator output)");
  cmd->callback([o] {
    MeterRecipe recipe;
    recipe.resource = o->resource;
    recipe.factor = decimal_of(o->factor, "--factor");
    recipe.shift_days = o->shift_days;
    recipe.windows_only = o->windows_only;
    recipe.filter = filter_of(*o);
    for (const auto& spec : o->windows) {
      const auto c1 = spec.find(',');
      const auto c2 = c1 == std::string::npos ? c1 : spec.find(',', c1 + 1);
      if (c2 == std::string::npos) throw InputError(option_problem("--window", "expected START,END,FRACTION, got '" + spec + "'"));
      recipe.windows.push_back({time_of(spec.substr(0, c1), "--window"), time_of(spec.substr(c1 + 1, c2 - c1 - 1), "--window"),
                                decimal_of(spec.substr(c2 + 1), "--window")});
    }
    const auto rows = import_some<MeterInterval>(
        o->file, recipe.filter,
        [&](SourceCsv& csv, const DateFilter& f) {
          MeterRecipe r = recipe;
          r.filter = f;
          return import_building_meter(csv, r);
        },
        [](const MeterInterval& m) { return m.start.date(); });
    write_meter(std::cout, rows, !o->no_header);
    drsim::app::exit_with(drsim::app::kExitOk);
  });
}

const drsim::app::RegisterCommand import_command{90, [](CLI::App& app) {
  auto* cmd = app.add_subcommand("import", "convert raw public data files into drsim series CSVs (written to stdout)");
  cmd->require_subcommand(1);
  setup_lmp(cmd);
  setup_load(cmd);
  setup_meter(cmd);
}};

}  // namespace
