#!/usr/bin/env python3
# Hand-calculation worksheet for the replays: recomputes every figure of a scenario's expect: block from rules.md.
"""Independent of drsim's C++ engine (it shares no code with it): exact decimals
(Python Decimal), the defaults of rules.md v1.1 and only the features these
replays use (no availability, outages, withdrawals, same-day adjustment or rule
overrides: any of them stops the script). Prints the hour-by-hour working and the
expect: block, then compares it with the scenario's own expect: block (exit 1 on
any difference). Usage: hand_check.py scenarios/real/<event>/scenario.yaml"""
import csv, sys, datetime as dt
from decimal import Decimal as D, ROUND_HALF_UP
from collections import defaultdict
import yaml

Q6, QC = D("0.000001"), D("0.01")
def r6(x): return x.quantize(Q6, rounding=ROUND_HALF_UP)   # HALF_UP on Decimal = half away from zero
def cents(x): return x.quantize(QC, rounding=ROUND_HALF_UP)
def t(s): return dt.datetime.strptime(str(s)[:16], "%Y-%m-%dT%H:%M") if "T" in str(s) else dt.datetime.strptime(str(s)[:16], "%Y-%m-%d %H:%M")
SEASON = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring",
          6: "summer", 7: "summer", 8: "summer", 9: "fall", 10: "fall", 11: "fall"}

def nerc_holiday(d):
    y = d.year
    def obs(x): return x + dt.timedelta(days=1) if x.weekday() == 6 else x
    def nth(month, wd, n):
        x = dt.date(y, month, 1); x += dt.timedelta(days=(wd - x.weekday()) % 7); return x + dt.timedelta(weeks=n - 1)
    last_mon = max(dt.date(y, 5, day) for day in range(25, 32) if dt.date(y, 5, day).weekday() == 0)
    return d in {obs(dt.date(y, 1, 1)), last_mon, obs(dt.date(y, 7, 4)), nth(9, 0, 1), nth(11, 3, 4), obs(dt.date(y, 12, 25))}

def season_days(py, season):
    start = {"summer": dt.date(py, 6, 1), "fall": dt.date(py, 9, 1), "winter": dt.date(py, 12, 1), "spring": dt.date(py + 1, 3, 1)}[season]
    end = {"summer": dt.date(py, 9, 1), "fall": dt.date(py, 12, 1), "winter": dt.date(py + 1, 3, 1), "spring": dt.date(py + 1, 6, 1)}[season]
    return start, end

def main(path):
    import os; base = os.path.dirname(os.path.abspath(path))
    sc = yaml.safe_load(open(path))
    for unsupported in ("rules", "availability", "outages", "eo"):
        if sc.get(unsupported): sys.exit(f"{unsupported}: not supported by this worksheet")
    py = sc["planning_year"]
    def read(name):
        return list(csv.DictReader(open(f"{base}/{sc['series'][name]['csv']}")))
    lmp = {(r["cpnode"], t(r["hour_start"])): D(r["usd_per_mwh"]) for r in read("lmp")}
    rsg = D(str(sc["series"]["rsg"]["usd_per_mwh"]))
    meter = defaultdict(dict)
    for r in read("meter"):
        assert r["interval_minutes"] == "60"
        meter[r["resource"]][t(r["interval_start"])] = D(r["mw"])
    load = {(r["lse"], t(r["hour_start"])): D(r["mwh"]) for r in read("lse_load")} if "lse_load" in sc["series"] else {}
    res = {r["id"]: r for r in sc["resources"]}
    acp = {z["id"]: {k: D(str(v)) for k, v in z["acp_usd_per_mw_day"].items()} for z in sc["zones"]}
    reports = defaultdict(list)
    for a in sc.get("advanced_reporting", []): reports[a["instruction"]].append(a)
    out = {rid: dict(energy=D('0.00'), rsg=D('0.00'), failures=[]) for rid in res}
    lines = []           # (instruction, emergency, hour, energy + rsg)
    instrs = sorted(sc["instructions"], key=lambda i: (t(i["start"]), i["id"]))
    for ins in instrs:
        assert not ins.get("withdrawn") and ins.get("acknowledged", True) and "mw" in ins
        r = res[ins["resource"]]; start, end, issued = t(ins["start"]), t(ins["end"]), t(ins["issued"])
        season = SEASON[start.month]; reg = r["seasons"][season]
        assert start.month in reg["months"]
        mw = D(str(ins["mw"])); m = D(3) if (r["type"] == "DR" and r.get("tested", True) is False) else D(1)
        print(f"\n{ins['id']} {r['id']} {r['protocol']} {start:%Y-%m-%dT%H:%M}..{end:%H:%M} mw={mw} m={m}")
        if start - issued < dt.timedelta(hours=float(reg["notification_h"])):
            print("  exempt: short_notice (no charge, not a failure)"); continue
        rep = [a for a in reports[ins["id"]] if t(a["entered"]) <= start]
        target_rep = D(str(max(rep, key=lambda a: t(a["entered"]))["target_mw"])) if rep else None
        obligated_end = min(end, start + dt.timedelta(hours=float(reg["max_duration_h"])))
        failed = False
        h = start
        while h < obligated_end:
            instructed = mw  # no availability given: available = cleared + FRAP >= mw here
            assert mw <= D(str(reg["cleared_mw"])) + D(str(reg.get("frap_mw", 0)))
            load_h = meter[r["id"]].get(h); base_h = None
            if target_rep is None:
                target = None; short = mw; actual = None; flag = "no_advanced_reporting"
            else:
                target = min(target_rep, instructed); flag = ""
                if r["protocol"] == "firm_service_level":
                    lo = load_h if load_h is not None else None
                    short = target if lo is None else min(max(lo - D(str(r["fsl_mw"])), D(0)), target)
                    actual = target - short
                elif r["protocol"] == "metered_generation":
                    actual = load_h if load_h is not None else D(0); short = max(target - actual, D(0))
                else:
                    base_h = default_baseline(meter[r["id"]], h, [t(i["start"]) for i in instrs if i["resource"] == r["id"]],
                                              [t(i["end"]) for i in instrs if i["resource"] == r["id"]])
                    actual = base_h - load_h if load_h is not None else D(0); short = max(target - actual, D(0))
            smwh = r6(short * 1)
            e = cents(smwh * max(lmp[(r["cpnode"], h)], D(0)) * m) if short > 0 else D("0.00")
            g = cents(smwh * rsg) if short > 0 else D("0.00")
            if short > 0: failed = True
            out[r["id"]]["energy"] += e; out[r["id"]]["rsg"] += g
            lines.append((ins["id"], ins["emergency"], h, e + g))
            print(f"  {h:%Y-%m-%dT%H:%M} HE{h.hour + 1:02d} instructed={instructed} target={target} baseline={base_h} "
                  f"meter={load_h} actual={actual} shortfall={short} lmp={lmp[(r['cpnode'], h)]} energy={e} rsg={g} {flag}")
            h += dt.timedelta(hours=1)
        if failed: out[r["id"]]["failures"].append((start, season))
    # failures, counting and disqualification (start_to_start, 24 h, next_day)
    dq_from = {}
    print()
    for rid, o in out.items():
        counted = []
        for start, season in o["failures"]:
            same = [c for c in counted if c[1] == season]
            gap = start - same[-1][0] if same else None
            is_counted = gap is None or gap >= dt.timedelta(hours=24)
            note = "first of the season" if gap is None else f"{gap.total_seconds() / 3600:g} h after the last counted start"
            if is_counted:
                counted.append((start, season))
                if len([c for c in counted if c[1] == season]) == 2 and rid not in dq_from:
                    dq_from[rid] = start.date() + dt.timedelta(days=1)
                    note += f"; second counted failure: ACP disqualified from {dq_from[rid]} (next_day)"
            print(f"failure {rid} {season} start {start:%Y-%m-%dT%H:%M}: {'counted' if is_counted else 'not counted'} ({note})")
        o["counted"] = len(counted)
    # capacity
    for rid, r in res.items():
        cap = D("0.00")
        for season, reg in r["seasons"].items():
            c = D(str(reg["cleared_mw"]))
            if c <= 0: continue
            s0, s1 = season_days(py, season)
            days = (s1 - s0).days
            if rid in dq_from:  # disqualified through the end of the next planning year
                days = sum(1 for k in range((s1 - s0).days) if s0 + dt.timedelta(days=k) < dq_from[rid])
            if reg.get("excluded"): days = 0
            line = cents(c * acp[r["zone"]][season] * days)
            print(f"capacity {rid} {season}: {c} MW x {acp[r['zone']][season]} x {days} days = {line}")
            cap += line
        out[rid]["capacity"] = cap
    # allocation: per instruction-hour, pro rata on the hour's load (static shares where the series lacks the hour)
    lses = sc["lses"]; emerg = {e["id"]: e for e in sc["emergencies"]}
    alloc = defaultdict(D)
    for iid, eid, h, amount in lines:
        if amount == 0: continue
        members = sorted([l for l in lses if l["lba"] in emerg[eid]["lbas"]], key=lambda l: l["id"].encode())
        w = {l["id"]: load.get((l["id"], h)) for l in members}
        src = "series"
        if any(v is None for v in w.values()) or sum(w.values()) == 0:
            w = {l["id"]: D(str(l["load_ratio_share"])) for l in members}; src = "static"
        total = sum(w.values()); c = int(amount * 100)
        quota = {k: D(c) * v / total for k, v in w.items()}
        base_c = {k: int(q) for k, q in quota.items()}
        left = c - sum(base_c.values())
        for k in sorted(quota, key=lambda k: (-(quota[k] - base_c[k]), k.encode()))[:left]: base_c[k] += 1
        for k, v in base_c.items(): alloc[k] += cents(D(v) / 100)
        print(f"allocate {iid} {h:%Y-%m-%dT%H:%M} {amount} ({src}): " + ", ".join(f"{k} {cents(D(v) / 100)}" for k, v in base_c.items()))
    energy = sum(o["energy"] for o in out.values()); rsgt = sum(o["rsg"] for o in out.values())
    print("\nexpect:")
    print(f"  energy_charge_usd: {energy}\n  rsg_charge_usd: {rsgt}\n  penalty_usd: {energy + rsgt}")
    print(f"  capacity_usd: {sum(o['capacity'] for o in out.values())}\n  allocated_usd: {sum(alloc.values())}")
    print(f"  disqualified: [{', '.join(sorted(dq_from))}]\n  resources:")
    for rid, o in out.items():
        print(f"    {rid}: {{energy_charge_usd: {o['energy']}, rsg_charge_usd: {o['rsg']}, penalty_usd: {o['energy'] + o['rsg']}, "
              f"capacity_usd: {o['capacity']}, counted_failures: {o['counted']}, disqualified: {'true' if rid in dq_from else 'false'}}}")
    print("  lses:")
    for k in sorted(alloc): print(f"    {k}: {{amount_usd: {alloc[k]}}}")
    # compare with the scenario's expect: block (money as exact decimals)
    exp = sc.get("expect") or {}
    mine = {"energy_charge_usd": energy, "rsg_charge_usd": rsgt, "penalty_usd": energy + rsgt,
            "capacity_usd": sum(o["capacity"] for o in out.values()), "allocated_usd": sum(alloc.values())}
    diffs = [f"{k}: expect {exp[k]}, worksheet {v}" for k, v in mine.items() if k in exp and D(str(exp[k])) != v]
    if "disqualified" in exp and sorted(exp["disqualified"] or []) != sorted(dq_from):
        diffs.append(f"disqualified: expect {exp['disqualified']}, worksheet {sorted(dq_from)}")
    for rid, e in (exp.get("resources") or {}).items():
        o = out[rid]
        got = {"energy_charge_usd": o["energy"], "rsg_charge_usd": o["rsg"], "penalty_usd": o["energy"] + o["rsg"],
               "capacity_usd": o["capacity"], "counted_failures": D(o["counted"])}
        diffs += [f"{rid}.{k}: expect {e[k]}, worksheet {v}" for k, v in got.items() if k in e and D(str(e[k])) != v]
        if "disqualified" in e and bool(e["disqualified"]) != (rid in dq_from):
            diffs.append(f"{rid}.disqualified: expect {e['disqualified']}, worksheet {rid in dq_from}")
    for k, e in (exp.get("lses") or {}).items():
        if D(str(e["amount_usd"])) != alloc.get(k, D(0)): diffs.append(f"{k}.amount_usd: expect {e['amount_usd']}, worksheet {alloc.get(k)}")
    print("\ncompare with expect: " + ("all figures agree" if not diffs else f"{len(diffs)} differ"))
    for x in diffs: print("  " + x)
    return 1 if diffs else 0

def default_baseline(m, h, starts, ends):
    """rules.md 4.6: average of the same clock hour over the 10 most recent eligible days before h's market day."""
    busy = set()
    for s, e in zip(starts, ends):
        x = s
        while x < e: busy.add(x.date()); x += dt.timedelta(hours=1)
    days, d = [], h.date() - dt.timedelta(days=1)
    while len(days) < 10:
        if d < min(k.date() for k in m): raise SystemExit(f"fewer than 10 eligible days before {h}")
        full = all(dt.datetime.combine(d, dt.time(k)) in m for k in range(24))
        if d.weekday() < 5 and not nerc_holiday(d) and full and d not in busy: days.append(d)
        d -= dt.timedelta(days=1)
    vals = [m[dt.datetime.combine(x, dt.time(h.hour))] for x in days]
    b = r6(sum(vals) / 10)
    print(f"    baseline {h:%Y-%m-%dT%H:%M}: days {', '.join(x.strftime('%m-%d') for x in days)}; sum {sum(vals)} / 10 = {b}")
    return b

if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
