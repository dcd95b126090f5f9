package io.winlog.slf4j.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import io.winlog.slf4j.EventIdMarker;
import io.winlog.slf4j.writer.RecordingEventWriter;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;

/** The provider's loggers, built directly (not through LoggerFactory, which Logback owns in this JVM). */
class WinlogLoggerTest {
    private final RecordingEventWriter writer = new RecordingEventWriter();
    private final BasicMDCAdapter mdc = new BasicMDCAdapter();

    private WinlogLoggerFactory factory(String props) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(props));
        ProviderSettings s = ProviderSettings.of(p);
        assertThat(s.problems()).isEmpty();
        s.bridge().writer(writer);
        return new WinlogLoggerFactory(s, mdc);
    }

    private List<EventSpec> drain(WinlogLoggerFactory f) {
        assertThat(f.flush(Duration.ofSeconds(10))).isTrue();
        return writer.events();
    }

    @ParameterizedTest
    @ValueSource(strings = {"consumer", "caller"})
    void formatsLikeSlf4jWithTypesCategoriesAndStackTraces(String format) throws Exception {
        try (WinlogLoggerFactory f = factory("level=DEBUG\nformat=" + format + "\neventId.default=1000\neventId.ERROR=1003\n")) {
            Logger log = f.getLogger("com.acme.Orders");
            log.info("order {} shipped to {}", 42, "Bern");
            log.warn("literal {} stays without args");
            log.error("failed {}", "order 7", new IllegalStateException("disk full"));
            log.debug("three {} {} {}", 1, 2, 3);
            log.trace("not enabled");
            List<EventSpec> ev = drain(f);
            assertThat(ev).hasSize(4);
            assertThat(ev.get(0).strings()).containsExactly("order 42 shipped to Bern");
            assertThat(ev.get(0).type()).isEqualTo(EventType.INFORMATION);
            assertThat(ev.get(0).category()).isEqualTo(3);
            assertThat(ev.get(0).eventId()).isEqualTo(1000);
            assertThat(ev.get(1).strings()).containsExactly("literal {} stays without args");
            assertThat(ev.get(1).type()).isEqualTo(EventType.WARNING);
            EventSpec err = ev.get(2);
            assertThat(err.type()).isEqualTo(EventType.ERROR);
            assertThat(err.category()).isEqualTo(1);
            assertThat(err.eventId()).isEqualTo(1003);
            assertThat(err.strings().get(0)).startsWith("failed order 7" + System.lineSeparator()
                    + "java.lang.IllegalStateException: disk full").contains("at io.winlog.slf4j.provider.WinlogLoggerTest");
            assertThat(ev.get(3).strings()).containsExactly("three 1 2 3");
            assertThat(ev.get(3).category()).isEqualTo(4);
        }
    }

    @Test
    void eventIdComesFromKeyValueThenMarkerThenMdcThenLevelDefault() throws Exception {
        try (WinlogLoggerFactory f = factory("eventId.default=1000\neventId.WARN=1002\n")) {
            Logger log = f.getLogger("x");
            log.info(EventIdMarker.of(2001), "marker");
            log.info(new BasicMarkerFactory().getMarker("eventId=0x7D2"), "foreign marker, hex");
            mdc.put("eventId", "2003");
            log.info("mdc");
            log.atInfo().addMarker(EventIdMarker.of(2001)).addKeyValue("eventId", 2004).addKeyValue("user", "ann")
                    .log("kv beats marker and mdc");
            mdc.remove("eventId");
            log.warn("level default");
            log.info(new BasicMarkerFactory().getMarker("eventId=notanumber"), "bad marker falls through");
            List<EventSpec> ev = drain(f);
            assertThat(ev).extracting(EventSpec::eventId).containsExactly(2001L, 2002L, 2003L, 2004L, 1002L, 1000L);
            assertThat(ev.get(3).strings()).containsExactly("kv beats marker and mdc", "eventId=2004", "user=ann");
        }
    }

    @Test
    void levelsPerLoggerPrefixAndExtraStrings() throws Exception {
        try (WinlogLoggerFactory f = factory("""
                level=WARN
                level.com.acme=DEBUG
                level.com.acme.noisy=OFF
                includeLoggerName=true
                includeThreadName=true
                """)) {
            assertThat(f.getLogger("com.acme.db.Pool").isDebugEnabled()).isTrue();
            assertThat(f.getLogger("com.acmex").isInfoEnabled()).isFalse();
            assertThat(f.getLogger("com.acme.noisy.X").isErrorEnabled()).isFalse();
            assertThat(f.getLogger("other").isWarnEnabled()).isTrue();
            assertThat(f.getLogger("a")).isSameAs(f.getLogger("a"));
            f.getLogger("com.acme.db.Pool").debug("d");
            f.getLogger("com.acme.noisy.X").error("never");
            f.getLogger("other").info("never");
            List<EventSpec> ev = drain(f);
            assertThat(ev).singleElement().satisfies(e -> assertThat(e.strings())
                    .containsExactly("d", "logger=com.acme.db.Pool", "thread=" + Thread.currentThread().getName()));
        }
    }

    @Test
    void aThrowingToStringDoesNotLoseTheEvent() throws Exception {
        Object evil = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("evil");
            }
        };
        try (WinlogLoggerFactory f = factory("")) {
            f.getLogger("x").info("value {}", evil);
            List<EventSpec> ev = drain(f);
            assertThat(ev).singleElement().satisfies(e -> assertThat(e.strings().get(0)).startsWith("value [FAILED toString()]"));
        }
    }
}
