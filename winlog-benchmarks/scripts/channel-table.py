# Builds the ChannelShapesBenchmark tables of docs/benchmarks-channel.md from JMH -rf json files:
#   python3 winlog-benchmarks/scripts/channel-table.py yield.json [more.json]
# median of all measurement iterations, min-max of fork means, ratio against the matching Disruptor peer.
import json, statistics, sys
peers = {'winlog':'disruptor','winlog-shared':'disruptor','winlog-slots':'disruptor-slots',
         'winlog-blocking':'disruptor-blocking','winlog-shared-blocking':'disruptor-blocking','winlog-slots-blocking':'disruptor-slots-blocking'}
rows = {}; order=[]
for f in sys.argv[1:]:
    for b in json.load(open(f)):
        shape = b['benchmark'].rsplit('.', 1)[1]; impl = b['params']['impl']
        raw = b['primaryMetric']['rawData']; allv=[v for r in raw for v in r]
        fm=[statistics.mean(r) for r in raw]
        alloc=None
        for k,v in b.get('secondaryMetrics',{}).items():
            if k.endswith('gc.alloc.rate.norm'): alloc=v['score']
        rows[(shape,impl)]=(statistics.median(allv),min(fm),max(fm),alloc)
        if impl not in order: order.append(impl)
print('| shape | impl | median Mevents/s | fork means min–max (M/s) | vs Disruptor peer | gc.alloc.rate.norm B/op |')
print('|---|---|---:|---:|---:|---:|')
for s in ['oneToOne','twoToOne','oneToTwo','oneToFourFiltered']:
    for i in order:
        if (s,i) not in rows: continue
        med,lo,hi,al=rows[(s,i)]
        p=peers.get(i); r=''
        if p and (s,p) in rows: r='%.2fx (vs %s)'%(med/rows[(s,p)][0],p)
        elif p=='disruptor-slots' and (s,'disruptor') in rows: r='%.2fx (vs disruptor)'%(med/rows[(s,'disruptor')][0])
        print('| %s | %s | %.1f | %.1f–%.1f | %s | %s |'%(s,i,med/1e6,lo/1e6,hi/1e6,r,'n/a' if al is None else '%.3f'%al))
