package io.winlog.evtx.write;

import io.winlog.api.EventRejectedException;

/**
 * Writes Java strings as UTF-16LE into a chunk, applying the writer's
 * {@link InvalidTextPolicy} to lone surrogates and to U+0000 (which ends a string for Windows:
 * ReportEvent takes NUL-terminated strings, readers strip trailing NULs, and inside a string
 * array it would split the element; there KEEP acts as REPLACE). Other characters, control
 * characters included, are stored as given: BinXml carries them, and Windows stores them the
 * same way (XML renderers escape or drop them; that is a rendering concern).
 */
final class TextEncoder {
    private final InvalidTextPolicy policy;

    TextEncoder(InvalidTextPolicy policy) {
        this.policy = policy;
    }

    /** Writes {@code s} (no length prefix, no terminator). */
    void write(ChunkImage c, String s, String what) {
        write(c, s, what, false);
    }

    /** Writes {@code s}; {@code arrayElement}: a NUL would split the element, so KEEP replaces it. */
    void write(ChunkImage c, String s, String what, boolean arrayElement) {
        int n = s.length();
        c.ensure(2 * n);
        byte[] b = c.buf;
        int p = c.pos;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (Character.isSurrogate(ch)) {
                if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    char lo = s.charAt(++i);
                    b[p] = (byte) ch;
                    b[p + 1] = (byte) (ch >>> 8);
                    b[p + 2] = (byte) lo;
                    b[p + 3] = (byte) (lo >>> 8);
                    p += 4;
                    continue;
                }
                ch = lone(i, ch, what);
            } else if (ch == 0) {
                ch = nul(i, what, arrayElement);
            }
            b[p] = (byte) ch;
            b[p + 1] = (byte) (ch >>> 8);
            p += 2;
        }
        c.pos = p;
    }

    /** The text as the file will hold it (the policy applied), for names and literals. */
    String clean(String s, String what) {
        return clean(s, what, false);
    }

    /** {@link #clean} for an element of a string array: NUL is never kept. */
    String cleanArrayElement(String s, String what) {
        return clean(s, what, true);
    }

    private String clean(String s, String what, boolean arrayElement) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c0 = s.charAt(i);
            if (c0 == 0 || Character.isSurrogate(c0) && isLone(s, i)) {
                if (policy == InvalidTextPolicy.KEEP && !arrayElement) {
                    return s;
                }
                StringBuilder sb = new StringBuilder(n);
                for (int j = 0; j < n; j++) {
                    char ch = s.charAt(j);
                    if (ch == 0) {
                        sb.append(nul(j, what, arrayElement));
                    } else if (Character.isSurrogate(ch)) {
                        if (isLone(s, j)) {
                            sb.append(lone(j, ch, what));
                        } else {
                            sb.append(ch).append(s.charAt(++j));
                        }
                    } else {
                        sb.append(ch);
                    }
                }
                return sb.toString();
            }
            if (Character.isHighSurrogate(s.charAt(i))) {
                i++; // a valid pair
            }
        }
        return s;
    }

    /** The unit to store for the lone surrogate {@code ch} at index {@code i}. */
    private char lone(int i, char ch, String what) {
        switch (policy) {
            case KEEP:
                return ch;
            case REJECT:
                throw new EventRejectedException(what + " contains a lone UTF-16 surrogate (U+"
                        + Integer.toHexString(ch).toUpperCase(java.util.Locale.ROOT) + ") at index " + i
                        + "; fix the text or use InvalidTextPolicy.REPLACE or KEEP");
            default:
                return '\uFFFD';
        }
    }

    /** The unit to store for U+0000 at index {@code i}. */
    private char nul(int i, String what, boolean arrayElement) {
        switch (policy) {
            case KEEP:
                return arrayElement ? '\uFFFD' : 0;
            case REJECT:
                throw new EventRejectedException(what + " contains U+0000 at index " + i
                        + ", which ends a string in Windows events; remove it or use InvalidTextPolicy.REPLACE");
            default:
                return '\uFFFD';
        }
    }

    private static boolean isLone(String s, int i) {
        char ch = s.charAt(i);
        if (Character.isHighSurrogate(ch)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
}
