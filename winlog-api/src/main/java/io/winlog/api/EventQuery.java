package io.winlog.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to read: a live channel or a log file, an optional query (an XPath expression such as
 * {@code *[System[(Level=1 or Level=2) and EventID=4625]]}, or a structured
 * {@code <QueryList>} XML), a direction and a start position.
 *
 * <p>Immutable; build with {@link #channel(String)} or {@link #file(Path)} and the
 * {@code with...} methods.
 */
public final class EventQuery {
    /** Whether the source is a live channel or a file. */
    public enum SourceKind { CHANNEL, FILE }

    /** Reading order. */
    public enum Direction { FORWARD, REVERSE }

    private final SourceKind kind;
    private final String source;
    private final String query;
    private final Direction direction;
    private final StartPosition start;

    private EventQuery(SourceKind kind, String source, String query, Direction direction, StartPosition start) {
        this.kind = kind;
        this.source = source;
        this.query = query;
        this.direction = direction;
        this.start = start;
    }

    /** A live channel, e.g. {@code Application}, {@code Security}, {@code Microsoft-Windows-Sysmon/Operational}. */
    public static EventQuery channel(String name) {
        return new EventQuery(SourceKind.CHANNEL, Objects.requireNonNull(name), "*", Direction.FORWARD, StartPosition.oldest());
    }

    /** A log file (.evtx or .evt). */
    public static EventQuery file(Path path) {
        return new EventQuery(SourceKind.FILE, path.toString(), "*", Direction.FORWARD, StartPosition.oldest());
    }

    /** An XPath expression or a {@code <QueryList>} document; {@code *} selects everything. */
    public EventQuery withQuery(String q) {
        return new EventQuery(kind, source, Objects.requireNonNull(q), direction, start);
    }

    public EventQuery withDirection(Direction d) {
        return new EventQuery(kind, source, query, Objects.requireNonNull(d), start);
    }

    public EventQuery withStart(StartPosition s) {
        return new EventQuery(kind, source, query, direction, Objects.requireNonNull(s));
    }

    public SourceKind kind() {
        return kind;
    }

    /** The channel name or file path. */
    public String source() {
        return source;
    }

    public String query() {
        return query;
    }

    /** True when the query is a structured {@code <QueryList>} document. */
    public boolean isQueryList() {
        return query.stripLeading().startsWith("<");
    }

    public Direction direction() {
        return direction;
    }

    public StartPosition start() {
        return start;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + source + " query=" + query + " " + direction + " " + start;
    }
}
