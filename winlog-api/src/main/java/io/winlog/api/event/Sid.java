package io.winlog.api.event;

import java.util.Arrays;

/**
 * A Windows security identifier (SID), e.g. {@code S-1-5-18}.
 *
 * <p>Immutable. Parses and produces both the string form and the binary form Windows stores
 * (revision, sub-authority count, 48-bit big-endian identifier authority, little-endian
 * 32-bit sub-authorities).
 */
public final class Sid {
    /** Windows allows at most 15 sub-authorities ({@code SID_MAX_SUB_AUTHORITIES}). */
    public static final int MAX_SUB_AUTHORITIES = 15;

    private final int revision;
    private final long authority;
    private final int[] subAuthorities;
    private final String text;

    private Sid(int revision, long authority, int[] subAuthorities) {
        this.revision = revision;
        this.authority = authority;
        this.subAuthorities = subAuthorities;
        StringBuilder sb = new StringBuilder(8 + subAuthorities.length * 11);
        sb.append("S-").append(revision).append('-');
        // Windows prints authorities >= 2^32 in hex.
        if (authority >= (1L << 32)) {
            sb.append(String.format("0x%012X", authority));
        } else {
            sb.append(authority);
        }
        for (int s : subAuthorities) {
            sb.append('-').append(Integer.toUnsignedString(s));
        }
        this.text = sb.toString();
    }

    /** Builds a SID from its parts. */
    public static Sid of(int revision, long authority, int... subAuthorities) {
        if (subAuthorities.length > MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException("a SID has at most 15 sub-authorities, got " + subAuthorities.length);
        }
        if (authority < 0 || authority >= (1L << 48)) {
            throw new IllegalArgumentException("SID identifier authority must fit 48 bits: " + authority);
        }
        return new Sid(revision & 0xFF, authority, subAuthorities.clone());
    }

    /** Parses {@code S-R-A-S1-S2...}; throws {@link IllegalArgumentException} on bad syntax. */
    public static Sid parse(String text) {
        String[] parts = text.split("-", -1);
        if (parts.length < 3 || !(parts[0].equals("S") || parts[0].equals("s"))) {
            throw new IllegalArgumentException("not a SID (expected S-1-...): " + text);
        }
        try {
            int rev = Integer.parseInt(parts[1]);
            long auth = parts[2].startsWith("0x") || parts[2].startsWith("0X")
                    ? Long.parseLong(parts[2].substring(2), 16) : Long.parseLong(parts[2]);
            int[] subs = new int[parts.length - 3];
            for (int i = 0; i < subs.length; i++) {
                subs[i] = Integer.parseUnsignedInt(parts[i + 3]);
            }
            return of(rev, auth, subs);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a SID: " + text, e);
        }
    }

    /**
     * Decodes the binary form at {@code offset}. Returns {@code null} if the bytes there are not
     * a complete SID (too short, or more than 15 sub-authorities).
     */
    public static Sid fromBytes(byte[] b, int offset, int available) {
        if (available < 8 || offset < 0 || offset + 8 > b.length) {
            return null;
        }
        int count = b[offset + 1] & 0xFF;
        if (count > MAX_SUB_AUTHORITIES || 8 + 4 * count > available || offset + 8 + 4 * count > b.length) {
            return null;
        }
        long auth = 0;
        for (int i = 2; i < 8; i++) {
            auth = (auth << 8) | (b[offset + i] & 0xFF);
        }
        int[] subs = new int[count];
        for (int i = 0; i < count; i++) {
            int p = offset + 8 + 4 * i;
            subs[i] = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
        }
        return new Sid(b[offset] & 0xFF, auth, subs);
    }

    /** The binary form (8 + 4 × sub-authority count bytes). */
    public byte[] toBytes() {
        byte[] out = new byte[byteLength()];
        out[0] = (byte) revision;
        out[1] = (byte) subAuthorities.length;
        for (int i = 0; i < 6; i++) {
            out[2 + i] = (byte) (authority >>> (8 * (5 - i)));
        }
        for (int i = 0; i < subAuthorities.length; i++) {
            int s = subAuthorities[i];
            int p = 8 + 4 * i;
            out[p] = (byte) s;
            out[p + 1] = (byte) (s >>> 8);
            out[p + 2] = (byte) (s >>> 16);
            out[p + 3] = (byte) (s >>> 24);
        }
        return out;
    }

    /** Length of the binary form. */
    public int byteLength() {
        return 8 + 4 * subAuthorities.length;
    }

    public int revision() {
        return revision;
    }

    public long authority() {
        return authority;
    }

    public int[] subAuthorities() {
        return subAuthorities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sid s && s.revision == revision && s.authority == authority
                && Arrays.equals(s.subAuthorities, subAuthorities);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The string form, e.g. {@code S-1-5-21-...-500}. */
    @Override
    public String toString() {
        return text;
    }
}
