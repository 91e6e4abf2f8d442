#!/usr/bin/python3
# Every reading `drsim sweep` settles, on every bundled scenario and real replay, equals `drsim run`
# of a copy of the scenario with that reading written into its rules: (totals exact to the cent, the
# disqualified count; a reading not settled must be a file `drsim run` refuses, exit 2).
# Usage: sweep_crosscheck.py DRSIM REPO_ROOT. Exit 0 when every reading agrees, 1 otherwise.
import json, os, pathlib, re, shutil, subprocess, sys, tempfile
drsim, root = sys.argv[1], sys.argv[2]
scen = sorted(str(p) for base in ('scenarios/examples', 'scenarios/real')
              for p in pathlib.Path(root, base).rglob('*.yaml'))
tmp = tempfile.mkdtemp()
bad = 0; n = 0
for s in scen:
    out = os.path.join(tmp, 'sw'); shutil.rmtree(out, ignore_errors=True)
    subprocess.run([drsim, 'sweep', s, '--out', out, '--quiet'], check=True)
    sw = json.load(open(os.path.join(out, 'sweep.json')))
    folder = os.path.join(tmp, 'copy'); shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(os.path.dirname(s), folder)
    text = open(s).read()
    for r in sw['readings'][1:]:
        t = text
        for k, v in r['changed'].items():
            v = 'true' if v is True else 'false' if v is False else str(v)
            if re.search(r'^rules:', t, re.M):
                t = re.sub(r'^  %s:.*\n' % k, '', t, flags=re.M)
                t = re.sub(r'^(rules:.*\n)', r'\g<1>  %s: %s\n' % (k, v), t, count=1, flags=re.M)
            else:
                t = re.sub(r'^(zones:)', 'rules:\n  %s: %s\n\\1' % (k, v), t, count=1, flags=re.M)
        var = os.path.join(folder, '.sweep-variant.yaml'); open(var, 'w').write(t)
        ro = os.path.join(tmp, 'run'); shutil.rmtree(ro, ignore_errors=True)
        p = subprocess.run([drsim, 'run', var, '--out', ro, '--quiet'], capture_output=True, text=True)
        n += 1
        if r['status'] != 'settled':
            if p.returncode != 2: bad += 1; print('MISMATCH (invalid in sweep, run rc %d)' % p.returncode, s, r['reading'])
            continue
        if p.returncode != 0: bad += 1; print('RUN FAILED', s, r['reading'], p.stderr[:300]); continue
        sm = json.load(open(os.path.join(ro, 'summary.json')))
        for k in ('energy_charge_usd', 'rsg_charge_usd', 'penalty_usd', 'capacity_usd', 'allocated_usd', 'eo_usd'):
            # Both are JSON numbers with two decimals; below 1e13 dollars a double tells every cent apart.
            if float(sm[k]) != float(r['total'][k]):
                bad += 1; print('MISMATCH', s, r['reading'], k, sm[k], r['total'][k])
        if len(sm['disqualified']) != r['total']['disqualified']:
            bad += 1; print('MISMATCH disqualified', s, r['reading'])
shutil.rmtree(tmp, ignore_errors=True)
print('readings checked', n, 'mismatches', bad)
sys.exit(1 if bad or n == 0 else 0)
