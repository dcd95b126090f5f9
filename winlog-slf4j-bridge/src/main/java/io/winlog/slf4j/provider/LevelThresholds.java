package io.winlog.slf4j.provider;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.event.Level;

/**
 * The level of each logger, by longest dotted prefix: {@code level.com.acme=DEBUG} applies to
 * {@code com.acme} and {@code com.acme.db.Pool}, not to {@code com.acmex}. Resolved once per
 * logger, when it is created.
 */
public final class LevelThresholds {
    /** A threshold above ERROR: nothing is written. */
    public static final int OFF = Integer.MAX_VALUE;

    private final Map<String, Integer> byPrefix = new HashMap<>();
    private int root = Level.INFO.toInt();

    /** Sets the level of loggers named {@code prefix} or below it ("" = root); {@code level} null = OFF. */
    public LevelThresholds set(String prefix, Level level) {
        int t = level == null ? OFF : level.toInt();
        if (prefix == null || prefix.isEmpty()) {
            root = t;
        } else {
            byPrefix.put(prefix, t);
        }
        return this;
    }

    /** The threshold ({@link Level#toInt()}, or {@link #OFF}) for a logger name. */
    public int thresholdFor(String name) {
        String n = name == null ? "" : name;
        while (!n.isEmpty()) {
            Integer t = byPrefix.get(n);
            if (t != null) {
                return t;
            }
            int dot = n.lastIndexOf('.');
            n = dot < 0 ? "" : n.substring(0, dot);
        }
        return root;
    }
}
