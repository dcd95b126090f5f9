package io.winlog.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.EventSpec;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class LiveDemoTest {
    /**
     * The live demo's test events as the classic reader returns them (source, id, level, unnamed
     * insertion strings, channel Application) reach the same subscribers and raise exactly the
     * staged incidents. Runs on any OS; the Windows test below does it for real.
     */
    @Test
    void theTestEventsRaiseTheStagedAlertsThroughTheChannel() {
        String tag = "winlog-demo-run-test";
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        List<EventRecord> asRead = new ArrayList<>();
        long id = 100;
        for (EventSpec s : LiveDemo.testEvents(tag)) {
            EventRecord.Builder b = EventRecord.builder().providerName(LiveDemo.SOURCE).fullEventId(s.eventId())
                    .level(s.type().level()).channel("Application").recordId(id).timeCreated(t0.plusSeconds(id++ - 100));
            for (String str : s.strings()) {
                b.addData(null, EventValue.ofString(str));
            }
            asRead.add(b.build());
        }
        assertThat(asRead).allMatch(e -> LiveDemo.isOwn(e, tag));
        assertThat(asRead).noneMatch(e -> LiveDemo.isOwn(e, "other-run"));

        ConsolePrinter printer = new ConsolePrinter(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 50);
        FailedLogonAlertRule logons = new FailedLogonAlertRule(5, Duration.ofSeconds(60));
        UninstallFailureMonitor uninstalls = new UninstallFailureMonitor(Set.of("MsiInstaller", LiveDemo.SOURCE));
        Demo.publish(asRead, printer, logons, uninstalls);

        assertThat(logons.seen()).isEqualTo(5);
        assertThat(logons.alerts()).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo(LiveDemo.DEMO_ACCOUNT + "\\" + LiveDemo.DEMO_USER);
            assertThat(a.message()).contains("192.0.2.14");
        });
        assertThat(uninstalls.failures()).singleElement().satisfies(a -> assertThat(a.message()).contains("1603"));
        assertThat(printer.received()).isEqualTo(6); // 5 warnings + 1 error; the information event is filtered out
        // The file demo's monitor ignores the demo source: only the live demo opts in.
        UninstallFailureMonitor msiOnly = new UninstallFailureMonitor();
        asRead.forEach(e -> msiOnly.onEvent(e, 0, false));
        assertThat(msiOnly.removals()).isZero();
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void liveEndToEndOnWindows() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        LiveDemoReport report = new LiveDemo(new PrintStream(buf, true, StandardCharsets.UTF_8)).run();
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(report.written()).isEqualTo(LiveDemo.testEvents("x").size());
        assertThat(report.ownSeen()).as(out).isEqualTo(report.written());
        assertThat(report.logonAlerts()).as(out).extracting(Alert::subject)
                .contains(LiveDemo.DEMO_ACCOUNT + "\\" + LiveDemo.DEMO_USER);
        assertThat(report.uninstallAlerts()).as(out).anySatisfy(a -> assertThat(a.message()).contains("1603"));
        report.stats().values().forEach(s -> assertThat(s.dropped()).isZero());
        assertThat(out).contains("What was real").contains("TEST events");
    }
}
