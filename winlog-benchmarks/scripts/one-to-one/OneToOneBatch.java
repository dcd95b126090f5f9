// 1->1 inside JMH, two producer loop shapes (session 8): `single` publishes once per JMH operation, as
// ChannelShapesBenchmark.oneToOne does; `batch` publishes 2^20 events per invocation in a counted loop, as a plain
// producer loop would. Same Pipeline classes as ChannelShapesBenchmark (winlog = YIELDING, disruptor = YieldingWaitStrategy).
// Lives in the benchmarks' package to reach Pipeline; not part of the build. From the repo root, after building the jar:
//   M=~/.m2/repository; J=winlog-benchmarks/target/benchmarks.jar
//   javac -cp $J:$M/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar -d /tmp/ob \
//     winlog-benchmarks/scripts/one-to-one/OneToOneBatch.java
//   for r in 1 2 3 4 5 6; do for m in batch single; do for i in winlog disruptor; do
//     java -cp /tmp/ob:$J org.openjdk.jmh.Main "OneToOneBatch.$m\$" -p impl=$i -f 1 -wi 2 -i 4 -w 1s -r 1s; done; done; done
package io.winlog.benchmarks.channel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.BenchmarkParams;
@State(Scope.Benchmark) @BenchmarkMode(Mode.Throughput) @OutputTimeUnit(TimeUnit.SECONDS)
public class OneToOneBatch {
    @Param({"winlog", "disruptor"}) public String impl;
    Pipeline pipeline;
    final BenchEvent[] pool = new BenchEvent[4096];
    @Setup(Level.Trial) public void setUp() {
        for (int i = 0; i < pool.length; i++) pool[i] = new BenchEvent(i, i & 1);
        pipeline = Pipeline.create(impl, Shape.ofMethod("oneToOne"));
    }
    @TearDown(Level.Trial) public void tearDown() { pipeline.close(); }
    /** One invocation = 1M publishes in a counted loop, as a plain producer loop would. */
    @Benchmark @OperationsPerInvocation(1 << 20) public void batch() {
        final Pipeline p = pipeline; final BenchEvent[] pool = this.pool;
        for (int i = 0; i < (1 << 20); i++) p.publish(pool[i & 4095]);
    }
    /** One invocation = one publish, as ChannelShapesBenchmark.oneToOne. */
    int next;
    @Benchmark public void single() { pipeline.publish(pool[next++ & 4095]); }
}
