package io.winlog.api;

import java.util.Objects;

/**
 * Where a reader or subscription starts: at the oldest record, at the newest (a subscription
 * then receives only future events), right after a {@link Bookmark}, or at a record id.
 */
public final class StartPosition {
    /** The kinds of start position. */
    public enum Kind { OLDEST, FUTURE, AFTER_BOOKMARK, AT_RECORD_ID }

    private static final StartPosition OLDEST = new StartPosition(Kind.OLDEST, null, 0);
    private static final StartPosition FUTURE = new StartPosition(Kind.FUTURE, null, 0);

    private final Kind kind;
    private final Bookmark bookmark;
    private final long recordId;

    private StartPosition(Kind kind, Bookmark bookmark, long recordId) {
        this.kind = kind;
        this.bookmark = bookmark;
        this.recordId = recordId;
    }

    public static StartPosition oldest() {
        return OLDEST;
    }

    /** Only events that arrive after the start (subscriptions); readers start at the end. */
    public static StartPosition future() {
        return FUTURE;
    }

    public static StartPosition after(Bookmark bookmark) {
        return new StartPosition(Kind.AFTER_BOOKMARK, Objects.requireNonNull(bookmark), 0);
    }

    public static StartPosition atRecordId(long recordId) {
        return new StartPosition(Kind.AT_RECORD_ID, null, recordId);
    }

    public Kind kind() {
        return kind;
    }

    /** The bookmark for {@link Kind#AFTER_BOOKMARK}, else null. */
    public Bookmark bookmark() {
        return bookmark;
    }

    /** The record id for {@link Kind#AT_RECORD_ID}. */
    public long recordId() {
        return recordId;
    }

    @Override
    public String toString() {
        switch (kind) {
            case AFTER_BOOKMARK: return "after " + bookmark;
            case AT_RECORD_ID: return "at record " + recordId;
            default: return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
