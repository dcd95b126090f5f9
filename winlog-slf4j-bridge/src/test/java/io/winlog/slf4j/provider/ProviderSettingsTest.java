package io.winlog.slf4j.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.EventType;
import io.winlog.slf4j.pipeline.OverflowPolicy;
import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class ProviderSettingsTest {
    private static ProviderSettings parse(String text) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return ProviderSettings.of(p);
    }

    @Test
    void defaultsAreSane() {
        ProviderSettings s = ProviderSettings.of(new Properties());
        assertThat(s.bridge().source()).isEqualTo("Java");
        assertThat(s.bridge().log()).isEqualTo("Application");
        assertThat(s.bridge().async()).isTrue();
        assertThat(s.bridge().overflow()).isEqualTo(OverflowPolicy.BLOCK);
        assertThat(s.bridge().rateLimitPerSecond()).isZero();
        assertThat(s.thresholds().thresholdFor("any.Thing")).isEqualTo(Level.INFO.toInt());
        assertThat(s.formatOnCaller()).isFalse();
    }

    @Test
    void readsEveryKey() throws Exception {
        ProviderSettings s = parse("""
                source=Orders
                log=MyApp
                fallback=file:/tmp/x.log
                level=ERROR
                level.a.b=TRACE
                type.DEBUG=WARNING
                category.INFO=33
                eventId.default=0x10
                eventId.ERROR=7
                eventId.key=id
                eventId.mdcKey=
                eventId.markerPrefix=EVT:
                includeKeyValues=false
                async=false
                queueSize=64
                overflow=spill
                format=caller
                rateLimit=50
                rateLimit.burst=5
                summary.interval=PT30S
                summary.eventId=65000
                """);
        assertThat(s.problems()).isEmpty();
        assertThat(s.bridge().source()).isEqualTo("Orders");
        assertThat(s.bridge().log()).isEqualTo("MyApp");
        assertThat(s.bridge().fallback()).isEqualTo("file:/tmp/x.log");
        assertThat(s.thresholds().thresholdFor("a.b.C")).isEqualTo(Level.TRACE.toInt());
        assertThat(s.thresholds().thresholdFor("a")).isEqualTo(Level.ERROR.toInt());
        assertThat(s.bridge().levels().type(Level.DEBUG)).isEqualTo(EventType.WARNING);
        assertThat(s.bridge().levels().category(Level.INFO)).isEqualTo(33);
        assertThat(s.bridge().eventIds().defaultFor(Level.INFO)).isEqualTo(16);
        assertThat(s.bridge().eventIds().defaultFor(Level.ERROR)).isEqualTo(7);
        assertThat(s.bridge().eventIds().keyValueKey()).isEqualTo("id");
        assertThat(s.bridge().eventIds().mdcKey()).isNull();
        assertThat(s.bridge().eventIds().markerPrefix()).isEqualTo("EVT:");
        assertThat(s.bridge().includeKeyValues()).isFalse();
        assertThat(s.bridge().async()).isFalse();
        assertThat(s.bridge().queueSize()).isEqualTo(64);
        assertThat(s.bridge().overflow()).isEqualTo(OverflowPolicy.SPILL);
        assertThat(s.formatOnCaller()).isTrue();
        assertThat(s.bridge().rateLimitPerSecond()).isEqualTo(50);
        assertThat(s.bridge().rateLimitBurst()).isEqualTo(5);
    }

    @Test
    void rateLimitAndBurstWorkInEitherOrder() {
        io.winlog.slf4j.BridgeConfig a = new io.winlog.slf4j.BridgeConfig().rateLimit(0, 7).rateLimit(20, 7);
        assertThat(a.effectiveBurst()).isEqualTo(7);
        io.winlog.slf4j.BridgeConfig b = new io.winlog.slf4j.BridgeConfig().rateLimit(20.5, 0);
        assertThat(b.effectiveBurst()).isEqualTo(21);
    }

    @Test
    void badValuesAreReportedAndKeepTheirDefaults() throws Exception {
        ProviderSettings s = parse("""
                level=LOUD
                overflow=sometimes
                eventId.default=-3
                queueSize=many
                colour=blue
                category.ERROR=70000
                """);
        assertThat(s.problems()).hasSize(6);
        assertThat(String.join("\n", s.problems())).contains("level=LOUD").contains("ERROR, WARN, INFO, DEBUG or TRACE")
                .contains("BLOCK, SPILL or DROP").contains("colour=blue ignored: unknown key").contains("0..65535");
        assertThat(s.thresholds().thresholdFor("x")).isEqualTo(Level.INFO.toInt());
        assertThat(s.bridge().overflow()).isEqualTo(OverflowPolicy.BLOCK);
    }
}
