#!/usr/bin/env python3
# Writes data/meter.csv for the baseline-history example: DR-1's hourly meter over
# 2025-06-02 .. 07-01, nothing from 07-02 to 09-15 (a 76-day gap), and the event hours
# on 09-16 of DR-1, DR-2 and DR-3. The rules for each day are in scenario.yaml.
import datetime as dt
import pathlib

FIRST, LAST = dt.date(2025, 6, 2), dt.date(2025, 7, 1)
TENTH = dt.date(2025, 6, 18)   # the 10th (oldest) eligible day, 90 days before 09-16


def load(day, hour):
    if day.weekday() >= 5:
        return "50"
    if day < TENTH:
        return "40"
    if day == TENTH and hour == 15:
        return "30"
    return "20"


rows = ["resource,interval_start,interval_minutes,mw"]
day = FIRST
while day <= LAST:
    for hour in range(24):
        rows.append(f"DR-1,{day.isoformat()}T{hour:02d}:00,60,{load(day, hour)}")
    day += dt.timedelta(days=1)
rows.append("DR-1,2025-09-16T15:00,60,14")
for hour in (15, 16):
    rows.append(f"DR-2,2025-09-16T{hour}:00,60,15")
    rows.append(f"DR-3,2025-09-16T{hour}:00,60,12")
out = pathlib.Path(__file__).parent / "data" / "meter.csv"
out.write_text("\n".join(rows) + "\n")
