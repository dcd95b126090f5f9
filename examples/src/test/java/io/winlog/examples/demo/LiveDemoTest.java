package io.winlog.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.EventSpec;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.jna.EventSourceInstaller;
import io.winlog.testkit.GetWinEvent;
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

    /**
     * The live demo for real (Windows CI, elevated): it registers its source, writes its test
     * events, tails them back and raises the staged alerts; Get-WinEvent then renders every one
     * of them without "description cannot be found". A source the demo installed is removed
     * again, even when a check fails.
     */
    @Test
    @EnabledOnOs(OS.WINDOWS)
    void liveEndToEndOnWindows() {
        boolean registeredBefore = EventSourceInstaller.local().status(LiveDemo.SOURCE).installed();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            LiveDemoReport report = new LiveDemo(new PrintStream(buf, true, StandardCharsets.UTF_8)).run();
            String out = buf.toString(StandardCharsets.UTF_8);
            assertThat(report.sourceMode()).as("the runner is elevated, so the source is registered: " + out)
                    .isIn("installed", "registered");
            assertThat(report.written()).isEqualTo(LiveDemo.testEvents("x").size());
            assertThat(report.ownSeen()).as(out).isEqualTo(report.written());
            assertThat(report.logonAlerts()).as(out).extracting(Alert::subject)
                    .contains(LiveDemo.DEMO_ACCOUNT + "\\" + LiveDemo.DEMO_USER);
            assertThat(report.uninstallAlerts()).as(out).anySatisfy(a -> assertThat(a.message()).contains("1603"));
            report.stats().values().forEach(s -> assertThat(s.dropped()).isZero());
            assertThat(out).contains("What was real").contains("TEST events");

            List<GetWinEvent.Event> rendered = GetWinEvent.await("Application", LiveDemo.SOURCE, 50,
                    l -> l.size() >= report.written(), Duration.ofSeconds(30));
            assertThat(rendered).as("the demo's events read back by Get-WinEvent").hasSizeGreaterThanOrEqualTo(report.written());
            assertThat(rendered.subList(0, report.written())).allSatisfy(e -> assertThat(e.message())
                    .as("event %d rendered with winlog's message file", e.id()).isNotNull()
                    .doesNotContain("cannot be found").doesNotContain("could not be found"));
            assertThat(rendered.subList(0, report.written())).extracting(GetWinEvent.Event::id)
                    .containsExactlyInAnyOrder(1, 4625, 4625, 4625, 4625, 4625, 1034);
        } finally {
            if (!registeredBefore) {
                EventSourceInstaller.local().uninstall(LiveDemo.SOURCE, null, false);
            }
        }
    }
}
