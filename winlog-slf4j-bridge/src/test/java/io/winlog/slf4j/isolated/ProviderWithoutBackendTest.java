package io.winlog.slf4j.isolated;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.slf4j.EventIdMarker;
import io.winlog.slf4j.pipeline.PipelineStats;
import io.winlog.slf4j.provider.ProviderSettings;
import io.winlog.slf4j.provider.WinlogLogger;
import io.winlog.slf4j.provider.WinlogLoggerFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * An application without a logging backend: runs in its own surefire execution
 * ("provider-without-backend") whose class path has no Logback, so SLF4J's ServiceLoader finds
 * winlog's provider alone. Configuration comes from a properties file named by
 * {@code winlog.slf4j.configurationFile}; events reach a file through the fallback writer.
 */
@DisabledOnOs(OS.WINDOWS) // on Windows the events go to the real Event Log, not the fallback file
class ProviderWithoutBackendTest {
    private static Path dir;
    private static Path events;
    private static final ByteArrayOutputStream ERR = new ByteArrayOutputStream();
    private static PrintStream realErr;

    @BeforeAll
    static void configureBeforeSlf4jStarts() throws Exception {
        Assumptions.assumeTrue("provider-without-backend".equals(System.getProperty("winlog.test.execution")),
                "runs only in the provider-without-backend surefire execution (mvn verify), not with -Dtest");
        assertThat(ProviderWithoutBackendTest.class.getClassLoader().getResource("ch/qos/logback/classic/Logger.class"))
                .as("this execution must run without Logback").isNull();
        dir = Files.createTempDirectory("winlog-provider");
        events = dir.resolve("events.log");
        Path props = dir.resolve("winlog-slf4j.properties");
        Files.writeString(props, String.join("\n",
                "source=IsolatedApp",
                "fallback=file:" + events.toString().replace("\\", "\\\\"),
                "level=INFO",
                "level.com.acme.db=DEBUG",
                "eventId.default=1000",
                "eventId.ERROR=1003",
                "queueSize=16",
                ""));
        System.setProperty(ProviderSettings.CONFIG_PROPERTY, props.toString());
        realErr = System.err;
        System.setErr(new PrintStream(ERR, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void restore() {
        if (realErr != null) {
            System.setErr(realErr);
        }
        System.clearProperty(ProviderSettings.CONFIG_PROPERTY);
    }

    @Test
    void serviceLoaderFindsTheProviderAndEventsArriveLosslessly() throws Exception {
        Logger log = LoggerFactory.getLogger("com.acme.Orders");
        assertThat(log).isInstanceOf(WinlogLogger.class);
        assertThat(LoggerFactory.getLogger("com.acme.db.Pool").isDebugEnabled()).isTrue();
        assertThat(log.isDebugEnabled()).isFalse();

        log.info("started {}", "v1");
        log.error(EventIdMarker.of(5001), "with marker");
        MDC.put("eventId", "5002");
        log.warn("with mdc");
        MDC.clear();
        log.atError().addKeyValue("eventId", 5003).setCause(new IllegalStateException("boom")).log("fluent");
        log.error("level default");

        int threads = 4;
        int each = 2_000;
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int id = t;
            Thread th = new Thread(() -> {
                Logger l = LoggerFactory.getLogger("load." + id);
                for (int i = 0; i < each; i++) {
                    l.info("t{} #{}", id, i);
                }
            });
            th.start();
            ts.add(th);
        }
        for (Thread th : ts) {
            th.join(60_000);
        }
        WinlogLoggerFactory f = (WinlogLoggerFactory) LoggerFactory.getILoggerFactory();
        assertThat(f.flush(Duration.ofSeconds(30))).isTrue();
        PipelineStats st = f.stats();
        f.close();

        List<String> lines = Files.readAllLines(events, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5 + threads * each);
        assertThat(lines.get(0)).contains(" INFORMATION id=1000 cat=3 source=IsolatedApp strings=[\"started v1\"]");
        assertThat(lines.get(1)).contains(" ERROR id=5001 cat=1 ");
        assertThat(lines.get(2)).contains(" WARNING id=5002 cat=2 ");
        assertThat(lines.get(3)).contains(" ERROR id=5003 ").contains("fluent\\njava.lang.IllegalStateException: boom")
                .contains("\"eventId=5003\"");
        assertThat(lines.get(4)).contains(" ERROR id=1003 ");
        assertThat(st.written()).isEqualTo(5 + threads * each);
        assertThat(st.dropped()).isZero();
        assertThat(st.blocked()).as("16 slots, 4 threads: the BLOCK policy must have been exercised").isPositive();

        String err = ERR.toString(StandardCharsets.UTF_8);
        assertThat(err.split("winlog: WARNING", -1)).as("exactly one warning: %s", err).hasSize(2);
        assertThat(err).contains("IsolatedApp").doesNotContain("multiple SLF4J providers");
    }
}
