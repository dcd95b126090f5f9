package io.winlog.jna.messagedll;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The content of an {@code RT_MESSAGETABLE} resource: message ids (full 32-bit values, as
 * {@code FormatMessage} and the Event Viewer look them up) mapped to Unicode texts, held as
 * sorted, non-overlapping ranges. A range maps every id in {@code [low, high]} to one text, so
 * "every event id 0..65535 shows %1" costs one range instead of 65,536 entries.
 *
 * <pre>{@code
 * MessageTable t = MessageTable.builder()
 *         .range(0x0000_0000L, 0x0000_FFFFL, "%1")
 *         .message(1, "Error")
 *         .build();
 * }</pre>
 *
 * Immutable. Texts are stored as written: a message text is what {@code FormatMessage} returns
 * (add {@code "\r\n"} yourself if you want the line end {@code mc.exe} appends).
 */
public final class MessageTable {
    /** One id range with its text. */
    public record Range(long low, long high, String text) {
        public Range {
            Objects.requireNonNull(text, "text");
            if (low < 0 || high > 0xFFFF_FFFFL || low > high) {
                throw new IllegalArgumentException("message id range must be 0 <= low <= high <= 0xFFFFFFFF: " + low + ".." + high);
            }
        }

        /** Number of ids in the range. */
        public long size() {
            return high - low + 1;
        }
    }

    private final List<Range> ranges;

    private MessageTable(List<Range> ranges) {
        this.ranges = Collections.unmodifiableList(new ArrayList<>(ranges));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The ranges, sorted by id, non-overlapping. */
    public List<Range> ranges() {
        return ranges;
    }

    /** The text of {@code id}, or null. */
    public String text(long id) {
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Range r = ranges.get(mid);
            if (id < r.low()) {
                hi = mid - 1;
            } else if (id > r.high()) {
                lo = mid + 1;
            } else {
                return r.text();
            }
        }
        return null;
    }

    /** Total number of ids covered. */
    public long idCount() {
        long n = 0;
        for (Range r : ranges) {
            n += r.size();
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageTable t && t.ranges.equals(ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    @Override
    public String toString() {
        return "MessageTable" + ranges;
    }

    /** Collects messages and ranges; {@link #build()} rejects overlapping ids. */
    public static final class Builder {
        private final List<Range> ranges = new ArrayList<>();

        private Builder() {
        }

        /** Maps one id (full 32-bit message id, unsigned) to a text. */
        public Builder message(long id, String text) {
            return range(id, id, text);
        }

        /** Maps every id in {@code [low, high]} to the same text. */
        public Builder range(long low, long high, String text) {
            ranges.add(new Range(low, high, text));
            return this;
        }

        /**
         * Builds the table.
         *
         * @throws IllegalArgumentException when two ranges overlap, or the table is empty
         */
        public MessageTable build() {
            if (ranges.isEmpty()) {
                throw new IllegalArgumentException("a message table needs at least one message");
            }
            List<Range> sorted = new ArrayList<>(ranges);
            sorted.sort((a, b) -> Long.compare(a.low(), b.low()));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).low() <= sorted.get(i - 1).high()) {
                    throw new IllegalArgumentException("message ids overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
                }
            }
            return new MessageTable(sorted);
        }
    }
}
