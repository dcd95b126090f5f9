package io.winlog.jna.codec;

import io.winlog.api.EventRejectedException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits an event's (already sanitized) insertion strings into {@link ReportEventLimits} under an
 * {@link OverflowPolicy}. Pure and bounded: the work is linear in the total text length.
 *
 * <p>The capacity per string is the largest {@code c <= maxCharsPerString} for which
 * {@code sum(2 * (min(len_i, c) + 1)) + data + sid <= maxPayloadBytes}, found by binary search;
 * so when only the total is too large, the longest strings give way first and short ones are
 * never cut.
 */
public final class EventSplitter {
    /** Prefix format of split parts. */
    static final String PART_FORMAT = "(part %d/%d) ";
    /** Most events one split event becomes (about 30 M chars with the default limit). */
    public static final int MAX_PARTS = 1_000;
    /** Length of the widest part prefix, "(part 99999/99999) "; parts never exceed {@link #MAX_PARTS}. */
    static final int MAX_PREFIX_CHARS = 19;
    /** How far back a chunk end looks for a line break. */
    private static final int LINE_BREAK_LOOKBACK = 256;

    private EventSplitter() {
    }

    /**
     * One event to write: its strings and whether binary data goes with it.
     *
     * @param strings  insertion strings of this part
     * @param withData true for the part that carries the binary data (the first)
     * @param part     1-based part number
     * @param parts    number of parts
     */
    public record Part(List<String> strings, boolean withData, int part, int parts) {
    }

    /**
     * Splits, truncates or rejects.
     *
     * @param strings   sanitized insertion strings
     * @param dataBytes binary data length
     * @param sidBytes  SID length (0 for none)
     */
    public static List<Part> fit(List<String> strings, int dataBytes, int sidBytes, ReportEventLimits limits,
                                 OverflowPolicy policy) {
        if (strings.size() > ReportEventLimits.MAX_STRINGS) {
            throw new EventRejectedException(strings.size() + " insertion strings; ReportEvent takes at most "
                    + ReportEventLimits.MAX_STRINGS + " (wNumStrings is a WORD). Join some of them.");
        }
        long fixed = (long) dataBytes + sidBytes;
        long total = fixed;
        int longest = 0;
        for (String s : strings) {
            total += 2L * s.length() + 2;
            longest = Math.max(longest, s.length());
        }
        if (longest <= limits.maxCharsPerString() && total <= limits.maxPayloadBytes()) {
            return List.of(new Part(strings, true, 1, 1));
        }
        String what = longest > limits.maxCharsPerString()
                ? "an insertion string of " + longest + " chars exceeds the per-string limit of " + limits.maxCharsPerString()
                : "strings + data + SID take " + total + " bytes, more than the " + limits.maxPayloadBytes() + " one event can carry";
        if (policy == OverflowPolicy.REJECT) {
            throw new EventRejectedException("event too large for ReportEvent: " + what
                    + ". Shorten it, or choose the SPLIT or TRUNCATE overflow policy.");
        }
        // Split parts prefix the first string with "(part i/n) ": budget for the widest prefix.
        int capacity = capacity(strings, fixed, limits, policy == OverflowPolicy.SPLIT ? MAX_PREFIX_CHARS : 0);
        if (capacity < ReportEventLimits.MIN_CHUNK_CHARS) {
            throw new EventRejectedException("event too large for ReportEvent even when " + policy.name().toLowerCase()
                    + ": " + what + "; " + dataBytes + " bytes of binary data and " + strings.size()
                    + " strings leave no room for text. Reduce the binary data or the number of strings.");
        }
        return policy == OverflowPolicy.TRUNCATE ? List.of(truncate(strings, capacity)) : split(strings, capacity);
    }

    /** Largest per-string capacity that fits the payload budget (may be below MIN_CHUNK_CHARS). */
    static int capacity(List<String> strings, long fixed, ReportEventLimits limits, int extraFirst) {
        int lo = 0;
        int hi = limits.maxCharsPerString();
        if (bytesAt(strings, fixed, hi, extraFirst) <= limits.maxPayloadBytes()) {
            return hi;
        }
        while (lo < hi) { // invariant: bytesAt(lo) fits or lo == 0; bytesAt(hi) does not fit
            int mid = (lo + hi + 1) >>> 1;
            if (bytesAt(strings, fixed, mid, extraFirst) <= limits.maxPayloadBytes()) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static long bytesAt(List<String> strings, long fixed, int cap, int extraFirst) {
        long b = fixed;
        for (int i = 0; i < strings.size(); i++) {
            int len = strings.get(i).length() + (i == 0 ? extraFirst : 0);
            b += 2L * Math.min(len, cap) + 2;
        }
        return b;
    }

    private static Part truncate(List<String> strings, int capacity) {
        List<String> out = new ArrayList<>(strings.size());
        for (String s : strings) {
            if (s.length() <= capacity) {
                out.add(s);
                continue;
            }
            int len = s.length();
            int reserve = marker(len, len).length();
            int keep = safeEnd(s, 0, Math.max(0, capacity - reserve));
            out.add(s.substring(0, keep) + marker(len - keep, len));
        }
        return new Part(out, true, 1, 1);
    }

    static String marker(int omitted, int of) {
        return " \u2026 [truncated: " + omitted + " of " + of + " chars omitted]";
    }

    private static List<Part> split(List<String> strings, int capacity) {
        // The first string carries "(part i/n) "; n is unknown until chunked: assume a width, redo if wrong.
        int digits = 1;
        for (int attempt = 0; attempt < 8; attempt++) {
            int prefix = String.format(PART_FORMAT, pow10(digits) - 1, pow10(digits) - 1).length();
            List<List<String>> chunks = new ArrayList<>(strings.size());
            int parts = 1;
            for (int i = 0; i < strings.size(); i++) {
                List<String> c = chunk(strings.get(i), i == 0 ? capacity - prefix : capacity);
                chunks.add(c);
                parts = Math.max(parts, c.size());
            }
            if (parts > MAX_PARTS) {
                throw new EventRejectedException("event would need " + parts + " ReportEvent parts, more than the "
                        + MAX_PARTS + " the SPLIT policy writes for one event; use TRUNCATE for messages this large");
            }
            if (String.valueOf(parts).length() > digits) {
                digits = String.valueOf(parts).length();
                continue;
            }
            List<Part> out = new ArrayList<>(parts);
            for (int p = 0; p < parts; p++) {
                List<String> ps = new ArrayList<>(strings.size());
                for (int i = 0; i < chunks.size(); i++) {
                    List<String> c = chunks.get(i);
                    String piece = p < c.size() ? c.get(p) : "";
                    ps.add(i == 0 ? String.format(PART_FORMAT, p + 1, parts) + piece : piece);
                }
                out.add(new Part(ps, p == 0, p + 1, parts));
            }
            return out;
        }
        throw new IllegalStateException("part numbering did not converge"); // unreachable: digits grow monotonically
    }

    /** Splits {@code s} into pieces of at most {@code cap} chars (at least one piece). */
    static List<String> chunk(String s, int cap) {
        List<String> out = new ArrayList<>(s.length() / Math.max(1, cap) + 1);
        int start = 0;
        int n = s.length();
        while (n - start > cap) {
            int end = start + cap;
            int nl = s.lastIndexOf('\n', end - 1);
            if (nl >= start && nl >= end - Math.min(LINE_BREAK_LOOKBACK, cap / 4)) {
                end = nl + 1;
            } else {
                end = safeEnd(s, start, end);
            }
            if (end <= start) {
                end = start + cap; // cannot happen with cap >= 2; guarantees progress anyway
            }
            out.add(s.substring(start, end));
            start = end;
        }
        out.add(s.substring(start));
        return out;
    }

    /**
     * A cut position {@code <= want} that does not separate a surrogate pair and does not leave
     * a {@code %} as the last char (it would pair with the text that follows it).
     */
    static int safeEnd(String s, int from, int want) {
        int end = Math.min(want, s.length());
        if (end > from && end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))
                && Character.isLowSurrogate(s.charAt(end))) {
            end--;
        }
        if (end > from + 1 && s.charAt(end - 1) == '%') {
            end--;
        }
        return end;
    }

    private static int pow10(int d) {
        int r = 1;
        for (int i = 0; i < d; i++) {
            r *= 10;
        }
        return r;
    }
}
