package io.winlog.slf4j.pipeline;

import java.util.Locale;

/** What a log call does when the hand-off queue is full. */
public enum OverflowPolicy {
    /** Wait for room (lossless; the default). The wait is counted in the statistics. */
    BLOCK,
    /**
     * Do not wait: put the event on an unbounded overflow list on the heap that the consumer
     * drains after the ring (lossless while memory lasts; order across the two is not kept).
     */
    SPILL,
    /** Do not wait: drop the event, count it, and report the count in the next summary event. */
    DROP;

    /** Parses a configuration value (case-insensitive). */
    public static OverflowPolicy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown overflow policy '" + text + "': use BLOCK, SPILL or DROP");
        }
    }
}
