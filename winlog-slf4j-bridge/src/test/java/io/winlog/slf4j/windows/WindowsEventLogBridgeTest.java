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
import io.winlog.testkit.GetWinEvent;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * and Get-WinEvent reads the events back with their ids, levels and rendered text
 * ({@link GetWinEvent}: -EncodedCommand, UTF-8 JSON). Not run on
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

        List<GetWinEvent.Event> events = GetWinEvent.await("Application", SOURCE, 20, l -> l.size() >= 3, Duration.ofSeconds(30));
        assertThat(events).as("events of %s read back by Get-WinEvent", SOURCE).hasSize(3);
        for (GetWinEvent.Event e : events) {
            assertThat(e.message()).as("event %d rendered by Windows (null: the message file was not used)", e.id())
                    .isNotNull().doesNotContain("cannot be found").doesNotContain("could not be found");
        }
        assertThat(events).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo(4100);
            assertThat(e.level()).isEqualTo(2);
            assertThat(e.message()).startsWith("appender error 1").contains("java.lang.IllegalStateException: boom");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo(4101);
            assertThat(e.level()).isEqualTo(3);
            assertThat(e.message()).startsWith("appender warn");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo(4102);
            assertThat(e.level()).isEqualTo(4);
            assertThat(e.message()).startsWith("provider info ok");
        });
    }
}
