package io.winlog.slf4j;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.event.KeyValuePair;

/**
 * Builds the insertion strings of an event. {@code %1} is the formatted message followed by the
 * stack trace (winlog's message file renders every id as {@code %1}, so this is what Event
 * Viewer shows); then, by configuration, {@code logger=..}, {@code thread=..} and one
 * {@code key=value} string per key-value pair (visible in the event's details and XML).
 */
public final class EventText {
    private EventText() {
    }

    /** The insertion strings for one log call. */
    public static List<String> strings(BridgeConfig cfg, String message, String stackTrace, String loggerName,
                                       String threadName, List<KeyValuePair> keyValues) {
        String m = message == null ? "" : message;
        String first = stackTrace == null || stackTrace.isEmpty() ? m : m + System.lineSeparator() + stackTrace;
        boolean extras = cfg.includeLoggerName() && loggerName != null || cfg.includeThreadName() && threadName != null
                || cfg.includeKeyValues() && keyValues != null && !keyValues.isEmpty();
        if (!extras) {
            return List.of(first); // the common case: EventSpec keeps this immutable list without copying
        }
        List<String> out = new ArrayList<>(4);
        out.add(first);
        if (cfg.includeLoggerName() && loggerName != null) {
            out.add("logger=" + loggerName);
        }
        if (cfg.includeThreadName() && threadName != null) {
            out.add("thread=" + threadName);
        }
        if (cfg.includeKeyValues() && keyValues != null) {
            for (KeyValuePair kv : keyValues) {
                out.add(kv.key + "=" + safeToString(kv.value));
            }
        }
        return out;
    }

    /** The stack trace as {@link Throwable#printStackTrace()} prints it, without the final newline. */
    public static String stackTrace(Throwable t) {
        if (t == null) {
            return null;
        }
        StringWriter sw = new StringWriter(512);
        try (PrintWriter pw = new PrintWriter(sw)) {
            t.printStackTrace(pw);
        }
        String s = sw.toString();
        return s.endsWith(System.lineSeparator()) ? s.substring(0, s.length() - System.lineSeparator().length()) : s;
    }

    /** {@code String.valueOf(o)}, but a throwing {@code toString()} yields a marker instead of an exception. */
    public static String safeToString(Object o) {
        try {
            return String.valueOf(o);
        } catch (RuntimeException e) {
            return "[" + o.getClass().getName() + ".toString() threw " + e + "]";
        }
    }
}
