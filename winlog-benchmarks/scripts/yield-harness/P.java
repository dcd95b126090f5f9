// Plain-loop harness for docs/benchmarks-channel.md (run 6, "outside JMH"): publish cost with no, a busy-spinning or
// a yielding subscriber. Not part of the build: javac -cp winlog-api/target/classes -d /tmp/h P.java; java -cp ...:/tmp/h P YIELDING
import io.winlog.api.channel.*;
public class P {
    static final class Slot { long v; }
    public static void main(String[] a) throws Exception {
        String mode = a[0];
        EventChannel<Slot> ch = EventChannel.<Slot>builder().name("h").sharedRing(1 << 16).singleProducer().slots(Slot::new).build();
        Topic t = ch.topic("a.b");
        if (!mode.equals("none")) {
            long[] sum = {0};
            ch.subscribe(SubscriberConfig.<Slot>builder("c").topics("#").waitStrategy(WaitStrategy.valueOf(mode)).maxBatch(16384)
                .handler((s, seq, end) -> { sum[0] += s.v; }).build());
        }
        EventTranslator<Slot, Long> tr = (s, x) -> s.v = 1;
        Long one = 1L;
        for (int round = 0; round < 5; round++) {
            long n = 50_000_000; long t0 = System.nanoTime();
            for (long i = 0; i < n; i++) ch.publish(t, tr, one);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s round %d: %.1f M/s (%.1f ns/publish)%n", mode, round, n / s / 1e6, s * 1e9 / n);
        }
        ch.close();
    }
}
