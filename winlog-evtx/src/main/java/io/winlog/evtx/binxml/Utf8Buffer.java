package io.winlog.evtx.binxml;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that text is appended to as UTF-8, with no intermediate {@code String}
 * or {@code char[]}: the output side of the fast rendering path (XML straight from BinXml, then
 * straight to a file or stdout).
 *
 * <p>The encoding is exactly what {@code new OutputStreamWriter(out, UTF_8)} produces for the
 * same characters written one after the other: a surrogate pair becomes one 4-byte sequence (also
 * when its halves arrive in separate appends), and an unpaired surrogate becomes {@code '?'}.
 * That is why a trailing high surrogate is held back until the next character decides.
 *
 * <p>Not thread-safe: one buffer per thread (or per chunk being rendered).
 */
public final class Utf8Buffer {
    // Package-private: CompiledXmlTemplate writes value text straight into the array.
    byte[] buf;
    int len;
    /** A high surrogate waiting for its low half, or 0. */
    char pendingHigh;
    /**
     * Texts at least this long (a JSON line, a long event string) go through the JDK's UTF-8
     * encoder (one allocation, array copies); shorter ones are encoded in place.
     */
    private static final int BULK = 64;
    /** Scratch for bulk character copies (see {@link #append(CharSequence, int, int)}). */
    private char[] chars = new char[256];

    /** A buffer with room for {@code capacity} bytes before it grows. */
    public Utf8Buffer(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** The bytes written so far are {@code array()[0 .. length())}. */
    public byte[] array() {
        return buf;
    }

    /** Bytes written (a held-back high surrogate is not counted, see {@link #written()}). */
    public int length() {
        return len;
    }

    /**
     * A position that moves whenever anything is appended, also a held-back high surrogate:
     * renderers compare it before and after content to see whether the content was empty.
     */
    public int written() {
        return pendingHigh != 0 ? len + 1 : len;
    }

    /** Empties the buffer (keeps its capacity). */
    public void clear() {
        len = 0;
        pendingHigh = 0;
    }

    /**
     * Drops what was appended after {@code mark} (a {@link #written()} value taken when nothing
     * was held back, which is always the case right after an ASCII character).
     */
    public void truncate(int mark) {
        pendingHigh = 0;
        len = mark;
    }

    /** Writes the bytes to {@code out} and empties the buffer. */
    public void writeTo(OutputStream out) throws IOException {
        flushPending();
        out.write(buf, 0, len);
        len = 0;
    }

    void ensure(int extra) {
        if (len + extra > buf.length) {
            // Grows by half again at least; a record is bounded (64 KiB of BinXml expanding to at
            // most TemplateExpander.MAX_CHARS), so this cannot run away.
            buf = Arrays.copyOf(buf, Math.max(len + extra, buf.length + (buf.length >> 1)));
        }
    }

    /** Appends an ASCII character (no checks: callers pass only ASCII literals). */
    public Utf8Buffer ascii(char c) {
        if (pendingHigh != 0) {
            flushPending();
        }
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** Appends an ASCII-only string (tag names are checked by the caller, see {@link #append(CharSequence)}). */
    public Utf8Buffer ascii(String s) {
        if (pendingHigh != 0) {
            flushPending();
        }
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, buf, len); // deprecated for charsets, exactly right for ASCII
        len += n;
        return this;
    }

    /** Appends a decimal number (no intermediate string). */
    public Utf8Buffer append(long v) {
        if (pendingHigh != 0) {
            flushPending();
        }
        if (v == Long.MIN_VALUE) {
            return ascii(Long.toString(v));
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        appendDigits(v);
        return this;
    }

    /** Appends an unsigned 64-bit number in decimal. */
    public Utf8Buffer appendUnsigned(long v) {
        if (v >= 0) {
            return append(v);
        }
        return ascii(Long.toUnsignedString(v));
    }

    /** Appends {@code 0x} and the lower-case hex digits of {@code v} (unsigned, no padding). */
    public Utf8Buffer appendHex(long v) {
        if (pendingHigh != 0) {
            flushPending();
        }
        ensure(18);
        buf[len++] = '0';
        buf[len++] = 'x';
        int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(v)) >> 2);
        for (int i = digits - 1; i >= 0; i--) {
            buf[len++] = LOWER_HEX[(int) (v >>> (4 * i)) & 0xF];
        }
        return this;
    }

    private static final byte[] LOWER_HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Digits of a non-negative number; room was ensured. */
    private void appendDigits(long v) {
        if (v < 10) {
            buf[len++] = (byte) ('0' + v);
            return;
        }
        int digits = 1;
        for (long t = v / 10; t != 0; t /= 10) {
            digits++;
        }
        int end = len + digits;
        for (int p = end - 1; p >= len; p--) {
            buf[p] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len = end;
    }

    /**
     * Appends bytes that are complete UTF-8 text starting with no low surrogate (pre-encoded
     * markup): a held-back high surrogate is written as {@code '?'} first, as the next character
     * would do.
     */
    public Utf8Buffer appendUtf8(byte[] utf8) {
        if (pendingHigh != 0) {
            flushPending();
        }
        int n = utf8.length;
        ensure(n);
        System.arraycopy(utf8, 0, buf, len, n);
        len += n;
        return this;
    }

    /** Appends {@code len} bytes of complete UTF-8 text from {@code utf8[off]} (see {@link #appendUtf8(byte[])}). */
    public Utf8Buffer appendUtf8(byte[] utf8, int off, int len) {
        if (pendingHigh != 0) {
            flushPending();
        }
        ensure(len);
        System.arraycopy(utf8, off, buf, this.len, len);
        this.len += len;
        return this;
    }

    /** Appends one character, encoded as UTF-8. */
    public Utf8Buffer append(char c) {
        if (c < 0x80 && pendingHigh == 0) {
            ensure(1);
            buf[len++] = (byte) c;
            return this;
        }
        encode(c);
        return this;
    }

    /**
     * Appends the text of a line builder that the caller reuses, and returns the builder to reuse
     * next: {@code line} itself, or a fresh one after a line with a character beyond ASCII. Why:
     * after a character beyond Latin-1 a {@code StringBuilder} stores UTF-16 for good
     * ({@code setLength(0)} keeps that), which sends every later line down the slow paths of
     * appending and encoding.
     */
    public StringBuilder appendReusable(StringBuilder line) {
        int before = len;
        append(line);
        return len - before == line.length() ? line : new StringBuilder(Math.max(16, line.capacity()));
    }

    /** Appends text, encoded as UTF-8. */
    public Utf8Buffer append(String s) {
        return append(s, 0, s.length());
    }

    /** Appends text, encoded as UTF-8. */
    public Utf8Buffer append(CharSequence s) {
        return append(s, 0, s.length());
    }

    /**
     * Appends {@code s[from, to)}, encoded as UTF-8. The characters are first copied in bulk
     * ({@code String.getChars}/{@code StringBuilder.getChars}, intrinsics) into a reusable array,
     * then encoded from there: no per-character interface call, which matters before the JIT's
     * top tier has compiled this (most of a short CLI run).
     */
    public Utf8Buffer append(CharSequence s, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return this;
        }
        if (n > chars.length) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        if (s instanceof String str) {
            return append(str, from, to);
        }
        if (s instanceof StringBuilder sb && n >= BULK) {
            return append(sb.substring(from, to), 0, n); // see BULK
        }
        if (s instanceof StringBuilder sb) {
            sb.getChars(from, to, chars, 0);
        } else {
            for (int i = 0; i < n; i++) {
                chars[i] = s.charAt(from + i);
            }
        }
        return append(chars, 0, n);
    }

    /**
     * Appends {@code s[from, to)}, encoded as UTF-8. Event text is mostly ASCII: when it is, the
     * characters are copied as bytes in bulk ({@code String.getBytes(int, int, byte[], int)}, an
     * array copy for Latin-1 strings) after one scan; otherwise they go through the encoder.
     */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) is exactly right for ASCII
    public Utf8Buffer append(String s, int from, int to) {
        if (to - from >= BULK && pendingHigh == 0 && !Character.isHighSurrogate(s.charAt(to - 1))) {
            // The JDK's encoder: the same bytes here (unpaired surrogates become '?'; a trailing
            // high surrogate, which must wait for the next append, is excluded above), and its
            // ASCII/Latin-1 paths are array copies in every JIT tier, where a char-by-char scan
            // is slow before C2 has compiled it (and C1-only runs never get C2).
            byte[] utf8 = (from == 0 && to == s.length() ? s : s.substring(from, to)).getBytes(StandardCharsets.UTF_8);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, buf, len, utf8.length);
            len += utf8.length;
            return this;
        }
        if (pendingHigh == 0) {
            int i = from;
            while (i < to && s.charAt(i) < 0x80) {
                i++;
            }
            if (i > from) {
                ensure(i - from);
                s.getBytes(from, i, buf, len);
                len += i - from;
            }
            from = i;
            if (from == to) {
                return this;
            }
        }
        int n = to - from;
        if (n > chars.length) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        s.getChars(from, to, chars, 0);
        return append(chars, 0, n);
    }

    /** Appends {@code cs[from, to)}, encoded as UTF-8. */
    public Utf8Buffer append(char[] cs, int from, int to) {
        ensure(to - from);
        int i = from;
        if (pendingHigh == 0) {
            // ASCII fast path: one byte per char.
            byte[] b = buf;
            int l = len;
            while (i < to) {
                char c = cs[i];
                if (c >= 0x80) {
                    break;
                }
                b[l++] = (byte) c;
                i++;
            }
            len = l;
        }
        for (; i < to; i++) {
            encode(cs[i]);
        }
        return this;
    }

    void encode(char c) {
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(high, c);
                ensure(4);
                buf[len++] = (byte) (0xF0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            ensure(1);
            buf[len++] = '?';
        }
        ensure(3);
        if (c < 0x80) {
            buf[len++] = (byte) c;
        } else if (c < 0x800) {
            buf[len++] = (byte) (0xC0 | (c >> 6));
            buf[len++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            buf[len++] = '?';
        } else {
            buf[len++] = (byte) (0xE0 | (c >> 12));
            buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[len++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    /** An unpaired high surrogate at the end of the text is written as {@code '?'}, like the JDK encoder. */
    void flushPending() {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            ensure(1);
            buf[len++] = '?';
        }
    }
}
