#!/usr/bin/env python3
# Usage: scripts/filterbytes.py PUBLISH_DIR (a built portal, such as the large
# synthetic one). Standard library only.
# Bytes one filter of the pain-point index transfers: pains.js, index.json,
# the files of the chosen options (for persona and touchpoint the bucket that
# holds the option, its rows whole), and the row shards of the first 100
# matches when no chosen option is of those two.
import json, gzip, random, sys, os
os.chdir(sys.argv[1] + "/pains/filter")
ix = json.load(open('index.json'))
num = lambda v: isinstance(v, dict)  # a sparse filter: persona, touchpoint
def size(p):
    b = open(p, 'rb').read(); return len(b), len(gzip.compress(b))
def ungap(gaps):
    r = 0; out = []
    for x in gaps: r += int(x); out.append(r)
    return out
def file_of(d, id):
    if not num(ix[d]): return f'{d}/{id}.json'
    firsts = ix[d]['buckets']  # ids are ASCII here: Python's order is the browser's
    return f'{d}/{max(n for n, f in enumerate(firsts) if f <= id) + 1}.json'
def rows(d, id):
    data = json.load(open(file_of(d, id)))
    if isinstance(data, dict): return ungap(next(o[2] for o in data['options'] if o[0] == id)), True
    return ungap(data), False
opts = {d: (json.load(open(d + '.json')) if num(ix[d]) else ix[d]) for d in ['severity', 'stage', 'persona', 'touchpoint', 'owner']}
def sim(picks, step=100, open_select=False):
    files = ['../../static/pains.js', 'index.json']; lists = []; whole = False
    for d, id in picks:
        files.append(file_of(d, id)); l, w = rows(d, id); lists.append(set(l)); whole |= w
        if open_select and num(ix[d]): files.append(d + '.json')
    m = sorted(set.intersection(*lists))
    if not whole:
        files += [f'rows/{n}.json' for n in sorted(set(r // ix['shard'] + 1 for r in m[:step]))]
    raw = sum(size(f)[0] for f in files); gz = sum(size(f)[1] for f in files)
    return f"{len(m)} matches, {len(files)} files, {raw/1000:.1f} kB ({gz/1000:.1f} kB gzipped)"
random.seed(1)
o = opts
print('index.json', size('index.json'), 'persona.json', size('persona.json'), 'touchpoint.json', size('touchpoint.json'), 'pains.js', size('../../static/pains.js'))
cases = [('severity=high', [('severity', 'high')]), ('stage', [('stage', o['stage'][3][0])]),
         ('stage+severity=high', [('stage', o['stage'][3][0]), ('severity', 'high')]), ('owner', [('owner', o['owner'][2][0])])]
for k in range(2):
    cases.append((f'persona #{k}', [('persona', random.choice(o['persona'])[0])]))
    cases.append((f'touchpoint #{k}', [('touchpoint', random.choice(o['touchpoint'])[0])]))
cases.append(('largest persona', [('persona', max(o['persona'], key=lambda x: x[2])[0])]))
cases.append(('largest touchpoint', [('touchpoint', max(o['touchpoint'], key=lambda x: x[2])[0])]))
for name, p in cases:
    sparse = any(num(ix[d]) for d, _ in p)
    print(f"{name}: {sim(p)}" + (f"; with the filter's options opened: {sim(p, open_select=True)}" if sparse else ""))
