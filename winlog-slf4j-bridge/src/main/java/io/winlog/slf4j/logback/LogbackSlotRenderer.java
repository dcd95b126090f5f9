package io.winlog.slf4j.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import io.winlog.api.EventSpec;
import io.winlog.slf4j.BridgeConfig;
import io.winlog.slf4j.EventIdPolicy;
import io.winlog.slf4j.EventText;
import io.winlog.slf4j.pipeline.LogSlot;
import io.winlog.slf4j.pipeline.SlotRenderer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/**
 * Renders the Logback event a {@link WindowsEventLogAppender} put in {@link LogSlot#payload}:
 * Logback's formatted message, its throwable proxy as a stack trace, and the event id from the
 * event's key-value pairs, markers or MDC copy.
 */
final class LogbackSlotRenderer implements SlotRenderer {
    private final BridgeConfig cfg;

    LogbackSlotRenderer(BridgeConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public EventSpec render(LogSlot s) {
        ILoggingEvent e = (ILoggingEvent) s.payload;
        Level level = s.level;
        IThrowableProxy tp = e.getThrowableProxy();
        String stack = tp == null ? null : trimEnd(ThrowableProxyUtil.asString(tp));
        return EventSpec.builder(eventId(e, level))
                .type(cfg.levels().type(level))
                .category(cfg.levels().category(level))
                .strings(EventText.strings(cfg, e.getFormattedMessage(), stack, e.getLoggerName(), e.getThreadName(),
                        e.getKeyValuePairs()))
                .time(Instant.ofEpochMilli(e.getTimeStamp()))
                .build();
    }

    private long eventId(ILoggingEvent e, Level level) {
        EventIdPolicy p = cfg.eventIds();
        List<KeyValuePair> kvs = e.getKeyValuePairs();
        if (kvs != null && p.keyValueKey() != null) {
            for (KeyValuePair kv : kvs) {
                if (p.keyValueKey().equals(kv.key)) {
                    long id = EventIdPolicy.parse(kv.value);
                    if (id != EventIdPolicy.NONE) {
                        return id;
                    }
                }
            }
        }
        List<Marker> markers = e.getMarkerList();
        if (markers != null) {
            for (Marker m : markers) {
                long id = p.fromMarker(m);
                if (id != EventIdPolicy.NONE) {
                    return id;
                }
            }
        }
        if (p.mdcKey() != null) {
            Map<String, String> mdc = e.getMDCPropertyMap();
            long id = mdc == null ? EventIdPolicy.NONE : EventIdPolicy.parse(mdc.get(p.mdcKey()));
            if (id != EventIdPolicy.NONE) {
                return id;
            }
        }
        return p.defaultFor(level);
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
