#!/usr/bin/python3
# Checks every scenario YAML under scenarios/ against scenarios/drsim.schema.json,
# and that the schema rejects a broken copy (so this check can fail).
# Usage: schema_check.py REPO_ROOT. Exit 0 when all hold, 1 otherwise.
import copy
import pathlib
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps as strings, as JSON would hold them."""


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

root = pathlib.Path(sys.argv[1])
schema = __import__("json").loads((root / "scenarios" / "drsim.schema.json").read_text())
validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
validator = validator_class(schema)

failures = 0
checked = 0
for path in sorted((root / "scenarios").rglob("*.yaml")):
    rel = path.relative_to(root)
    if rel.parts[1] == "accredit":  # `drsim accredit` files have their own format
        continue
    doc = yaml.load(path.read_text(), Loader=Loader)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    checked += 1
    for e in errors:
        failures += 1
        print(f"{rel}: {'.'.join(str(p) for p in e.path)}: {e.message}")

# The schema must reject what the loader rejects: an unknown key, a quoted number, a bad time.
example = yaml.load((root / "scenarios/examples/worked-example/scenario.yaml").read_text(), Loader=Loader)
for label, mutate in [
    ("unknown key", lambda d: d.update(colour="red")),
    ("quoted number", lambda d: d["instructions"][0].update(mw="10")),
    ("bad time", lambda d: d["instructions"][0].update(start="15:00 on 15 July")),
    ("notification above 12", lambda d: d["resources"][0]["seasons"]["summer"].update(notification_h=13)),
    ("mw and mw_by_hour", lambda d: d["instructions"][0].update(mw_by_hour={"2025-07-15T15:00": 10})),
    ("sweep reading without rules", lambda d: d["expect"].update(sweep=[{"penalty_usd": 1}])),
    ("sweep reading of an unknown rule", lambda d: d["expect"].update(sweep=[{"rules": {"penalise_btmg": False}}])),
    ("sweep reading with an unknown figure", lambda d: d["expect"].update(sweep=[{"rules": {"penalize_btmg": False}, "fine_usd": 1}])),
]:
    bad = copy.deepcopy(example)
    mutate(bad)
    if validator.is_valid(bad):
        failures += 1
        print(f"schema accepts a worked example with a {label}")

print(f"checked {checked} scenario files")
sys.exit(1 if failures or checked == 0 else 0)
