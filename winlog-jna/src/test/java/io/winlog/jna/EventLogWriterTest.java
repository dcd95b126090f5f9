package io.winlog.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winlog.api.AccessDeniedException;
import io.winlog.api.EventRejectedException;
import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import io.winlog.api.PlatformNotSupportedException;
import io.winlog.api.WinlogException;
import io.winlog.api.event.Sid;
import io.winlog.jna.codec.InsertionTextPolicy;
import io.winlog.jna.codec.OverflowPolicy;
import io.winlog.jna.codec.PreparedReportEvent;
import io.winlog.jna.engine.RecordingReportEventApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The writer's control flow against a recording binding (runs on any OS). */
class EventLogWriterTest {
    private final RecordingReportEventApi api = new RecordingReportEventApi();

    private EventLogWriter.Builder builder() {
        return EventLogWriter.builder().source("WinlogTest").api(api);
    }

    @Test
    void passesEveryArgumentThrough() {
        Sid sid = Sid.parse("S-1-5-21-1-2-3-500");
        try (EventLogWriter w = builder().build()) {
            w.write(EventSpec.builder(0xC0FF_1234L).type(EventType.AUDIT_FAILURE).category(7)
                    .strings("first", "zweite ü", "\uD83D\uDE00").data(new byte[] {1, 2, 3}).userSid(sid).build());
        }
        PreparedReportEvent e = api.calls.get(0).event();
        assertThat(e.type()).isEqualTo((short) 0x10);
        assertThat(e.category()).isEqualTo((short) 7);
        assertThat(e.eventId()).isEqualTo(0xC0FF1234);
        assertThat(e.userSid()).isEqualTo(sid.toBytes());
        assertThat(e.data()).containsExactly(1, 2, 3);
        assertThat(e.strings()).hasNumberOfRows(3);
        assertThat(e.strings()[1]).isEqualTo("zweite ü\0".getBytes(StandardCharsets.UTF_16LE));
        assertThat(e.string(2)).isEqualTo("\uD83D\uDE00");
        assertThat(api.deregistered).containsExactlyElementsOf(api.registered);
    }

    @Test
    void everyTypeMapsToItsCode() {
        try (EventLogWriter w = builder().build()) {
            for (EventType t : EventType.values()) {
                w.write(EventSpec.builder(1000 + t.ordinal()).type(t).strings(t.name()).build());
            }
        }
        assertThat(api.calls).extracting(c -> (int) c.event().type()).containsExactly(0, 1, 2, 4, 8, 16);
    }

    @Test
    void longMessageIsSplitIntoMarkedParts() {
        String msg = "line\n".repeat(20_000); // 100,000 chars
        try (EventLogWriter w = builder().build()) {
            w.write(EventSpec.builder(1001).type(EventType.ERROR).strings(msg).data(new byte[] {9}).build());
        }
        assertThat(api.calls).hasSize(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            PreparedReportEvent e = api.calls.get(i).event();
            assertThat(e.part()).isEqualTo(i + 1);
            assertThat(e.eventId()).isEqualTo(1001);
            assertThat(e.data()).isEqualTo(i == 0 ? new byte[] {9} : null);
            String s = e.string(0);
            assertThat(s).startsWith("(part " + (i + 1) + "/4) ").hasSizeLessThanOrEqualTo(30_000);
            sb.append(s.substring(s.indexOf(") ") + 2));
        }
        assertThat(sb.toString()).isEqualTo(msg);
    }

    @Test
    void truncateAndRejectPolicies() {
        String msg = "z".repeat(40_000);
        try (EventLogWriter w = builder().overflow(OverflowPolicy.TRUNCATE).build()) {
            w.write(EventSpec.builder(1).strings(msg).build());
        }
        assertThat(api.calls.get(0).event().string(0)).hasSize(30_000).endsWith("chars omitted]");
        try (EventLogWriter w = builder().overflow(OverflowPolicy.REJECT).build()) {
            assertThatThrownBy(() -> w.write(EventSpec.builder(1).strings(msg).build()))
                    .isInstanceOf(EventRejectedException.class).hasMessageContaining("30000");
        }
        assertThat(api.calls).hasSize(1);
    }

    @Test
    void textIsEscapedOrRejected() {
        try (EventLogWriter w = builder().build()) {
            w.write(EventSpec.builder(1).strings("C:\\%1\0x").build());
        }
        assertThat(api.calls.get(0).event().string(0)).isEqualTo("C:\\%\u20601\u2400x");
        try (EventLogWriter w = builder().textPolicy(InsertionTextPolicy.REJECT).build()) {
            assertThatThrownBy(() -> w.write(EventSpec.builder(1).strings("ok", "bad %%5").build()))
                    .isInstanceOf(EventRejectedException.class).hasMessageContaining("%2");
        }
    }

    @Test
    void oneHandlePerSourceSharedAndReleasedByTheLastWriter() {
        var handles = new io.winlog.jna.engine.SharedSourceHandles(api);
        var a = handles.acquire(null, "A");
        var b = handles.acquire(null, "A");
        var c = handles.acquire("srv", "A");
        assertThat(api.registered).hasSize(2);
        a.release();
        a.release(); // idempotent
        assertThat(api.deregistered).isEmpty();
        b.release();
        assertThat(api.deregistered).hasSize(1);
        handles.closeAll();
        assertThat(api.deregistered).hasSize(2);
        assertThatThrownBy(() -> c.report(null)).isInstanceOf(WinlogException.class).hasMessageContaining("closed");
        c.release();
        assertThatThrownBy(() -> handles.acquire(null, "B")).hasMessageContaining("shut down");
    }

    @Test
    void writeAfterCloseThrows() {
        EventLogWriter w = builder().build();
        w.close();
        w.close();
        assertThatThrownBy(() -> w.write(EventSpec.builder(1).build())).hasMessageContaining("closed");
    }

    @Test
    void win32ErrorsBecomeTypedExceptions() {
        api.failRegisterWith = 5;
        assertThatThrownBy(() -> builder().build()).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Security log");
        api.failRegisterWith = 1722;
        assertThatThrownBy(() -> builder().server("nohost").build()).hasMessageContaining("unreachable");
        api.failRegisterWith = 0;
        api.failReportWith = 87;
        api.failReportFromCall = 2;
        try (EventLogWriter w = builder().build()) {
            assertThatThrownBy(() -> w.write(EventSpec.builder(1).strings("q".repeat(70_000)).build()))
                    .isInstanceOf(WinlogException.class).hasMessageContaining("part 2 of 3")
                    .satisfies(e -> assertThat(((WinlogException) e).win32Error()).isEqualTo(87));
        }
    }

    @Test
    void invalidConfigurationIsRefused() {
        assertThatThrownBy(() -> EventLogWriter.builder().api(api).build()).hasMessageContaining("source is required");
        assertThatThrownBy(() -> builder().source("a\\b").build()).hasMessageContaining("backslash");
        assertThatThrownBy(() -> builder().maxCharsPerString(40_000).build()).hasMessageContaining("31839");
    }

    @Test
    void requireRegisteredSourceChecksTheLog() {
        var reg = new io.winlog.jna.engine.InMemoryRegistry();
        assertThatThrownBy(() -> builder().requireRegisteredSource(true).registry(reg).build())
                .isInstanceOf(SourceNotRegisteredException.class).hasMessageContaining("winlog source install");
        new EventSourceInstaller(reg).install(SourceRegistration.dotNet("WinlogTest", "Other"));
        assertThatThrownBy(() -> builder().requireRegisteredSource(true).registry(reg).build())
                .isInstanceOf(SourceNotRegisteredException.class).hasMessageContaining("registered in log \"Other\"");
        builder().log("other").requireRegisteredSource(true).registry(reg).build().close();
        assertThat(api.registered).hasSize(1);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void buildingTheRealWriterOffWindowsSaysWhy() {
        assertThat(EventLogWriter.isSupported()).isFalse();
        assertThatThrownBy(() -> EventLogWriter.builder().source("MyApp").build())
                .isInstanceOf(PlatformNotSupportedException.class).hasMessageContaining("needs Windows")
                .hasMessageContaining("MyApp");
    }

    @Test
    void concurrentWritersAndCloseNeverUseAClosedHandle() throws Exception {
        EventLogWriter w = builder().build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            results.add(pool.submit(() -> {
                start.await();
                int ok = 0;
                for (int i = 0; i < 2_000; i++) {
                    try {
                        w.write(EventSpec.builder(id).strings("m" + i).build());
                        ok++;
                    } catch (WinlogException closed) {
                        assertThat(closed).hasMessageContaining("closed");
                    }
                }
                return ok;
            }));
        }
        start.countDown();
        Thread.sleep(5);
        w.close();
        int written = 0;
        for (Future<Integer> f : results) {
            written += f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(api.calls).hasSize(written);
        assertThat(api.deregistered).hasSize(1);
    }
}
