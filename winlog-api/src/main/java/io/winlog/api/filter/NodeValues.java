package io.winlog.api.filter;

import io.winlog.api.event.EventValue;
import io.winlog.api.event.FileTime;
import io.winlog.api.event.Guids;
import io.winlog.api.event.NamedValue;
import io.winlog.api.event.ValueType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * String, number and date-time values of the run-time node objects of the filter: an
 * {@link EventNode} (fixed element), a {@link NamedValue} (a {@code <Data>} element), a
 * {@link MiniXml.Element} (UserData or an EventData child element), a {@link Keyword}
 * (RenderingInfo keyword), or an attribute value (String, Integer, Long, UUID, Sid, Instant).
 *
 * <p>Numbers follow the event values' own types where they have one (EventID, Level, Keywords and
 * integer-typed Data compare as integers without parsing text, Keywords unsigned 64-bit); text is
 * converted like XPath's {@code number()}, extended with {@code 0x} hex (how Windows writes
 * HexInt values). A number result sets {@link EvalContext#nan} when there is no number and
 * {@link EvalContext#negative} for negative signed values.
 */
final class NodeValues {
    private NodeValues() {
    }

    /** A RenderingInfo {@code <Keyword>} element. */
    record Keyword(String text) {
    }

    static String string(EvalContext c, Object node) {
        if (node instanceof String s) {
            return s;
        }
        if (node instanceof NamedValue nv) {
            EventValue v = nv.value();
            ValueType t = v.type();
            return t == ValueType.STRING || t == ValueType.ANSI_STRING ? v.asString() : v.text();
        }
        if (node instanceof EventNode n) {
            String leaf = n.leafText(c.record);
            if (leaf != null) {
                return leaf;
            }
            return structural(c, n);
        }
        if (node instanceof MiniXml.Element e) {
            return e.textContent();
        }
        if (node instanceof Instant t) {
            return FileTime.format(t);
        }
        if (node instanceof UUID g) {
            return Guids.format(g);
        }
        if (node instanceof Keyword k) {
            return k.text();
        }
        return String.valueOf(node); // Integer, Long, Sid
    }

    /** The string-value of a structural element: the text of all its descendants, in order. */
    private static String structural(EvalContext c, EventNode n) {
        StringBuilder sb = new StringBuilder();
        switch (n) {
            case DOCUMENT: case EVENT:
                for (EventNode child : EventNode.EVENT_CHILDREN) {
                    if (child.exists(c.record)) {
                        sb.append(string(c, child));
                    }
                }
                break;
            case SYSTEM: case RENDERING_INFO:
                for (EventNode child : n.fixedChildren()) {
                    if (child.exists(c.record)) {
                        sb.append(string(c, child));
                    }
                }
                break;
            case EVENT_DATA:
                for (NamedValue nv : c.record.eventData()) {
                    sb.append(nv.value().text());
                }
                if (c.record.hasBinaryData()) {
                    sb.append(EventValue.hex(c.record.binaryData()));
                }
                break;
            case USER_DATA:
                for (Object o : c.userData()) {
                    sb.append(o instanceof MiniXml.Element e ? e.textContent() : ((MiniXml.Text) o).text());
                }
                break;
            case RI_KEYWORDS:
                for (String k : c.record.renderingInfo().keywords()) {
                    sb.append(k);
                }
                break;
            default:
                break;
        }
        return sb.toString();
    }

    /** The number of a node; sets {@code c.nan}/{@code c.negative}. */
    static long number(EvalContext c, Object node) {
        c.nan = false;
        c.negative = false;
        if (node instanceof EventNode n && n.isNumericLeaf()) {
            return n.numericLeaf(c.record);
        }
        if (node instanceof NamedValue nv) {
            EventValue v = nv.value();
            ValueType t = v.type();
            switch (t) {
                case INT8: case INT16: case INT32: case INT64:
                    c.negative = v.asLong() < 0;
                    return v.asLong();
                case UINT8: case UINT16: case UINT32: case UINT64: case SIZE_T: case HEX_INT32: case HEX_INT64:
                    return v.asLong();
                case STRING: case ANSI_STRING:
                    return parse(c, v.asString());
                default:
                    return parse(c, v.text());
            }
        }
        if (node instanceof Integer || node instanceof Long) {
            long v = ((Number) node).longValue();
            c.negative = v < 0;
            return v;
        }
        return parse(c, string(c, node));
    }

    /**
     * XPath {@code number()} of a text, for integers: optional whitespace, an optional minus,
     * decimal digits (an all-zero fraction like {@code 3.0} is allowed) or {@code 0x} hex; an
     * unsigned 64-bit range. Anything else is NaN.
     */
    static long parse(EvalContext c, String s) {
        c.nan = false;
        c.negative = false;
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        while (n > i && isSpace(s.charAt(n - 1))) {
            n--;
        }
        boolean neg = false;
        if (i < n && s.charAt(i) == '-') {
            neg = true;
            i++;
        }
        if (i >= n) {
            c.nan = true;
            return 0;
        }
        long v = 0;
        if (n - i > 2 && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            i += 2;
            if (n - i > 16) {
                c.nan = true;
                return 0;
            }
            for (; i < n; i++) {
                int d = Character.digit(s.charAt(i), 16);
                if (d < 0) {
                    c.nan = true;
                    return 0;
                }
                v = (v << 4) | d;
            }
        } else {
            int digits = 0;
            for (; i < n; i++) {
                char ch = s.charAt(i);
                if (ch == '.') {
                    // only an all-zero fraction keeps the value an integer
                    for (int j = i + 1; j < n; j++) {
                        if (s.charAt(j) != '0') {
                            c.nan = true;
                            return 0;
                        }
                    }
                    break;
                }
                if (ch < '0' || ch > '9') {
                    c.nan = true;
                    return 0;
                }
                long next = v * 10 + (ch - '0');
                if (Long.compareUnsigned(v, 0x1999_9999_9999_9999L) > 0 || Long.compareUnsigned(next, v * 10) < 0) {
                    c.nan = true; // beyond 64 bits
                    return 0;
                }
                v = next;
                digits++;
            }
            if (digits == 0) {
                c.nan = true;
                return 0;
            }
        }
        if (neg && v != 0) {
            if (v < 0) { // magnitude beyond Long.MAX_VALUE
                c.nan = true;
                return 0;
            }
            c.negative = true;
            return -v;
        }
        return v;
    }

    /**
     * Compares two numbers given as (value, negative) pairs: negative values are signed, the
     * others unsigned 64-bit.
     */
    static int compare(long a, boolean aNeg, long b, boolean bNeg) {
        if (aNeg != bNeg) {
            return aNeg ? -1 : 1;
        }
        return aNeg ? Long.compare(a, b) : Long.compareUnsigned(a, b);
    }

    /** The instant of a node: TimeCreated/@SystemTime, a FILETIME value, or ISO-8601 text; null if none. */
    static Instant instant(EvalContext c, Object node) {
        if (node instanceof Instant t) {
            return t;
        }
        if (node instanceof NamedValue nv && nv.value().type() == ValueType.FILETIME) {
            return nv.value().asInstant();
        }
        if (node instanceof NamedValue nv && nv.value().type() == ValueType.SYSTEMTIME) {
            return nv.value().asSystemTime().toInstant();
        }
        return parseInstant(string(c, node));
    }

    /** ISO-8601 date-time text ({@code 2021-01-01T00:00:00.000Z}, any fraction, Z or offset), or null. */
    static Instant parseInstant(String s) {
        String t = s.trim();
        if (t.length() < 19 || t.length() > 40 || t.charAt(4) != '-' || t.charAt(10) != 'T') {
            return null;
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // no zone: Windows writes UTC
                return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
