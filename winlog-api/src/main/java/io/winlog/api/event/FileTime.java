package io.winlog.api.event;

import java.time.Instant;

/**
 * Conversions for Windows {@code FILETIME}: 100-nanosecond ticks since 1601-01-01 UTC.
 *
 * <p>{@link Instant} holds every FILETIME exactly (it has nanosecond precision), so the event
 * model uses {@code Instant} and these helpers convert without loss.
 */
public final class FileTime {
    /** Seconds from 1601-01-01 to 1970-01-01. */
    public static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private FileTime() {
    }

    /** The instant of a FILETIME (ticks read as unsigned 64-bit). */
    public static Instant toInstant(long ticks) {
        long seconds = Long.divideUnsigned(ticks, TICKS_PER_SECOND);
        long rem = Long.remainderUnsigned(ticks, TICKS_PER_SECOND);
        return Instant.ofEpochSecond(seconds - EPOCH_DIFF_SECONDS, rem * 100);
    }

    /** The FILETIME of an instant; sub-100 ns digits are truncated. */
    public static long toTicks(Instant instant) {
        return (instant.getEpochSecond() + EPOCH_DIFF_SECONDS) * TICKS_PER_SECOND + instant.getNano() / 100;
    }

    /**
     * ISO-8601 UTC with exactly seven fractional digits, as Windows renders
     * {@code TimeCreated/@SystemTime}: {@code 2013-10-23T16:22:39.9735000Z}.
     */
    public static String format(Instant instant) {
        StringBuilder sb = new StringBuilder(28);
        appendFormatted(sb, instant);
        return sb.toString();
    }

    /** Appends {@link #format(Instant)} to {@code sb} without intermediate objects. */
    public static void appendFormatted(StringBuilder sb, Instant instant) {
        long epochSecond = instant.getEpochSecond();
        long days = Math.floorDiv(epochSecond, 86_400L);
        long secOfDay = Math.floorMod(epochSecond, 86_400L);
        // Civil-from-days (Howard Hinnant's algorithm): proleptic Gregorian, no allocation.
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) {
            y++;
        }
        pad(sb, y, 4).append('-');
        pad(sb, m, 2).append('-');
        pad(sb, d, 2).append('T');
        pad(sb, secOfDay / 3600, 2).append(':');
        pad(sb, (secOfDay / 60) % 60, 2).append(':');
        pad(sb, secOfDay % 60, 2).append('.');
        pad(sb, instant.getNano() / 100, 7).append('Z');
    }

    private static StringBuilder pad(StringBuilder sb, long v, int width) {
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        long limit = 1;
        for (int i = 1; i < width; i++) {
            limit *= 10;
        }
        while (limit > 1 && v < limit) {
            sb.append('0');
            limit /= 10;
        }
        return sb.append(v);
    }
}
