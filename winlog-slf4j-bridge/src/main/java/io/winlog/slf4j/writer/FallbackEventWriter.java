package io.winlog.slf4j.writer;

import io.winlog.api.EventSpec;
import io.winlog.api.EventWriter;
import io.winlog.api.WinlogException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes each event as one line of text, for machines without the Windows Event Log:
 * <pre>2026-11-22T21:40:00.123Z ERROR id=1001 cat=1 source=MyService strings=["disk full","at x.y(Z.java:1)\n..."]</pre>
 * Strings are JSON-escaped, so a multi-line stack trace stays on one line and the file can be
 * parsed back. Thread-safe (one lock per line).
 */
public final class FallbackEventWriter implements EventWriter {
    private final String source;
    private final PrintStream out;
    private final boolean ownsStream;
    private final String description;
    private boolean closed;

    private FallbackEventWriter(String source, PrintStream out, boolean ownsStream, String description) {
        this.source = source;
        this.out = out;
        this.ownsStream = ownsStream;
        this.description = description;
    }

    /** Lines go to {@code System.err} (looked up at construction). */
    public static FallbackEventWriter stderr(String source) {
        return new FallbackEventWriter(source, System.err, false, "stderr");
    }

    /** Lines go to {@code stream}, which the writer does not close. */
    public static FallbackEventWriter to(String source, PrintStream stream) {
        return new FallbackEventWriter(source, stream, false, "a stream");
    }

    /**
     * Lines are appended to {@code file} (UTF-8), created with its parent directories.
     *
     * @throws WinlogException when the file cannot be opened, saying which file and why
     */
    public static FallbackEventWriter file(String source, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            OutputStream os = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            return new FallbackEventWriter(source, new PrintStream(os, false, StandardCharsets.UTF_8), true,
                    file.toString());
        } catch (IOException e) {
            throw new WinlogException("cannot open the fallback event file " + file + ": " + e
                    + "; choose a writable path or the stderr fallback", e);
        }
    }

    /** Where the lines go, for messages ("stderr", a file path). */
    public String description() {
        return description;
    }

    @Override
    public void write(EventSpec event) {
        String line = format(source, event);
        synchronized (this) {
            if (closed) {
                throw new WinlogException("fallback event writer to " + description + " is closed");
            }
            out.println(line);
            if (ownsStream) {
                // A file sink is what survives a crash: do not keep lines in the buffer.
                out.flush();
            }
        }
    }

    @Override
    public synchronized void flush() {
        out.flush();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        out.flush();
        if (ownsStream) {
            out.close();
        }
    }

    /** The line written for {@code event}. */
    public static String format(String source, EventSpec event) {
        StringBuilder sb = new StringBuilder(128);
        Instant t = event.time() != null ? event.time() : Instant.now();
        DateTimeFormatter.ISO_INSTANT.formatTo(t, sb);
        sb.append(' ').append(event.type()).append(" id=").append(event.eventId())
                .append(" cat=").append(event.category())
                .append(" source=").append(source).append(" strings=[");
        List<String> strings = event.strings();
        for (int i = 0; i < strings.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendJsonString(sb, strings.get(i));
        }
        sb.append(']');
        byte[] data = event.data();
        if (data != null) {
            sb.append(" data=");
            for (byte b : data) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
        }
        return sb.toString();
    }

    private static void appendJsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
