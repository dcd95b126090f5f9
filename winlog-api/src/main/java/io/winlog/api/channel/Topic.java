package io.winlog.api.channel;

import java.util.Arrays;
import java.util.List;

/**
 * A dot-separated topic name ({@code security.logon.failed}), interned by its channel.
 *
 * <p>Get one with {@link EventChannel#topic(String)} and keep it: publishing to a {@code Topic}
 * costs one volatile read to find the subscribers whose filters match it, because the channel
 * precomputes that list whenever a topic is created or a subscriber joins or leaves. Topics are
 * immutable apart from that route list and are compared by identity within their channel.
 *
 * <p>Names: one or more non-empty segments separated by {@code '.'}; a segment may not contain
 * {@code '*'}, {@code '#'} or whitespace (those are filter syntax), at most 255 segments and 1024
 * characters.
 */
public final class Topic {
    static final int MAX_LENGTH = 1024;
    static final int MAX_SEGMENTS = 255;

    private final String name;
    private final String[] segments;
    /** The channel that interned this topic; publishing it to another channel is a mistake we report. */
    final Object owner;
    /**
     * The subscribers whose topic filter matches this topic, replaced wholesale (copy on write)
     * by the channel under its lock, read by producers with a plain-volatile load.
     */
    volatile RingSubscriber<?>[] routes = RingSubscriber.NONE;
    /**
     * Dense per-channel number, assigned before the topic is published; a shared-ring channel's
     * subscribers index their match tables with it ({@link SharedRingSubscriber#wants}).
     */
    int index;

    Topic(String name, Object owner) {
        this.segments = parse(name, false);
        this.name = name;
        this.owner = owner;
    }

    /** The topic's name, e.g. {@code security.logon.failed}. */
    public String name() {
        return name;
    }

    /** The topic's segments, e.g. {@code [security, logon, failed]}. */
    public List<String> segments() {
        return List.of(segments);
    }

    String[] segmentArray() {
        return segments;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Splits and validates a topic name ({@code wildcards == false}) or a filter pattern.
     *
     * @throws IllegalArgumentException with the offending position
     */
    static String[] parse(String text, boolean wildcards) {
        String what = wildcards ? "topic filter" : "topic";
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("The " + what + " is empty; use dot-separated names such as 'security.logon.failed'");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The " + what + " is " + text.length() + " characters long; the limit is " + MAX_LENGTH);
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length > MAX_SEGMENTS) {
            throw new IllegalArgumentException("The " + what + " '" + text + "' has " + parts.length + " segments; the limit is " + MAX_SEGMENTS);
        }
        int offset = 0;
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("The " + what + " '" + text + "' has an empty segment at character " + offset + "; remove the extra '.'");
            }
            boolean wildcard = part.equals("*") || part.equals("#");
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (Character.isWhitespace(c) || ((c == '*' || c == '#') && !(wildcards && wildcard))) {
                    throw new IllegalArgumentException("The " + what + " '" + text + "' has '" + c + "' at character " + (offset + i)
                            + (wildcards ? "; '*' and '#' must be whole segments" : "; topic names cannot contain '*', '#' or whitespace"));
                }
            }
            offset += part.length() + 1;
        }
        return Arrays.copyOf(parts, parts.length);
    }
}
