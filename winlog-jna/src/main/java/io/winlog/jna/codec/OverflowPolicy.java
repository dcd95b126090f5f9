package io.winlog.jna.codec;

/**
 * What the writer does with an event whose strings exceed {@link ReportEventLimits}. None of
 * them is silent: truncation and splitting leave a visible marker in the event text.
 */
public enum OverflowPolicy {
    /**
     * Default. Writes several events with the same id, type and category; each carries the next
     * chunk of every long string and starts its first string with {@code "(part i/n) "}. Binary
     * data goes with part 1. Chunks end at a line break when one is near, never inside a
     * surrogate pair.
     */
    SPLIT,
    /** Cuts each long string and appends {@code " … [truncated: N of M chars omitted]"}. */
    TRUNCATE,
    /** Throws {@link io.winlog.api.EventRejectedException} with the limit that was exceeded. */
    REJECT
}
