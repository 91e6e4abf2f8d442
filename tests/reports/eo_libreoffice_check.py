#!/usr/bin/env python3
"""Recalculates a run's eo.xlsx in LibreOffice headless and checks it against eo.csv; prints it to PDF.

    eo_libreoffice_check.py --drsim BUILD/app/drsim SCENARIO.yaml [--extra-eo "{mp: ..., ...}"] [--keep]

1. `drsim run SCENARIO` (with --extra-eo: a copy of the scenario's folder with that entry put
   first in its eo: list, so the workbook has two entries and sheets " 2").
2. A copy of eo.xlsx whose formula cells have their cached values replaced by a sentinel
   (-987654321, or "stale" for a text result), so every figure LibreOffice exports comes from
   its own recalculation; LibreOffice's profile (private to this run, so parallel tests do
   not collide) says to recalculate OOXML files on load.
3. `soffice --headless --convert-to csv` of every sheet (filter token 12 = -1, LibreOffice 7.2+).
4. Every formula cell of the workbook must have an expected value, computed here from eo.csv,
   summary.json and the workbook's inputs; LibreOffice's value and drsim's cached value must
   both equal it: money to the cent, MW, MW-days, prices and days to the micro (drsim's
   Decimal places), text exactly.
5. `soffice --convert-to pdf` of eo.xlsx: each Attachment C and Non-performance sheet is one
   landscape US Letter page (the footer names the page's sheet), the Daily MW sheet portrait
   pages; the pages show the figures as formatted (prices 33.20, money 451,264.00, planning
   year 2025, no "2,025") and no "###" (a column too narrow).
Exit status 0 when everything holds, 1 otherwise (each problem printed), 2 on bad usage.
"""
import argparse
import csv
import datetime
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
SENTINEL = "-987654321"
SEASONS = ["winter", "spring", "summer", "fall"]  # Attachment C's order
PRICE_COL = "DEFG"
MW_COL = "IJKL"
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

problems = []
current = [""]  # the case being checked, named in each problem


def problem(text):
    problems.append("%s: %s" % (current[0], text) if current[0] else text)


# ---- the workbook's own cells (formulas, cached values, inputs)

def read_xlsx(path):
    """{sheet: {ref: (formula or None, cached text, is_text)}} in the book's sheet order."""
    z = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    book = {}
    for sheet in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS):
        target = rels[sheet.get("{%s}id" % NS["r"])]
        cells = {}
        for c in ET.fromstring(z.read("xl/" + target.lstrip("/").removeprefix("xl/"))).iter("{%s}c" % NS["m"]):
            f = c.find("m:f", NS)
            v = c.find("m:v", NS)
            value = v.text if v is not None and v.text is not None else ""
            if c.get("t") == "s":
                value = strings[int(value)]
            cells[c.get("r")] = (f.text if f is not None else None, value, c.get("t") in ("s", "str", "inlineStr"))
        book[sheet.get("name")] = (target, cells)
    return book


def stale_copy(src, dst):
    """eo.xlsx with every formula's cached value replaced, so only a recalculation gives figures."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        replaced = 0
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                text, n1 = re.subn(r'(<c [^>]*t="str"[^>]*><f>[^<]*</f>)<v>[^<]*</v>', r"\1<v>stale</v>", text)
                text, n2 = re.subn(r'(<c (?:(?!t="str")[^>])*><f>[^<]*</f>)<v>[^<]*</v>', r"\g<1><v>%s</v>" % SENTINEL,
                                   text)
                replaced += n1 + n2
                data = text.encode("utf-8")
            zout.writestr(item, data)
    return replaced


# ---- LibreOffice

def soffice(args, profile, cwd):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        print("soffice is not installed: `./build.sh test` installs it (Debian package libreoffice-calc-nogui)")
        sys.exit(1)
    r = subprocess.run([exe, "-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--nolockcheck"]
                       + args, cwd=cwd, capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        problem("soffice %s: exit %d: %s%s" % (" ".join(args), r.returncode, r.stdout, r.stderr))
    return r


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1, int(ref[len(letters):]) - 1


def lo_value(grid, ref):
    c, r = col_index(ref)
    if r >= len(grid) or c >= len(grid[r]):
        return ""
    return grid[r][c]


# ---- what each formula cell must show

def dec(text):
    return Decimal(str(text))


def fmt_money(d):
    return "{:,.2f}".format(d)


def fmt_price(text):
    """A price as #,##0.00#### shows it: the exact text, at least two decimals, thousands separators."""
    d = dec(text)
    places = max(2, -d.normalize().as_tuple().exponent if d != d.to_integral() else 2)
    return "{:,.{p}f}".format(d, p=places)


def season_days(py, season):
    begin = {"summer": (py, 6), "fall": (py, 9), "winter": (py, 12), "spring": (py + 1, 3)}[season]
    end = {"summer": (py, 9), "fall": (py, 12), "winter": (py + 1, 3), "spring": (py + 1, 6)}[season]
    return (datetime.date(*end, 1) - datetime.date(*begin, 1)).days


def expected_entry(suffix, lines, xlsx, py):
    """{(sheet, ref): (kind, expected)} for one eo: entry; kind money | exact | text."""
    att, np_, daily = "Attachment C" + suffix, "Non-performance" + suffix, "Daily MW" + suffix
    exp = {}
    inputs = {}
    by = {line["season"]: line for line in lines}
    exp[(att, "C7")] = ("text", "PY %d-%02d: %d-06-01 to %d-06-01 (exclusive)" % (py, (py + 1) % 100, py, py + 1))
    for k, season in enumerate(SEASONS):
        line = by[season]
        p, m, r = PRICE_COL[k], MW_COL[k], str(5 + k)
        inputs[(att, p + "18")] = dec(line["acp_usd_per_mw_day"])
        inputs[(att, m + "23")] = dec(line["cleared_mw"])
        inputs[(np_, "D" + r)] = dec(line["nonperformance_mw"])
        exp[(att, p + "19")] = ("exact", Decimal(season_days(py, season)))
        exp[(att, m + "24")] = ("exact", dec(line["mw_days_before"]))
        exp[(att, m + "25")] = ("money", dec(line["eo_before_usd"]))
        exp[(att, m + "26")] = ("money", dec(line["adjustment_usd"]))
        exp[(att, m + "27")] = ("money", dec(line["eo_usd"]))
        exp[(np_, "B" + r)] = ("exact", dec(line["acp_usd_per_mw_day"]))
        exp[(np_, "C" + r)] = ("exact", dec(line["cleared_mw"]))
        exp[(np_, "E" + r)] = ("exact", dec(line["mw_days_before"]))
        exp[(np_, "F" + r)] = ("exact", dec(line["mw_days_after"]))
        exp[(np_, "G" + r)] = ("money", dec(line["eo_before_usd"]))
        exp[(np_, "H" + r)] = ("money", dec(line["adjustment_usd"]))
        exp[(np_, "I" + r)] = ("money", dec(line["eo_usd"]))

    def total(key):
        return sum((dec(by[s][key]) for s in SEASONS), Decimal(0))

    exp[(att, "N24")] = ("exact", total("mw_days_before"))
    for row, key in (("25", "eo_before_usd"), ("26", "adjustment_usd"), ("27", "eo_usd")):
        exp[(att, "N" + row)] = ("money", total(key))
    for col, key in (("G", "eo_before_usd"), ("H", "adjustment_usd"), ("I", "eo_usd")):
        exp[(np_, col + "9")] = ("money", total(key))
    cap = xlsx[att][1].get("B9", (None, "", False))[1]
    year = total("eo_usd") if cap == "" else min(total("eo_usd"), dec(cap))
    exp[(att, "S23")] = ("money", year)
    exp.update(expected_daily(daily, by, xlsx[daily][1], py, inputs))
    return exp, inputs, year


def expected_daily(daily, by, cells, py, inputs):
    """Daily MW: C = cleared MW, E = C - D (D the input), F = NonPerfMW, G = max(E - F, 0), and the
    season's sums of E and G are eo.csv's mw_days_before and mw_days_after."""
    exp = {}
    label_season = {s.capitalize(): s for s in SEASONS}
    sums = {s: [Decimal(0), Decimal(0)] for s in SEASONS}
    row = 5
    day = datetime.date(py, 6, 1)
    while day < datetime.date(py + 1, 6, 1):
        r = str(row)
        season = label_season.get(cells.get("B" + r, (None, "", True))[1])
        if season is None:
            problem("%s!B%s: season label %r for %s" % (daily, r, cells.get("B" + r), day))
            return exp
        line = by[season]
        dq = dec(cells.get("D" + r, (None, "0", False))[1] or "0")
        inputs[(daily, "D" + r)] = dq
        paid = dec(line["cleared_mw"]) - dq
        kept = max(paid - dec(line["nonperformance_mw"]), Decimal(0))
        exp[(daily, "C" + r)] = ("exact", dec(line["cleared_mw"]))
        exp[(daily, "E" + r)] = ("exact", paid)
        exp[(daily, "F" + r)] = ("exact", dec(line["nonperformance_mw"]))
        exp[(daily, "G" + r)] = ("exact", kept)
        sums[season][0] += paid
        sums[season][1] += kept
        row += 1
        day += datetime.timedelta(days=1)
    for s in SEASONS:
        if sums[s][0] != dec(by[s]["mw_days_before"]) or sums[s][1] != dec(by[s]["mw_days_after"]):
            problem("%s: %s day by day sums to %s / %s MW-days, eo.csv %s / %s" % (
                daily, s, sums[s][0], sums[s][1], by[s]["mw_days_before"], by[s]["mw_days_after"]))
    return exp


def matches(kind, expected, got):
    if kind == "text":
        return got == expected
    try:
        value = Decimal(got)
    except Exception:
        return False
    if kind == "money":  # to the cent: the value, rounded to cents, is the expected amount
        return abs(value - expected) < Decimal("0.005")
    # MW, MW-days, prices, days: drsim's six places, within a double's 15 digits
    return abs(value - expected) < max(Decimal("0.0000005"), abs(expected) * Decimal("1e-14"))


# ---- the run

def prepare_scenario(scenario, extra, work):
    if not extra:
        return scenario
    folder = os.path.join(work, "scenario")
    shutil.copytree(os.path.dirname(scenario), folder)
    path = os.path.join(folder, os.path.basename(scenario))
    text = open(path, encoding="utf-8").read()
    if "\neo:\n" not in text:
        print("%s: no top-level eo: list to add an entry to" % scenario)
        sys.exit(2)
    text = text.replace("\neo:\n", "\neo:\n  - %s\n" % extra, 1)
    text = text.split("\nexpect:")[0] + "\n"  # the figures change; run does not read expect:
    open(path, "w", encoding="utf-8").write(text)
    return path


def check_cells(xlsx, grids, expected, inputs):
    checked = 0
    for sheet, (_, cells) in xlsx.items():
        grid = grids.get(sheet)
        if grid is None:
            problem("LibreOffice exported no CSV for sheet %r" % sheet)
            continue
        for ref, (formula, cached, _) in cells.items():
            if formula is None:
                continue
            want = expected.get((sheet, ref))
            if want is None:
                problem("%s!%s: formula =%s has no expected value in this check" % (sheet, ref, formula))
                continue
            kind, value = want
            got = lo_value(grid, ref)
            checked += 1
            if not matches(kind, value, got):
                problem("%s!%s =%s: LibreOffice computes %r, expected %s (eo.csv)" % (sheet, ref, formula, got, value))
            if not matches(kind, value, cached):
                problem("%s!%s =%s: drsim's cached value %r, expected %s (eo.csv)" % (sheet, ref, formula, cached, value))
    for (sheet, ref), value in inputs.items():
        got = lo_value(grids.get(sheet, []), ref)
        if not matches("exact", value, got):
            problem("%s!%s (input): %r, eo.csv gives %s" % (sheet, ref, got, value))
    return checked


def read_grids(csv_dir, stem, xlsx):
    grids = {}
    for sheet in xlsx:
        path = os.path.join(csv_dir, "%s-%s.csv" % (stem, sheet))
        if os.path.exists(path):
            with open(path, encoding="utf-8", newline="") as fh:
                grids[sheet] = list(csv.reader(fh))
    return grids


def pdf_pages(pdf):
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", pdf], capture_output=True, text=True, check=True).stdout
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]
    pages = []
    for n in range(1, len(sizes) + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-"], capture_output=True,
                              text=True, check=True).stdout
        footer = [line for line in text.splitlines() if line.strip()][-1] if text.strip() else ""
        m = re.match(r"\s*(.+?)\s{2,}drsim \S+\s+Page (\d+) of (\d+)\s*$", footer)
        pages.append({"sheet": m.group(1) if m else None, "text": text, "size": sizes[n - 1]})
    return pages


def check_pdf(pdf, entries, scenario_name, py):
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        problem("pdfinfo/pdftotext are not installed: `./build.sh test` installs them (Debian package poppler-utils)")
        return
    pages = pdf_pages(pdf)
    for n, page in enumerate(pages, 1):
        if page["sheet"] is None:
            problem("PDF page %d: no footer naming its sheet" % n)
        if "###" in page["text"]:
            problem("PDF page %d (%s): '###', a column too narrow for its figure" % (n, page["sheet"]))
        if "PY %d-%02d" % (py, (py + 1) % 100) not in page["text"] or scenario_name[:40] not in page["text"]:
            problem("PDF page %d (%s): header without the scenario name and planning year" % (n, page["sheet"]))
    for suffix, lines, year in entries:
        by = {line["season"]: line for line in lines}
        for sheet, must in (("Attachment C" + suffix,
                             ["Attachment C: Business Demand Response Earnings Opportunity", "EO ($)",
                              fmt_money(year), "PRA cleared price"]
                             + [fmt_price(by[s]["acp_usd_per_mw_day"]) for s in SEASONS]
                             + [fmt_money(dec(by[s]["eo_usd"])) for s in SEASONS]),
                            ("Non-performance" + suffix,
                             ["Non-performance adjustment by season", "Total",
                              fmt_money(sum((dec(by[s]["eo_usd"]) for s in SEASONS), Decimal(0)))])):
            mine = [p for p in pages if p["sheet"] == sheet]
            if len(mine) != 1:
                problem("PDF: sheet %r prints on %d pages, not one" % (sheet, len(mine)))
                continue
            w, h = mine[0]["size"]
            if not (abs(w - 792) < 1 and abs(h - 612) < 1):
                problem("PDF: sheet %r page is %.0f x %.0f pt, not US Letter landscape (792 x 612)" % (sheet, w, h))
            text = mine[0]["text"]
            for s in must:
                if s not in text:
                    problem("PDF: sheet %r page does not show %r" % (sheet, s))
            if sheet.startswith("Attachment C"):
                label = r"Planning year\s+%d\s+PY %d-%02d: %d-06-01 to %d-06-01" % (py, py, (py + 1) % 100, py, py + 1)
                if not re.search(label, text):
                    problem("PDF: sheet %r does not show the planning year as %d, PY %d-%02d" % (sheet, py, py,
                                                                                              (py + 1) % 100))
            if re.search(r"(?<![\d,])%d,%s(?![\d,.])" % (py // 1000, str(py)[-3:]), text):
                problem("PDF: sheet %r shows the planning year with a thousands separator" % sheet)
        daily = [p for p in pages if p["sheet"] == "Daily MW" + suffix]
        text = "".join(p["text"] for p in daily)
        if not daily or any(p["size"][0] > p["size"][1] for p in daily):
            problem("PDF: Daily MW%s: %d pages, expected portrait pages" % (suffix, len(daily)))
        for day in ("%d-06-01" % py, "%d-05-31" % (py + 1)):
            if day not in text:
                problem("PDF: Daily MW%s pages do not show %s" % (suffix, day))


def run_case(drsim, path, extra, case_dir, lo_in, pdf_in, stem):
    """drsim run; the stale copy for the CSV export and the file for the PDF, both named `stem`."""
    scenario = prepare_scenario(os.path.abspath(path), extra, case_dir)
    out = os.path.join(case_dir, "out")
    r = subprocess.run([drsim, "run", scenario, "--out", out, "-q"], capture_output=True, text=True)
    xlsx_path = os.path.join(out, "eo.xlsx")
    if r.returncode != 0 or not os.path.exists(xlsx_path):
        problem("drsim run %s: exit %d, no eo.xlsx\n%s%s" % (scenario, r.returncode, r.stdout, r.stderr))
        return None
    replaced = stale_copy(xlsx_path, os.path.join(lo_in, stem + ".xlsx"))
    shutil.copyfile(xlsx_path, os.path.join(pdf_in, stem + ".xlsx"))
    return {"out": out, "stem": stem, "replaced": replaced}


def check_case(case, csv_dir, pdf_dir):
    out, stem = case["out"], case["stem"]
    with open(os.path.join(out, "eo.csv"), encoding="utf-8", newline="") as fh:
        eo_lines = list(csv.DictReader(fh))
    with open(os.path.join(out, "summary.json"), encoding="utf-8") as fh:
        summary = json.load(fh, parse_float=Decimal)
    py = int(summary["planning_year"])
    xlsx = read_xlsx(os.path.join(out, "eo.xlsx"))
    n_entries = len(eo_lines) // 4
    if n_entries == 0 or len(eo_lines) % 4 or len(xlsx) != 3 * n_entries:
        problem("eo.csv has %d lines and eo.xlsx %d sheets: not 4 lines and 3 sheets per entry" % (
            len(eo_lines), len(xlsx)))
        return 0
    expected, inputs, entries = {}, {}, []
    year_total = Decimal(0)
    for k in range(n_entries):
        suffix = "" if k == 0 else " %d" % (k + 1)
        exp, inp, year = expected_entry(suffix, eo_lines[4 * k:4 * k + 4], xlsx, py)
        expected.update(exp)
        inputs.update(inp)
        entries.append((suffix, eo_lines[4 * k:4 * k + 4], year))
        year_total += year
    if year_total != dec(summary["eo_usd"]):
        problem("the entries' S23 sum to %s, summary.json eo_usd is %s" % (year_total, summary["eo_usd"]))
    checked = check_cells(xlsx, read_grids(csv_dir, stem, xlsx), expected, inputs)
    if checked != case["replaced"]:
        problem("checked %d formula cells, the workbook has %d" % (checked, case["replaced"]))
    pdf = os.path.join(pdf_dir, stem + ".pdf")
    if not os.path.exists(pdf):
        problem("LibreOffice wrote no PDF")
    else:
        check_pdf(pdf, entries, summary["scenario"]["name"], py)
    return checked


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drsim", required=True)
    ap.add_argument("--with-entry", nargs=2, action="append", default=[], metavar=("SCENARIO", "ENTRY"),
                    help="also SCENARIO with ENTRY (a YAML flow mapping) put first in its eo: list")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("scenarios", nargs="*")
    a = ap.parse_args()
    cases = [(p, "") for p in a.scenarios] + [tuple(x) for x in a.with_entry]
    if not cases:
        ap.error("no scenario")
    work = tempfile.mkdtemp(prefix="drsim-eo-lo-")
    try:
        profile = os.path.join(work, "profile")  # private: parallel runs of LibreOffice do not collide
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as fh:
            fh.write(RECALC_ALWAYS)
        lo_in, pdf_in = os.path.join(work, "lo"), os.path.join(work, "pdf-in")
        os.makedirs(lo_in)
        os.makedirs(pdf_in)
        runs = []
        for i, (path, extra) in enumerate(cases):
            current[0] = path + (" with eo: entry " + extra if extra else "")
            case = run_case(a.drsim, path, extra, os.path.join(work, "case%d" % i), lo_in, pdf_in, "case%d" % i)
            if case:
                runs.append((current[0], case))
        current[0] = ""
        # One LibreOffice start per conversion for all the workbooks: starting it is most of the time.
        names = sorted(f for f in os.listdir(lo_in) if f.endswith(".xlsx"))
        csv_dir, pdf_dir = os.path.join(work, "csv"), os.path.join(work, "pdf")
        if names:
            soffice(["--convert-to", CSV_FILTER, "--outdir", csv_dir] + names, profile, lo_in)
            soffice(["--convert-to", "pdf", "--outdir", pdf_dir] + names, profile, pdf_in)
        for label, case in runs:
            current[0] = label
            before = len(problems)
            checked = check_case(case, csv_dir, pdf_dir)
            print("%s: %d formula cells recalculated by LibreOffice checked against eo.csv, and its PDF pages: %s" % (
                label, checked, "%d problems" % (len(problems) - before) if len(problems) > before else "all hold"))
        current[0] = ""
        for p in problems:
            print("FAIL", p)
        if a.keep:
            print("work folder", work)
        return 1 if problems else 0
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
