package io.winlog.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in one or more logs: for each channel, the record id of the last event handled.
 * The text form is Windows' bookmark XML ({@code EvtRender(..., EvtRenderBookmark)}), so a
 * bookmark saved by winlog can be handed to {@code EvtCreateBookmark} and back:
 *
 * <pre>{@code
 * <BookmarkList>
 *   <Bookmark Channel='Security' RecordId='4711' IsCurrent='true'/>
 * </BookmarkList>
 * }</pre>
 *
 * Immutable; {@link #advance(String, long)} returns a new bookmark.
 */
public final class Bookmark {
    private static final Pattern ENTRY = Pattern.compile(
            "<Bookmark\\s+([^>]*?)/?>", Pattern.DOTALL);
    private static final Pattern ATTR = Pattern.compile("(\\w+)\\s*=\\s*(['\"])(.*?)\\2", Pattern.DOTALL);

    private final Map<String, Long> positions;
    private final String current;

    private Bookmark(Map<String, Long> positions, String current) {
        this.positions = Collections.unmodifiableMap(positions);
        this.current = current;
    }

    /** A bookmark with no position (nothing handled yet). */
    public static Bookmark empty() {
        return new Bookmark(new LinkedHashMap<>(), null);
    }

    /** A bookmark at one record of one channel. */
    public static Bookmark of(String channel, long recordId) {
        return empty().advance(channel, recordId);
    }

    /** This bookmark moved to {@code recordId} in {@code channel}, which becomes the current channel. */
    public Bookmark advance(String channel, long recordId) {
        Objects.requireNonNull(channel, "channel");
        Map<String, Long> m = new LinkedHashMap<>(positions);
        m.put(channel, recordId);
        return new Bookmark(m, channel);
    }

    /** Channel → last handled record id, in first-seen order. */
    public Map<String, Long> positions() {
        return positions;
    }

    /** The record id for {@code channel}, or -1 if the bookmark has no position there. */
    public long recordId(String channel) {
        Long v = positions.get(channel);
        return v == null ? -1 : v;
    }

    /** The channel of the most recent advance, or null for an empty bookmark. */
    public String currentChannel() {
        return current;
    }

    public boolean isEmpty() {
        return positions.isEmpty();
    }

    /** Windows' bookmark XML. */
    public String toXml() {
        StringBuilder sb = new StringBuilder("<BookmarkList>\r\n");
        for (Map.Entry<String, Long> e : positions.entrySet()) {
            sb.append("  <Bookmark Channel='").append(escape(e.getKey())).append("' RecordId='").append(e.getValue())
                    .append('\'');
            if (e.getKey().equals(current)) {
                sb.append(" IsCurrent='true'");
            }
            sb.append("/>\r\n");
        }
        return sb.append("</BookmarkList>").toString();
    }

    /**
     * Parses Windows' bookmark XML.
     *
     * @throws IllegalArgumentException when the text is not a bookmark list
     */
    public static Bookmark parse(String xml) {
        if (!xml.contains("<BookmarkList")) {
            throw new IllegalArgumentException("not a bookmark (expected <BookmarkList>): "
                    + xml.substring(0, Math.min(80, xml.length())));
        }
        Map<String, Long> m = new LinkedHashMap<>();
        String current = null;
        Matcher em = ENTRY.matcher(xml);
        while (em.find()) {
            String channel = null;
            Long id = null;
            boolean isCurrent = false;
            Matcher am = ATTR.matcher(em.group(1));
            while (am.find()) {
                String v = unescape(am.group(3));
                switch (am.group(1)) {
                    case "Channel": channel = v; break;
                    case "RecordId":
                        try {
                            id = Long.parseLong(v.trim());
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("bad RecordId in bookmark: " + v, e);
                        }
                        break;
                    case "IsCurrent": isCurrent = "true".equalsIgnoreCase(v.trim()); break;
                    default: break;
                }
            }
            if (channel == null || id == null) {
                throw new IllegalArgumentException("bookmark entry without Channel or RecordId: " + em.group());
            }
            m.put(channel, id);
            if (isCurrent) {
                current = channel;
            }
        }
        if (current == null && !m.isEmpty()) {
            current = m.keySet().iterator().next();
        }
        return new Bookmark(m, current);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("'", "&apos;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String unescape(String s) {
        return s.replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bookmark b && b.positions.equals(positions) && Objects.equals(b.current, current);
    }

    @Override
    public int hashCode() {
        return positions.hashCode();
    }

    @Override
    public String toString() {
        return "Bookmark" + positions;
    }
}
