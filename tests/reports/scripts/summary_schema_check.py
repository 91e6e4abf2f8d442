#!/usr/bin/python3
"""Checks summary.json files against docs/summary.schema.json, and that every amount is written
with exactly two decimals (the schema sees only the parsed number); also that the schema rejects
a copy with a rule value as the string "false" (what drsim wrote before), so the check can fail.

usage: summary_schema_check.py REPO_ROOT SUMMARY_JSON... ; exit 0 when all hold, 1 otherwise.
"""
import copy
import json
import pathlib
import re
import sys

import jsonschema

root = pathlib.Path(sys.argv[1])
schema = json.loads((root / "docs" / "summary.schema.json").read_text(encoding="utf-8"))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
validator = cls(schema)
failures = []

for name in sys.argv[2:]:
    text = pathlib.Path(name).read_text(encoding="utf-8")
    doc = json.loads(text)
    for e in validator.iter_errors(doc):
        failures.append(f"{name}: {'.'.join(str(p) for p in e.path)}: {e.message}")
    # Every amount: `"..._usd": 123.45` at the top and per resource, and each LSE's amount.
    amounts = re.findall(r'"[^"]*_usd": ([^,\n]*)', text)
    lses = re.search(r'"lses": \{([^}]*)\}', text)
    if lses:
        amounts += re.findall(r'": ([^,\n]*)', lses.group(1))
    if not amounts:
        failures.append(f"{name}: no amounts found")
    for a in amounts:
        if not re.fullmatch(r"-?\d+\.\d\d", a.strip()):
            failures.append(f"{name}: amount {a!r} is not a number with two decimals")
    # The schema must refuse the old string-typed rule values.
    bad = copy.deepcopy(doc)
    bad["rules"]["multiplier_applies_to_rsg"] = "false"
    if validator.is_valid(bad):
        failures.append(f"{name}: the schema accepts \"multiplier_applies_to_rsg\": \"false\"")
    print(f"{name}: {len(amounts)} amounts")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
