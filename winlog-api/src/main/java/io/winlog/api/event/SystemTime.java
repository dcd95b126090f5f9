package io.winlog.api.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A Windows {@code SYSTEMTIME}: eight 16-bit fields, millisecond precision, stored as written
 * (a SYSTEMTIME may hold values that are not a valid date; they are kept, not rejected).
 *
 * @param year         e.g. 2024
 * @param month        1..12
 * @param dayOfWeek    0 (Sunday) .. 6
 * @param day          1..31
 * @param hour         0..23
 * @param minute       0..59
 * @param second       0..59
 * @param milliseconds 0..999
 */
public record SystemTime(int year, int month, int dayOfWeek, int day, int hour, int minute, int second,
                         int milliseconds) {

    /** The UTC instant this SYSTEMTIME names, or {@code null} if the fields are not a valid date. */
    public Instant toInstant() {
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, milliseconds * 1_000_000)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The SYSTEMTIME of a UTC instant (millisecond precision). */
    public static SystemTime of(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return new SystemTime(t.getYear(), t.getMonthValue(), t.getDayOfWeek().getValue() % 7, t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
    }

    /** ISO-8601 with three fractional digits, as Windows renders it: {@code 2019-03-08T23:23:05.000Z}. */
    @Override
    public String toString() {
        return String.format("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, month, day, hour, minute, second, milliseconds);
    }
}
