package io.winlog.slf4j.provider;

import io.winlog.api.EventSpec;
import io.winlog.slf4j.BridgeConfig;
import io.winlog.slf4j.EventIdPolicy;
import io.winlog.slf4j.EventText;
import io.winlog.slf4j.pipeline.LogSlot;
import io.winlog.slf4j.pipeline.SlotRenderer;
import java.time.Instant;
import java.util.List;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

/**
 * Renders the slots {@link WinlogLogger} fills: formats the pattern with SLF4J's own
 * {@link MessageFormatter} (so {@code {}} and a trailing throwable behave exactly as with any
 * SLF4J backend), resolves the event id and builds the insertion strings.
 */
final class ProviderSlotRenderer implements SlotRenderer {
    private final BridgeConfig cfg;

    ProviderSlotRenderer(BridgeConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public EventSpec render(LogSlot s) {
        Level level = s.level == null ? Level.INFO : s.level;
        String message = s.message;
        Throwable t = s.throwable;
        if (!s.formatted) {
            Object[] args = s.args != null ? s.args
                    : s.argCount == 1 ? new Object[] {s.arg1}
                    : s.argCount == 2 ? new Object[] {s.arg1, s.arg2} : null;
            if (args != null) {
                FormattingTuple ft = MessageFormatter.arrayFormat(s.message, args);
                message = ft.getMessage();
                if (t == null) {
                    t = ft.getThrowable();
                }
            }
        }
        return EventSpec.builder(eventId(s, level))
                .type(cfg.levels().type(level))
                .category(cfg.levels().category(level))
                .strings(EventText.strings(cfg, message, EventText.stackTrace(t), s.loggerName, s.threadName,
                        s.keyValues))
                .time(s.timeMillis == 0 ? null : Instant.ofEpochMilli(s.timeMillis))
                .build();
    }

    private long eventId(LogSlot s, Level level) {
        EventIdPolicy p = cfg.eventIds();
        List<KeyValuePair> kvs = s.keyValues;
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
        long id = p.fromMarker(s.marker);
        if (id != EventIdPolicy.NONE) {
            return id;
        }
        id = EventIdPolicy.parse(s.eventIdValue);
        return id != EventIdPolicy.NONE ? id : p.defaultFor(level);
    }
}
