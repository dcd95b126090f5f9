// Plain-loop harness for docs/benchmarks-channel.md (run 10): one producer, N yielding subscribers, winlog's shared ring in
// slot mode or the Disruptor with the same slot; prints events/s, each thread's CPU share and the mean batch per subscriber.
// Not part of the build: CP=winlog-api/target/classes:disruptor-4.0.0.jar; javac -cp $CP -d /tmp/h B.java; java -cp $CP:/tmp/h B winlog 1
import io.winlog.api.channel.*;
import com.lmax.disruptor.*;
import com.lmax.disruptor.dsl.*;
import java.lang.management.*;
import java.util.*;
public class B {
    static final class Slot { long v; int topic; }
    static final class Sink { long p0,p1,p2,p3,p4,p5,p6,p7; long sum, batches; long q0,q1,q2,q3,q4,q5,q6,q7; }
    public static void main(String[] a) throws Exception {
        String impl = a[0]; int consumers = Integer.parseInt(a[1]); int maxBatch = a.length > 2 ? Integer.parseInt(a[2]) : 16384;
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ThreadFactory tf = r -> { Thread t = new Thread(r); t.setDaemon(true); threads.add(t); return t; };
        Sink[] sinks = new Sink[consumers]; for (int i = 0; i < consumers; i++) sinks[i] = new Sink();
        Runnable close; java.util.function.LongConsumer pub;
        if (impl.equals("winlog")) {
            EventChannel<Slot> ch = EventChannel.<Slot>builder().name("h").sharedRing(1 << 16).singleProducer().slots(Slot::new).threadFactory(tf).build();
            Topic t = ch.topic("a.b");
            for (int c = 0; c < consumers; c++) { Sink k = sinks[c];
                ch.subscribe(SubscriberConfig.<Slot>builder("c" + c).topics("#").waitStrategy(io.winlog.api.channel.WaitStrategy.YIELDING).maxBatch(maxBatch)
                    .handler((s, seq, end) -> { k.sum += s.v; if (end) k.batches++; }).build()); }
            io.winlog.api.channel.EventTranslator<Slot, Long> tr = (s, x) -> s.v = 1;
            Long one = 1L;
            pub = i -> ch.publish(t, tr, one); close = ch::close;
        } else {
            Disruptor<Slot> d = new Disruptor<>(Slot::new, 1 << 16, tf, ProducerType.SINGLE, new YieldingWaitStrategy());
            @SuppressWarnings("unchecked") com.lmax.disruptor.EventHandler<Slot>[] hs = new com.lmax.disruptor.EventHandler[consumers];
            for (int c = 0; c < consumers; c++) { Sink k = sinks[c]; hs[c] = (s, seq, end) -> { k.sum += s.v; if (end) k.batches++; }; }
            d.handleEventsWith(hs);
            RingBuffer<Slot> rb = d.start();
            EventTranslatorOneArg<Slot, Long> tr = (s, seq, x) -> { s.v = 1; s.topic = 0; };
            Long one = 1L;
            pub = i -> rb.publishEvent(tr, one); close = d::halt;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 6; round++) {
            long n = 20_000_000;
            long[] cpu0 = new long[threads.size()]; for (int i = 0; i < cpu0.length; i++) cpu0[i] = mx.getThreadCpuTime(threads.get(i).getId());
            long me0 = mx.getCurrentThreadCpuTime();
            long[] b0 = new long[consumers]; for (int i = 0; i < consumers; i++) b0[i] = sinks[i].batches;
            long t0 = System.nanoTime();
            for (long i = 0; i < n; i++) pub.accept(i);
            double s = (System.nanoTime() - t0) / 1e9;
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("prod cpu %.0f%%", (mx.getCurrentThreadCpuTime() - me0) / 1e7 / s));
            for (int i = 0; i < cpu0.length; i++) sb.append(String.format(" c%d cpu %.0f%% batch %d", i, (mx.getThreadCpuTime(threads.get(i).getId()) - cpu0[i]) / 1e7 / s, n / Math.max(1, sinks[i].batches - b0[i])));
            System.out.printf("%s x%d round %d: %.1f M/s %s%n", impl, consumers, round, n / s / 1e6, sb);
        }
        close.run();
    }
}
