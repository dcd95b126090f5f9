// The Disruptor twin of P.java (same ring size, translator and subscriber loop). Not part of the build:
// javac -cp disruptor-4.0.0.jar -d /tmp/h D.java; java -cp disruptor-4.0.0.jar:/tmp/h D YIELDING
import com.lmax.disruptor.*;
import com.lmax.disruptor.dsl.*;
import com.lmax.disruptor.util.DaemonThreadFactory;
public class D {
    static final class Slot { long v; }
    public static void main(String[] a) throws Exception {
        WaitStrategy w = a[0].equals("YIELDING") ? new YieldingWaitStrategy() : new BusySpinWaitStrategy();
        Disruptor<Slot> d = new Disruptor<>(Slot::new, 1 << 16, DaemonThreadFactory.INSTANCE, ProducerType.SINGLE, w);
        long[] sum = {0};
        d.handleEventsWith((s, seq, end) -> { sum[0] += s.v; });
        RingBuffer<Slot> rb = d.start();
        EventTranslatorOneArg<Slot, Long> tr = (s, seq, x) -> s.v = 1;
        Long one = 1L;
        for (int round = 0; round < 5; round++) {
            long n = 50_000_000; long t0 = System.nanoTime();
            for (long i = 0; i < n; i++) rb.publishEvent(tr, one);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("disruptor %s round %d: %.1f M/s (%.1f ns/publish)%n", a[0], round, n / s / 1e6, s * 1e9 / n);
        }
        d.halt();
    }
}
