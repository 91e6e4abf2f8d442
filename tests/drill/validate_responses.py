#!/usr/bin/env python3
"""Validates every response a drill test received against docs/openadr3-3.0.1/openadr3.yaml.

Usage: validate_responses.py SPEC RESPONSES.jsonl
Each line of RESPONSES is {"method", "path", "status", "body"} (a response of the VTN) or
{"notification": body} (a webhook call the VTN made). A response is checked against the schema
the spec gives for its path, method and status; a status the spec does not list for the
operation (401 and 429 everywhere, 404 on lists) must be a `problem`. The spec's OpenAPI 3.0
subset is turned into JSON Schema draft 4 (`nullable: true` becomes a null alternative; the
`discriminator` and `example` keys are ignored, as JSON Schema ignores unknown keywords).
Prints one line per failure and exits 1 when any; else prints the counts and exits 0.
"""
import json
import sys

import jsonschema
import yaml


def to_json_schema(node):
    if isinstance(node, dict):
        out = {k: to_json_schema(v) for k, v in node.items() if k not in ("nullable", "discriminator", "example")}
        if node.get("nullable"):
            out = {"anyOf": [out, {"type": "null"}]}
        return out
    if isinstance(node, list):
        return [to_json_schema(v) for v in node]
    return node


def main():
    spec = yaml.safe_load(open(sys.argv[1]))
    schemas = to_json_schema(spec["components"]["schemas"])
    root = {"components": {"schemas": schemas}}

    def validator(schema):
        # The schema and the spec's components in one document: its "#/components/..." refs
        # resolve within it (components is no keyword, so it validates nothing itself).
        return jsonschema.Draft4Validator(dict(schema, **root))

    def problem_schema():
        return {"$ref": "#/components/schemas/problem"}

    templates = []
    for path, item in spec["paths"].items():
        templates.append((path.strip("/").split("/"), item))

    def operation(path, method):
        segments = path.split("?")[0]
        if segments.startswith("/openadr3/3.0.1"):
            segments = segments[len("/openadr3/3.0.1"):]
        segments = [s for s in segments.split("/") if s]
        for tmpl, item in templates:
            if len(tmpl) == len(segments) and all(t.startswith("{") or t == s for t, s in zip(tmpl, segments)):
                return item.get(method.lower())
        return None

    failures, checked, unlisted = [], 0, set()
    for n, line in enumerate(open(sys.argv[2]), 1):
        rec = json.loads(line)
        if "notification" in rec:
            schema, what = {"$ref": "#/components/schemas/notification"}, "notification"
            body = rec["notification"]
        else:
            what = f"{rec['method']} {rec['path']} {rec['status']}"
            op = operation(rec["path"], rec["method"])
            response = (op or {}).get("responses", {}).get(str(rec["status"]))
            if response is None:
                unlisted.add(f"{rec['method']} {rec['status']}")
                schema = problem_schema()
            else:
                content = response.get("content", {}).get("application/json")
                if content is None:
                    continue
                schema = to_json_schema(content["schema"])
            body = rec["body"]
        errors = sorted(validator(schema).iter_errors(body), key=lambda e: list(e.path))
        checked += 1
        for e in errors[:3]:
            failures.append(f"line {n}: {what}: {'/'.join(map(str, e.path))}: {e.message}")
    for f in failures:
        print(f)
    print(f"validate_responses: {checked} bodies checked, {len(failures)} failures"
          + (f"; statuses not in the spec (checked as problem): {', '.join(sorted(unlisted))}" if unlisted else ""))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
