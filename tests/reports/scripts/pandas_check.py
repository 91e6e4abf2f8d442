#!/usr/bin/python3
"""Reads a run's results.sqlite with pandas, as an analyst would, and checks the types and sums.

usage: pandas_check.py OUTPUT_FOLDER

Every MW, price, MWh and multiplier column must come out as float64, every cents, count and flag
column as int64 (no dtype `object`, whose .sum() concatenates strings), and the money columns
must sum to the CSV statements' totals to the cent: the INTEGER cents exactly, the REAL dollars
after rounding to cents. Exit 0 when all hold, 1 when one does not, 77 when pandas is missing.
"""
import csv
import json
import sqlite3
import sys
from decimal import Decimal
from pathlib import Path

try:
    import pandas as pd
    from pandas.api import types as ptypes
except ImportError:
    print("pandas_check.py: pandas is not installed (Debian package python3-pandas)", file=sys.stderr)
    sys.exit(77)

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def csv_cents(path, column):
    """The sum of a CSV money column in cents, exactly (Decimal, not float)."""
    with open(path, newline="", encoding="utf-8") as f:
        return sum(int(Decimal(r[column]) * 100) for r in csv.DictReader(f))


def main(folder):
    out = Path(folder)
    con = sqlite3.connect(out / "results.sqlite")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))

    def frame(table):
        return pd.read_sql(f"SELECT * FROM {table}", con)

    # Columns whose pandas dtype must be float64 (REAL) and int64 (INTEGER), per table.
    real = {
        "hourly": ["instructed_mw", "target_mw", "actual_mw", "shortfall_mw", "shortfall_mwh", "lmp_usd_per_mwh",
                   "rsg_usd_per_mwh", "multiplier", "energy_charge_usd", "rsg_charge_usd", "obligated_fraction",
                   "instruction_mw", "available_mw", "measured_mw", "baseline_mw"],
        "capacity": ["cleared_mw", "acp_usd_per_mw_day", "amount_usd"],
        "allocation": ["amount_usd"],
        "allocation_shares": ["weight", "amount_usd"],
        "eo": ["acp_usd_per_mw_day", "cleared_mw", "nonperformance_mw", "eo_before_usd", "adjustment_usd", "eo_usd",
               "mw_days_before", "mw_days_after"],
    }
    integer = {
        "hourly": ["he", "energy_charge_cents", "rsg_charge_cents"],
        "capacity": ["planning_year", "days_paid", "amount_cents"],
        "allocation": ["amount_cents"],
        "allocation_shares": ["static_share", "amount_cents"],
        "failures": ["planning_year", "counted", "disqualified"],
        "deployments": ["deployments", "max_interruptions", "seasonal_minimum"],
        "eo": ["eo_cents", "eo_before_cents", "adjustment_cents"],
    }
    frames = {t: frame(t) for t in set(real) | set(integer)}
    for table, cols in real.items():
        df = frames[table]
        for c in cols:
            # An empty table has no values to infer from; a column of NULLs (no baseline) is float64 too.
            if len(df) and df[c].notna().any():
                check(ptypes.is_float_dtype(df[c]), f"{table}.{c}: dtype {df[c].dtype}, expected float64")
    for table, cols in integer.items():
        df = frames[table]
        for c in cols:
            if len(df):
                check(ptypes.is_integer_dtype(df[c]), f"{table}.{c}: dtype {df[c].dtype}, expected int64")

    # No figure needed its exact text kept aside (exact_figures lists those beyond the types).
    has_exact = con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'exact_figures'").fetchone()[0]
    check(has_exact and frame("exact_figures").empty, "exact_figures is missing, or not empty for an ordinary run")

    def money_sums(table, usd, csv_name, csv_column, summary_cents=None):
        df = frames[table]
        cents_col = usd[:-4] + "_cents"
        exact = csv_cents(out / csv_name, csv_column)
        got_cents = int(df[cents_col].sum()) if len(df) else 0
        got_usd = round(float(df[usd].sum()) * 100) if len(df) else 0
        check(got_cents == exact, f"sum({table}.{cents_col}) = {got_cents}, {csv_name} sums {csv_column} to {exact} cents")
        check(got_usd == exact, f"sum({table}.{usd}) = {got_usd} cents, {csv_name} sums to {exact}")
        if summary_cents is not None:
            check(exact == summary_cents, f"{csv_name} {csv_column} sums to {exact} cents, summary.json {summary_cents}")
        print(f"{table}.{usd}: {len(df)} rows, {exact} cents")

    def cents(x):
        check(isinstance(x, (int, float)) and not isinstance(x, bool), f"summary.json: {x!r} is not a number")
        return int(Decimal(str(x)) * 100)

    money_sums("hourly", "energy_charge_usd", "hourly.csv", "energy_charge_usd", cents(summary["energy_charge_usd"]))
    money_sums("hourly", "rsg_charge_usd", "hourly.csv", "rsg_charge_usd", cents(summary["rsg_charge_usd"]))
    money_sums("capacity", "amount_usd", "capacity.csv", "amount_usd", cents(summary["capacity_usd"]))
    money_sums("allocation", "amount_usd", "allocation.csv", "amount_usd", cents(summary["allocated_usd"]))
    money_sums("eo", "eo_usd", "eo.csv", "eo_usd")
    money_sums("eo", "eo_before_usd", "eo.csv", "eo_before_usd")
    money_sums("eo", "adjustment_usd", "eo.csv", "adjustment_usd")

    # A comparison, a sort and a max are numeric, not textual.
    h = frames["hourly"]
    with open(out / "hourly.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    lmps = [Decimal(r["lmp_usd_per_mwh"]) for r in rows if r["lmp_usd_per_mwh"]]
    check(int((h["lmp_usd_per_mwh"] > 1000).sum()) == sum(1 for x in lmps if x > 1000), "lmp > 1000 count differs")
    if lmps:
        check(Decimal(repr(h["lmp_usd_per_mwh"].max())) == max(lmps), "max lmp differs from hourly.csv")
    if rows:
        check(Decimal(repr(h["energy_charge_usd"].max())) == max(Decimal(r["energy_charge_usd"]) for r in rows),
              "max energy charge differs from hourly.csv")
    # summary.json: rule values typed (a JSON boolean, number or name).
    for key, value in summary["rules"].items():
        if key in ("multiplier_applies_to_rsg", "baseline_same_day_adjustment", "penalize_btmg"):
            check(isinstance(value, bool), f"summary.json rules.{key}: {value!r} is not a boolean")
        elif key.endswith(("_h", "_mw", "_multiplier", "_usd_per_mwh")):
            check(isinstance(value, (int, float)) and not isinstance(value, bool),
                  f"summary.json rules.{key}: {value!r} is not a number")

    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
