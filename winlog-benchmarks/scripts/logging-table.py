# Builds the tables of docs/benchmarks-logging.md from JMH json + log files in the current directory:
#   python3 logging-table.py sustained "Sustained load" log4j2AsyncLogger
# (run the benchmarks with -rf json -rff <name>.json and keep stdout as <name>.log)
import json, re, statistics, sys
from collections import defaultdict

def load(name, per_call_div=1):
    data = json.load(open(f'./{name}.json'))
    log = open(f'./{name}.log').read()
    deliv = defaultdict(list); alloc = defaultdict(list)
    for m in re.finditer(r'DELIVERY bench=\S+ impl=(\S+) threads=(\d+) calls=(\d+) delivered=(\d+) fraction=([\d.]+)', log):
        deliv[(m[1], int(m[2]))].append((int(m[3]), int(m[4]), float(m[5])))
    for m in re.finditer(r'CALLER_ALLOC bench=\S+ impl=(\S+) threads=(\d+) bytesPerCall=([\d.]+)', log):
        alloc[(m[1], int(m[2]))].append(float(m[3]))
    rows = {}
    for b in data:
        impl = b['params']['impl']; threads = b['threads']
        raw = b['primaryMetric']['rawData']
        fork_means = [statistics.mean(f) for f in raw]
        allv = [v for f in raw for v in f]
        gc = b.get('secondaryMetrics', {}).get('gc.alloc.rate.norm', {}).get('score')
        rows[(impl, threads)] = dict(median=statistics.median(allv), forks=fork_means,
                                     score=b['primaryMetric']['score'], err=b['primaryMetric']['scoreError'], gc=gc)
    return rows, deliv, alloc

def table(name, title, ref_impl):
    rows, deliv, alloc = load(name)
    out = [f'### {title}', '',
           '| impl | threads | median ns/call | fork means (ns) | JMH score ± err | vs ' + ref_impl + ' | delivered (worst fork) | lost calls (all forks) | caller B/call | JVM-wide B/op (-prof gc) |',
           '|---|---|---|---|---|---|---|---|---|---|']
    for threads in (1, 2):
        ref = rows.get((ref_impl, threads))
        for (impl, t), r in rows.items():
            if t != threads: continue
            d = deliv.get((impl, t), [])
            worst = min((x[2] for x in d), default=float('nan'))
            lost = sum(x[0] - x[1] for x in d)
            a = alloc.get((impl, t), [])
            out.append('| {} | {} | {:.0f} | {} | {:.0f} ± {:.0f} | {:.2f}× | {:.6f} | {} | {} | {} |'.format(
                impl, t, r['median'], ' / '.join(f'{x:.0f}' for x in r['forks']), r['score'], r['err'],
                r['median'] / ref['median'] if ref else float('nan'), worst, lost,
                ' / '.join(f'{x:.1f}' for x in a), '-' if r['gc'] is None else f"{r['gc']:.0f}"))
    return '\n'.join(out)

if __name__ == '__main__':
    which = sys.argv[1]
    print(table(which, sys.argv[2], sys.argv[3]))
