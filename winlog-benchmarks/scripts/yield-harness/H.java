// Lag probe for docs/benchmarks-channel.md (run 6, "outside JMH"): publish rate and the subscriber lag sampled every
// 65,536 publishes. Not part of the build: javac -cp winlog-api/target/classes -d /tmp/h H.java; java -cp ...:/tmp/h H 16384
import io.winlog.api.channel.*;
public class H {
    static final class Slot { long v; }
    static volatile long sink;
    public static void main(String[] a) throws Exception {
        int maxBatch = Integer.parseInt(a[0]);
        EventChannel<Slot> ch = EventChannel.<Slot>builder().name("h").sharedRing(1 << 16).singleProducer().slots(Slot::new).build();
        Topic t = ch.topic("a.b");
        long[] sum = {0};
        Subscription<Slot> sub = ch.subscribe(SubscriberConfig.<Slot>builder("c").topics("#").waitStrategy(WaitStrategy.YIELDING).maxBatch(maxBatch)
            .handler((s, seq, end) -> { sum[0] += s.v; }).build());
        EventTranslator<Slot, Long> tr = (s, x) -> s.v = 1;
        Long one = 1L;
        for (int round = 0; round < 6; round++) {
            long n = 30_000_000; long t0 = System.nanoTime();
            long lagSamples = 0, lagSum = 0, lagMax = 0;
            for (long i = 0; i < n; i++) {
                ch.publish(t, tr, one);
                if ((i & 0xFFFF) == 0) { long l = sub.stats().lag(); lagSum += l; lagSamples++; lagMax = Math.max(lagMax, l); }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("maxBatch=%d round %d: %.1f M/s, mean lag %d, max lag %d%n", maxBatch, round, n / s / 1e6, lagSum / lagSamples, lagMax);
        }
        ch.close();
    }
}
