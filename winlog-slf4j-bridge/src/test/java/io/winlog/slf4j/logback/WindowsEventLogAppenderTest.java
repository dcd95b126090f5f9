package io.winlog.slf4j.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import io.winlog.slf4j.EventIdMarker;
import io.winlog.slf4j.pipeline.PipelineStats;
import io.winlog.slf4j.writer.RecordingEventWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

class WindowsEventLogAppenderTest {

    /** logback.xml → Joran → appender → pipeline → file fallback, read back line by line. */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void logbackXmlEndToEndThroughTheFileFallbackWithOneWarning(@TempDir Path dir) throws Exception {
        Path events = dir.resolve("events.log");
        PrintStream realErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LoggerContext ctx = context();
        ctx.setName("winlog-test");
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            ctx.putProperty("eventsFile", events.toString());
            JoranConfigurator jc = new JoranConfigurator();
            jc.setContext(ctx);
            jc.doConfigure(WindowsEventLogAppenderTest.class.getResource("/logback-eventlog-test.xml"));
            assertThat(ctx.getStatusManager().getCopyOfStatusList()).noneMatch(s -> s.getLevel() >= Status.WARN);

            Logger log = ctx.getLogger("com.acme.Billing");
            log.info("invoice {} sent", 17);
            log.warn(EventIdMarker.of(4001), "marker id");
            MDC.put("eventId", "4002");
            log.info("mdc id");
            MDC.remove("eventId");
            log.atInfo().addKeyValue("eventId", 4003).addKeyValue("customer", "c-9").log("kv id");
            log.error("payment failed", new IllegalArgumentException("card expired"));
            log.debug("debug category");
            for (int i = 0; i < 100; i++) {
                log.info("bulk {}", i);
            }
            ctx.stop(); // stops the appender: drains and closes the file
        } finally {
            System.setErr(realErr);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr.split("winlog: WARNING", -1)).as("exactly one warning, got: %s", stderr).hasSize(2);
        assertThat(stderr).contains("WinlogTest").contains(events.toString());

        List<String> lines = Files.readAllLines(events, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(106);
        assertThat(lines.get(0)).contains(" INFORMATION id=1000 cat=3 source=WinlogTest strings=[\"invoice 17 sent\",\"logger=com.acme.Billing\"]");
        assertThat(lines.get(1)).contains(" WARNING id=4001 cat=2 ");
        assertThat(lines.get(2)).contains(" INFORMATION id=4002 ");
        assertThat(lines.get(3)).contains(" id=4003 ").contains("\"kv id\",\"logger=com.acme.Billing\",\"eventId=4003\",\"customer=c-9\"");
        assertThat(lines.get(4)).contains(" ERROR id=1003 cat=1 ")
                .contains("strings=[\"payment failed\\njava.lang.IllegalArgumentException: card expired\\n\\tat io.winlog.slf4j.logback.WindowsEventLogAppenderTest");
        assertThat(lines.get(5)).contains(" INFORMATION id=1000 cat=9 ").contains("debug category");
        for (int i = 0; i < 100; i++) {
            assertThat(lines.get(6 + i)).contains("\"bulk " + i + "\"");
        }
    }

    /** A fresh context sharing the JVM's Logback MDC (as the context LoggerFactory makes does). */
    private static LoggerContext context() {
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(MDC.getMDCAdapter());
        return ctx;
    }

    private static WindowsEventLogAppender programmatic(LoggerContext ctx, RecordingEventWriter w) {
        WindowsEventLogAppender a = new WindowsEventLogAppender();
        a.setContext(ctx);
        a.setName("EVENTLOG");
        a.setSource("Prog");
        a.setWriter(w);
        return a;
    }

    @Test
    void blockingQueueLosesNothingWithManyLoggingThreads() throws Exception {
        LoggerContext ctx = context();
        RecordingEventWriter w = new RecordingEventWriter();
        WindowsEventLogAppender a = programmatic(ctx, w);
        a.setQueueSize(8);
        a.start();
        Logger log = ctx.getLogger("load");
        log.addAppender(a);
        int threads = 4;
        int each = 5_000;
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int id = t;
            Thread th = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    log.info("t{} #{}", id, i);
                }
            });
            th.start();
            ts.add(th);
        }
        for (Thread th : ts) {
            th.join(60_000);
        }
        assertThat(a.flush(Duration.ofSeconds(30))).isTrue();
        PipelineStats st = a.getStats();
        a.stop();
        assertThat(w.size()).isEqualTo(threads * each);
        assertThat(st.written()).isEqualTo(threads * each);
        assertThat(st.dropped()).isZero();
        for (int t = 0; t < threads; t++) {
            final String prefix = "t" + t + " #";
            List<Integer> seq = w.events().stream().map(e -> e.strings().get(0)).filter(s -> s.startsWith(prefix))
                    .map(s -> Integer.parseInt(s.substring(prefix.length()))).toList();
            assertThat(seq).as("thread %d in order", t).isSorted().hasSize(each);
        }
    }

    @Test
    void rateLimitWithInjectedClockWritesSummaries() {
        AtomicLong now = new AtomicLong();
        LoggerContext ctx = context();
        RecordingEventWriter w = new RecordingEventWriter();
        WindowsEventLogAppender a = programmatic(ctx, w);
        a.setAsync(false);
        a.setRateLimit(10);
        a.setRateLimitBurst(3);
        a.setSummaryIntervalSeconds(30);
        a.setSummaryEventId(9100);
        a.setNanoClock(now::get);
        a.start();
        Logger log = ctx.getLogger("flood");
        log.addAppender(a);
        for (int i = 0; i < 10; i++) {
            log.error("flood {}", i);
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(31));
        log.warn("later");
        a.stop();
        List<EventSpec> ev = w.events();
        assertThat(ev).extracting(e -> e.strings().get(0)).startsWith("flood 0", "flood 1", "flood 2");
        EventSpec summary = ev.get(3);
        assertThat(summary.eventId()).isEqualTo(9100);
        assertThat(summary.type()).isEqualTo(EventType.WARNING);
        assertThat(summary.strings().get(0)).contains("7 suppressed by the rate limit (10.0/s, burst 3) [ERROR 7]");
        assertThat(ev.get(4).strings()).containsExactly("later");
        assertThat(ev).hasSize(5);
    }

    @Test
    void aBadLevelMappingIsReportedInLogbackStatusNotThrown() {
        LoggerContext ctx = context();
        WindowsEventLogAppender a = programmatic(ctx, new RecordingEventWriter());
        a.setLevelEventIds("ERROR=1003, LOUD=5, WARN");
        List<String> errors = new CopyOnWriteArrayList<>();
        ctx.getStatusManager().getCopyOfStatusList().stream().filter(s -> s.getLevel() == Status.ERROR)
                .forEach(s -> errors.add(s.getMessage()));
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).contains("LOUD=5");
        assertThat(errors.get(1)).contains("expected LEVEL=value");
    }
}
