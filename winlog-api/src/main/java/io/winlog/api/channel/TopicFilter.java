package io.winlog.api.channel;

import java.util.Arrays;

/**
 * Which topics a subscriber receives: an exact name ({@code security.logon.failed}) or a pattern
 * with whole-segment wildcards, AMQP style: {@code *} matches exactly one segment
 * ({@code error.*} matches {@code error.io} but not {@code error} or {@code error.io.disk}) and
 * {@code #} matches zero or more segments ({@code security.#} matches {@code security},
 * {@code security.logon} and {@code security.logon.failed}; {@code #} alone matches everything).
 *
 * <p>Matching runs once per (topic, subscriber) pair when either appears, never per event: the
 * channel caches the result in the topic's route list. Immutable and thread-safe.
 */
public final class TopicFilter {
    private static final TopicFilter ALL = new TopicFilter("#");

    private final String pattern;
    private final String[] segments;

    private TopicFilter(String pattern) {
        this.pattern = pattern;
        this.segments = Topic.parse(pattern, true);
    }

    /**
     * Compiles a filter.
     *
     * @throws IllegalArgumentException if the pattern is empty, has empty segments or uses
     *                                  {@code *}/{@code #} inside a segment
     */
    public static TopicFilter of(String pattern) {
        return pattern.equals("#") ? ALL : new TopicFilter(pattern);
    }

    /** The filter that matches every topic ({@code #}). */
    public static TopicFilter all() {
        return ALL;
    }

    /** The pattern this filter was compiled from. */
    public String pattern() {
        return pattern;
    }

    /** True if the topic matches this filter. */
    public boolean matches(Topic topic) {
        return matches(segments, 0, topic.segmentArray(), 0);
    }

    /**
     * True if the topic name matches this filter.
     *
     * @throws IllegalArgumentException if {@code topic} is not a valid topic name
     */
    public boolean matches(String topic) {
        return matches(segments, 0, Topic.parse(topic, false), 0);
    }

    /**
     * Segment matcher. '#' tries every split point, so the work is O(pattern x topic) per '#'
     * and both are bounded to {@link Topic#MAX_SEGMENTS}; runs off the hot path.
     */
    private static boolean matches(String[] pattern, int p, String[] topic, int t) {
        while (p < pattern.length) {
            String seg = pattern[p];
            if (seg.equals("#")) {
                if (p == pattern.length - 1) {
                    return true; // trailing '#' swallows the rest, including nothing
                }
                for (int skip = t; skip <= topic.length; skip++) {
                    if (matches(pattern, p + 1, topic, skip)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= topic.length || !(seg.equals("*") || seg.equals(topic[t]))) {
                return false;
            }
            p++;
            t++;
        }
        return t == topic.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicFilter && Arrays.equals(((TopicFilter) o).segments, segments);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(segments);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
