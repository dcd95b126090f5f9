#!/usr/bin/env python3
"""Per-instruction CPU samples of one JIT-compiled method, without hsdis (session 8).

Without hsdis, -XX:+PrintAssembly prints a compiled method as hex bytes; this script turns those
bytes back into instructions with objdump and puts perf's sample counts next to them. cpu-clock
samples skid: a stall usually shows on the instruction after the one that waited.

  perf record -e cpu-clock -F 5000 -o /tmp/p.data -- java -jar winlog-benchmarks/target/benchmarks.jar \\
      'ChannelShapesBenchmark.oneToOne$' -p impl=winlog -f 1 -wi 3 -i 4 -w 1s -r 1s -jvmArgsAppend \\
      "-XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=print,*ChannelShapesBenchmark_oneToOne_jmhTest::oneToOne_thrpt_jmhStub" > /tmp/asm.txt
  annotate.py /tmp/asm.txt /tmp/p.data 'io.winlog.bench' [min-samples]

It annotates the last C2 compile printed in asm.txt (the one that runs in the measured
iterations) and counts only samples of threads whose name starts with the given prefix
(perf truncates thread names to 15 characters; JMH's worker is 'io.winlog.bench').
"""
import re
import subprocess
import sys
import tempfile
from collections import Counter


def last_c2_code(asm_path):
    """Address -> byte for the last '[MachCode]' block of a C2 compile."""
    text = open(asm_path, errors="replace").read()
    blocks = re.findall(r"Compiled method \(c2\).*?\[MachCode\](.*?)\[/MachCode\]", text, re.S)
    if not blocks:
        sys.exit("no C2 [MachCode] block in " + asm_path + " (was CompileCommand=print set?)")
    code = {}
    for line in blocks[-1].splitlines():
        m = re.match(r"\s*0x([0-9a-f]+): (.*)$", line)
        if not m or not re.match(r"[0-9a-f]{2}", m.group(2)):
            continue  # comments, oop maps, relocations
        hexes = re.sub(r"#.*?:", "", m.group(2))  # JMH output may interleave with the dump
        data = bytes.fromhex(re.sub(r"[^0-9a-f]", "", hexes))
        base = int(m.group(1), 16)
        for i, b in enumerate(data):
            code[base + i] = b
    return code


def samples(perf_data, thread_prefix):
    out = subprocess.run(["perf", "script", "-i", perf_data, "-F", "comm,ip"],
                         capture_output=True, text=True).stdout
    counts = Counter()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 2 and line.strip().startswith(thread_prefix):
            counts[int(parts[-1], 16)] += 1
    return counts


def main():
    asm, data, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
    minimum = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    code = last_c2_code(asm)
    start, end = min(code), max(code) + 1
    with tempfile.NamedTemporaryFile(suffix=".bin") as f:
        f.write(bytes(code.get(a, 0x90) for a in range(start, end)))
        f.flush()
        listing = subprocess.run(["objdump", "-D", "-b", "binary", "-mi386:x86-64",
                                  "--adjust-vma=%d" % start, f.name], capture_output=True, text=True).stdout
    counts = samples(data, prefix)
    inside = sum(c for a, c in counts.items() if start <= a < end)
    print("# %d of %d samples of '%s*' threads fall in this method" % (inside, sum(counts.values()), prefix))
    for line in listing.splitlines():
        m = re.match(r"\s*([0-9a-f]+):\t", line)
        if m:
            n = counts.get(int(m.group(1), 16), 0)
            if n >= minimum:
                print("%6d %s" % (n, line))


if __name__ == "__main__":
    main()
