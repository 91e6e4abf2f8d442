#!/usr/bin/env python3
"""Renders a drsim report.html in headless Chromium and checks that it draws.

usage: check_report.py REPORT_HTML WORK_DIR [--screenshot-only]

Checks, with the python3 standard library only:
  * --dump-dom: every expected section heading is present and the page holds SVG charts;
  * the console log (--enable-logging=stderr): no uncaught error, no console error, no
    Content-Security-Policy refusal (the report must need no network at all);
  * --screenshot (1280x3600 PNG: the statement comes first, the charts after it, decoded here with zlib): not blank (many distinct colours,
    enough non-white pixels) and the chart colours of the timeline window bar and the actual-MW
    bars appear, so the SVG really was painted.
Exit 0 when all hold, 1 with the reasons otherwise, 77 when no chromium is installed.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

HEADINGS = ["Rules in force", "Totals", "Emergencies", "Resources", "Hourly lines",
            "Failures and disqualifications", "Capacity payments", "Earnings opportunity",
            "Allocation of penalty revenue", "Warnings"]
# Colours the report's CSS gives chart elements (svg .tl-window, svg .hc-actual).
CHART_COLOURS = {"timeline window #1f5fa8": (0x1F, 0x5F, 0xA8), "actual MW bar #4b8fd6": (0x4B, 0x8F, 0xD6)}


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(binary, args, url):
    profile = tempfile.mkdtemp(prefix="drsim-chromium-")
    try:
        cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"]
        cmd += args + [url]
        proc = subprocess.run(cmd, capture_output=True, timeout=120)
        return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def decode_png(path):
    """Returns (width, height, rows of (r, g, b) tuples) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError("unexpected PNG format depth=%d colour=%d" % (depth, colour))
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        filt, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if filt == 1:
                line[x] = (line[x] + a) & 0xFF
            elif filt == 2:
                line[x] = (line[x] + b) & 0xFF
            elif filt == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 0xFF
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, bpp)])
        prev = line
    return width, height, rows


def near(p, q, tol=6):
    return all(abs(a - b) <= tol for a, b in zip(p, q))


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    report, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(work, exist_ok=True)
    binary = chromium_binary()
    if binary is None:
        print("no chromium installed (./build.sh test installs it)")
        return 77
    url = "file://" + report
    problems = []

    code, dom, log = run_chromium(binary, ["--dump-dom"], url)
    with open(os.path.join(work, "dom.html"), "w", encoding="utf-8") as f:
        f.write(dom)
    if code != 0:
        problems.append("chromium --dump-dom exited %d" % code)
    for heading in HEADINGS:
        if "<h2>" + heading + "</h2>" not in dom:
            problems.append("heading missing: " + heading)
    svgs = dom.count("<svg")
    if svgs < 2:
        problems.append("expected the timeline and resource charts, found %d <svg>" % svgs)
    for line in log.splitlines():
        if "Uncaught" in line or "ERROR:CONSOLE" in line or ("CONSOLE" in line and "Refused to" in line):
            problems.append("console: " + line.strip())

    shot = os.path.join(work, "report.png")
    if os.path.exists(shot):
        os.remove(shot)
    code, _, log = run_chromium(binary, ["--screenshot=" + shot, "--window-size=1280,3600",
                                         "--hide-scrollbars"], url)
    for line in log.splitlines():
        if "Uncaught" in line or "ERROR:CONSOLE" in line:
            problems.append("console: " + line.strip())
    if not os.path.exists(shot):
        problems.append("no screenshot written (exit %d)" % code)
    else:
        width, height, rows = decode_png(shot)
        colours, non_white, total = set(), 0, 0
        found = {name: False for name in CHART_COLOURS}
        for row in rows:
            for p in row:
                total += 1
                colours.add(p)
                if p[0] < 245 or p[1] < 245 or p[2] < 245:
                    non_white += 1
                for name, c in CHART_COLOURS.items():
                    if not found[name] and near(p, c):
                        found[name] = True
        print("screenshot %dx%d: %d distinct colours, %.1f%% non-white" %
              (width, height, len(colours), 100.0 * non_white / total))
        if len(colours) < 50:
            problems.append("screenshot looks blank: only %d distinct colours" % len(colours))
        if non_white < total * 0.03:
            problems.append("screenshot looks blank: %d of %d pixels non-white" % (non_white, total))
        for name, ok in found.items():
            if not ok:
                problems.append("chart colour not painted: " + name)

    print("dom: %d bytes, %d <svg>; headings checked: %d" % (len(dom), svgs, len(HEADINGS)))
    for p in problems:
        print("FAIL: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
