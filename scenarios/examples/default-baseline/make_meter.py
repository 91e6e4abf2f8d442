#!/usr/bin/env python3
# Writes data/meter.csv for the default-baseline examples (hourly meters of DR-1 and DR-2).
# Every load is an exact decimal written as text; the rules for each day are in scenario.yaml.
import datetime as dt
import pathlib

HOLIDAY = dt.date(2025, 7, 4)
INSTRUCTION_DAY = dt.date(2025, 7, 9)    # the short-notice instructions SI-0a/SI-0b
PARTLY_METERED = dt.date(2025, 7, 10)    # hour 3 has no interval
TENTH = dt.date(2025, 6, 26)             # the 10th (oldest) eligible day
ELEVENTH = dt.date(2025, 6, 25)          # the next eligible day, which must not be used
EVENT_DAY = dt.date(2025, 7, 15)


def load(resource, day, hour):
    if day == EVENT_DAY:
        if hour in (7, 8, 9):  # the 3 hours before issue (10:00), for the same-day ratio
            return {"DR-1": ["17", "18", "19.5"], "DR-2": ["30", "30", "30"]}[resource][hour - 7]
        return {15: "12", 16: "15"}.get(hour, "20")
    if day.weekday() >= 5 or day in (HOLIDAY, INSTRUCTION_DAY, PARTLY_METERED):
        return "50"
    if day == ELEVENTH:
        return "80"
    if day == TENTH:
        return {15: "25.555555", 16: "27.5"}.get(hour, "20")
    return "22" if hour == 16 else "20"


rows = ["resource,interval_start,interval_minutes,mw"]
for resource in ("DR-1", "DR-2"):
    day = dt.date(2025, 6, 16)
    while day <= EVENT_DAY:
        for hour in range(24):
            if day == PARTLY_METERED and hour == 3:
                continue
            rows.append(f"{resource},{day.isoformat()}T{hour:02d}:00,60,{load(resource, day, hour)}")
        day += dt.timedelta(days=1)
out = pathlib.Path(__file__).parent / "data" / "meter.csv"
out.write_text("\n".join(rows) + "\n")
