package io.winlog.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.channel.SubscriberStats;
import io.winlog.api.event.EventRecord;
import io.winlog.testkit.ExternalTools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
    @TempDir
    Path dir;

    private DemoReport run(ByteArrayOutputStream buf) {
        return new Demo(dir, 2026, new PrintStream(buf, true, StandardCharsets.UTF_8)).run();
    }

    @Test
    void runsTheWholePipelineAndFindsExactlyTheScenarioIncidents() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DemoReport report = run(buf);
        List<EventRecord> scenario = DemoScenario.generate(2026);

        assertThat(report.written()).isEqualTo(scenario.size());
        assertThat(report.readBack()).as("every event read back").isEqualTo(scenario.size());
        assertThat(report.identical()).as("read back field for field").isEqualTo(scenario.size());

        long errorsAndWarnings = scenario.stream().filter(e -> e.level() != null && e.level() >= 1 && e.level() <= 3).count();
        assertThat(report.printed()).isEqualTo(errorsAndWarnings).isPositive();

        assertThat(report.logonAlerts()).extracting(Alert::subject).containsExactly("CONTOSO\\administrator");
        assertThat(report.uninstallAlerts()).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo("Contoso Agent");
            assertThat(a.message()).contains("1603");
        });

        assertThat(report.stats()).containsOnlyKeys("printer", "logons", "uninstall");
        for (Map.Entry<String, SubscriberStats> e : report.stats().entrySet()) {
            SubscriberStats s = e.getValue();
            assertThat(s.delivered()).as(e.getKey() + " delivered").isEqualTo(s.published());
            assertThat(s.dropped()).as(e.getKey() + " dropped").isZero();
            assertThat(s.pending()).as(e.getKey() + " pending").isZero();
        }
        assertThat(report.stats().get("logons").published())
                .isEqualTo(scenario.stream().filter(e -> e.eventId() == 4625).count());

        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("ALERT").contains("No live Windows log");
        assertThat(out.lines().count()).as("short output").isLessThan(45);
    }

    @Test
    void libevtxReadsEveryEventTheDemoWrote() throws Exception {
        Path evtxexport = ExternalTools.require("evtxexport", "libevtx-utils");
        DemoReport report = run(new ByteArrayOutputStream());
        List<EventRecord> scenario = DemoScenario.generate(2026);
        for (Map.Entry<String, Path> f : report.files().entrySet()) {
            Process p = new ProcessBuilder(evtxexport.toString(), f.getValue().toString()).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(text).isZero();
            long expected = scenario.stream().filter(e -> f.getKey().equals(e.channel())).count();
            assertThat(text.lines().filter(l -> l.startsWith("Event number")).count()).as(f.getKey()).isEqualTo(expected);
        }
    }
}
