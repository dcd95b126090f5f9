# Builds the ChannelShapesBenchmark tables of docs/benchmarks-channel.md from JMH -rf json files:
#   python3 winlog-benchmarks/scripts/channel-table.py yield.json [more.json]
# median of all measurement iterations, min-max of fork means, ratio against the matching Disruptor peer;
# several files are pooled (give runs of the same code), allocation is the largest seen.
import json, statistics, sys
# peers in order of preference: the first one present in the run is used
peers = {'winlog':['disruptor'],'winlog-shared':['disruptor'],'winlog-slots':['disruptor-slots','disruptor'],
         'winlog-blocking':['disruptor-phased','disruptor-blocking'],'winlog-shared-blocking':['disruptor-phased','disruptor-blocking'],
         'winlog-slots-blocking':['disruptor-slots-phased','disruptor-slots-blocking','disruptor-phased','disruptor-blocking']}
def family(impl):  # which wait strategy an impl belongs to, for the best-against-best summary
    return 'blocking' if ('blocking' in impl or 'phased' in impl) else 'yielding'
rows = {}; order=[]; pool={}; allocs={}
for f in sys.argv[1:]:
    for b in json.load(open(f)):
        shape = b['benchmark'].rsplit('.', 1)[1]; impl = b['params']['impl']
        raw = b['primaryMetric']['rawData']
        alloc=None
        for k,v in b.get('secondaryMetrics',{}).items():
            if k.endswith('gc.alloc.rate.norm'): alloc=v['score']
        pool.setdefault((shape,impl),[[],[]])
        pool[(shape,impl)][0].extend(v for r in raw for v in r)   # every measurement iteration
        pool[(shape,impl)][1].extend(statistics.mean(r) for r in raw)  # each fork's mean
        if alloc is not None: allocs.setdefault((shape,impl),[]).append(alloc)
        if impl not in order: order.append(impl)
# several files (runs of the same code) are pooled: median over all their iterations, spread over all their forks
for key,(allv,fm) in pool.items():
    al=allocs.get(key)
    rows[key]=(statistics.median(allv),min(fm),max(fm),max(al) if al else None)
print('| shape | impl | median Mevents/s | fork means min–max (M/s) | vs Disruptor peer | gc.alloc.rate.norm B/op |')
print('|---|---|---:|---:|---:|---:|')
for s in ['oneToOne','twoToOne','oneToTwo','oneToFourFiltered']:
    for i in order:
        if (s,i) not in rows: continue
        med,lo,hi,al=rows[(s,i)]
        r=''
        for p in peers.get(i, []):
            if (s,p) in rows:
                r='%.2fx (vs %s)'%(med/rows[(s,p)][0],p); break
        print('| %s | %s | %.1f | %.1f–%.1f | %s | %s |'%(s,i,med/1e6,lo/1e6,hi/1e6,r,'n/a' if al is None else '%.3f'%al))
print()
print('| shape | wait | best winlog (median M/s) | best Disruptor (median M/s) | ratio |')
print('|---|---|---|---|---:|')
for s in ['oneToOne','twoToOne','oneToTwo','oneToFourFiltered']:
    for fam in ['yielding','blocking']:
        w=[(rows[(s,i)][0],i) for i in order if (s,i) in rows and i.startswith('winlog') and family(i)==fam]
        d=[(rows[(s,i)][0],i) for i in order if (s,i) in rows and i.startswith('disruptor') and family(i)==fam]
        if w and d:
            bw=max(w); bd=max(d)
            print('| %s | %s | %s %.1f | %s %.1f | %.2fx |'%(s,fam,bw[1],bw[0]/1e6,bd[1],bd[0]/1e6,bw[0]/bd[0]))
