package io.winlog.slf4j.windows;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.winlog.jna.EventSourceInstaller;
import io.winlog.jna.InstallResult;
import io.winlog.jna.SourceRegistration;
import io.winlog.slf4j.EventIdMarker;
import io.winlog.slf4j.logback.WindowsEventLogAppender;
import io.winlog.slf4j.provider.ProviderSettings;
import io.winlog.slf4j.provider.WinlogLoggerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;

/**
 * The real Event Log, on Windows only (the Windows workflow; runners are elevated): the Logback
 * appender and the provider write through winlog-jna's writer to a freshly installed source,
 * and Get-WinEvent reads the events back with their ids, levels and rendered text. Not run on
 * Linux, and not claimed as verified there.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsEventLogBridgeTest {
    private static final String SOURCE = "winlog-slf4j-ci-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void install() {
        // The message DLLs are generated into winlog-jna's jar at build time, so bundled() always works.
        SourceRegistration reg = SourceRegistration.bundled(SOURCE, "Application", List.of());
        assertThat(EventSourceInstaller.local().install(reg).outcome()).isEqualTo(InstallResult.Outcome.CREATED);
    }

    @AfterAll
    static void uninstall() {
        EventSourceInstaller.local().uninstall(SOURCE, "Application", false);
    }

    @Test
    void appenderAndProviderWriteRealEventsWithoutFallingBack() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(MDC.getMDCAdapter());
        WindowsEventLogAppender a = new WindowsEventLogAppender();
        a.setContext(ctx);
        a.setName("EVENTLOG");
        a.setSource(SOURCE);
        a.setWarnings(warnings::add);
        a.start();
        Logger log = ctx.getLogger("ci.Appender");
        log.addAppender(a);
        log.error(EventIdMarker.of(4100), "appender error {}", 1, new IllegalStateException("boom"));
        log.atWarn().addKeyValue("eventId", 4101).log("appender warn");
        ctx.stop();

        Properties p = new Properties();
        p.setProperty("source", SOURCE);
        p.setProperty("eventId.default", "4102");
        ProviderSettings s = ProviderSettings.of(p);
        s.bridge().warnings(warnings::add);
        try (WinlogLoggerFactory f = new WinlogLoggerFactory(s, new BasicMDCAdapter())) {
            f.getLogger("ci.Provider").info("provider info {}", "ok");
            assertThat(f.flush(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(warnings).as("the Event Log was available: no fallback warning").isEmpty();

        List<String[]> events = readBack(3);
        for (String[] e : events) {
            assertThat(e[2]).doesNotContain("cannot be found").doesNotContain("could not be found");
        }
        assertThat(events).anySatisfy(e -> {
            assertThat(e[0]).isEqualTo("4100");
            assertThat(e[1]).isEqualTo("2");
            assertThat(e[2]).startsWith("appender error 1").contains("java.lang.IllegalStateException: boom");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e[0]).isEqualTo("4101");
            assertThat(e[1]).isEqualTo("3");
            assertThat(e[2]).startsWith("appender warn");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e[0]).isEqualTo("4102");
            assertThat(e[1]).isEqualTo("4");
            assertThat(e[2]).startsWith("provider info ok");
        });
    }

    /** Id, Level and Message (line breaks as \n) of the source's events, retrying while the service catches up. */
    private static List<String[]> readBack(int expected) throws IOException, InterruptedException {
        String ps = "[Console]::OutputEncoding=[Text.Encoding]::UTF8; "
                + "Get-WinEvent -FilterHashtable @{LogName='Application'; ProviderName='" + SOURCE + "'} -MaxEvents 20 "
                + "| ForEach-Object { \"$($_.Id)`t$($_.Level)`t\" + ($_.Message -replace \"`r?`n\", '\\n') }";
        List<String[]> out = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && out.size() < expected; attempt++) {
            Path tmp = Files.createTempFile("winlog-slf4j-events", ".txt");
            Process proc = new ProcessBuilder("powershell", "-NoProfile", "-NonInteractive", "-Command", ps)
                    .redirectOutput(tmp.toFile()).start();
            assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
            out.clear();
            for (String line : Files.readAllLines(tmp, StandardCharsets.UTF_8)) {
                String l = line.replace("\uFEFF", "");
                if (!l.isBlank()) {
                    out.add(l.split("\t", 3));
                }
            }
            Files.deleteIfExists(tmp);
            if (out.size() < expected) {
                Thread.sleep(500);
            }
        }
        assertThat(out).hasSize(expected);
        return out;
    }
}
