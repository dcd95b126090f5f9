package io.winlog.slf4j.writer;

import io.winlog.api.EventWriter;
import io.winlog.api.WinlogException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens the writer the bridge uses: the Windows Event Log writer of winlog-jna
 * ({@code io.winlog.jna.EventLogWriter}) on Windows, otherwise (or when it cannot be opened)
 * a {@link FallbackEventWriter}, always behind a {@link FailoverEventWriter} that warns once.
 *
 * <p>winlog-jna is looked up reflectively so this module compiles and runs without it, and so the
 * JNA classes are never loaded on other operating systems.
 */
public final class EventWriters {
    static final String JNA_WRITER = "io.winlog.jna.EventLogWriter";

    private EventWriters() {
    }

    /**
     * Opens the Event Log writer for {@code source} in {@code log}, failing over to
     * {@code fallback} (see {@link #fallback(String, String)}).
     *
     * @param warnings receives the single "falling back" warning
     */
    public static FailoverEventWriter open(String source, String log, String fallback, Consumer<String> warnings) {
        Supplier<EventWriter> fb = () -> fallback(fallback, source);
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return new FailoverEventWriter(source, null,
                    "the Windows Event Log does not exist on " + os, fb, warnings);
        }
        try {
            return new FailoverEventWriter(source, openWindows(source, log), null, fb, warnings);
        } catch (WinlogException e) {
            return new FailoverEventWriter(source, null, e.getMessage(), fb, warnings);
        }
    }

    /**
     * Builds {@code io.winlog.jna.EventLogWriter.builder().source(source).log(log).build()}.
     *
     * @throws WinlogException when winlog-jna is missing or the writer cannot be opened
     */
    public static EventWriter openWindows(String source, String log) {
        Class<?> type;
        try {
            type = Class.forName(JNA_WRITER, true, EventWriters.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new WinlogException("winlog-jna (" + JNA_WRITER + ") is not on the class path; add the"
                    + " io.winlog:winlog-jna dependency", e);
        }
        try {
            Object builder = type.getMethod("builder").invoke(null);
            builder = call(builder, "source", source);
            if (log != null && !log.isBlank()) {
                builder = call(builder, "log", log);
            }
            Object writer = builder.getClass().getMethod("build").invoke(builder);
            return (EventWriter) writer;
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof WinlogException w) {
                throw w;
            }
            throw new WinlogException("cannot open the Windows Event Log writer for source '" + source + "': " + c, c);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new WinlogException("winlog-jna's " + JNA_WRITER + " has an unexpected API (" + e
                    + "); use matching versions of winlog-jna and winlog-slf4j-bridge", e);
        }
    }

    private static Object call(Object builder, String method, String arg) throws ReflectiveOperationException {
        Method m = builder.getClass().getMethod(method, String.class);
        return m.invoke(builder, arg);
    }

    /**
     * The fallback writer a configuration string names: {@code stderr} (default, also for null
     * or empty), or {@code file:<path>}.
     */
    public static EventWriter fallback(String spec, String source) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("stderr")) {
            return FallbackEventWriter.stderr(source);
        }
        String s = spec.trim();
        if (s.regionMatches(true, 0, "file:", 0, 5)) {
            return FallbackEventWriter.file(source, Path.of(s.substring(5)));
        }
        throw new IllegalArgumentException("unknown fallback '" + spec + "': use stderr or file:<path>");
    }
}
