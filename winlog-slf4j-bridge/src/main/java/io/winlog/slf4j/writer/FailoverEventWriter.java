package io.winlog.slf4j.writer;

import io.winlog.api.EventRejectedException;
import io.winlog.api.EventSpec;
import io.winlog.api.EventWriter;
import io.winlog.api.WinlogException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes to the primary writer (the Windows Event Log) while it works, and switches for good to
 * a fallback writer (stderr or a file) as soon as the primary is unavailable: missing from the
 * start (not Windows, source not registered, access denied), or failing later with a
 * {@link WinlogException}. The switch emits exactly one warning that says why and what to do;
 * the event that failed is written to the fallback, so nothing is lost.
 *
 * <p>An {@link EventRejectedException} (this one event is invalid for the destination) does not
 * switch: it propagates to the caller, which counts it.
 *
 * <p>Thread-safe; meant to be driven by one consumer thread, so the switch is a simple lock.
 */
public final class FailoverEventWriter implements EventWriter {
    private final String source;
    private final Supplier<EventWriter> fallbackFactory;
    private final Consumer<String> warnings;
    private volatile EventWriter active;
    private volatile boolean failedOver;
    private EventWriter primary;

    /**
     * @param primary          the preferred writer, or null when it could not be opened
     * @param unavailableReason why {@code primary} is null (ignored otherwise)
     * @param fallbackFactory  opens the fallback on first need
     * @param warnings         receives the single warning (e.g. a line on stderr)
     */
    public FailoverEventWriter(String source, EventWriter primary, String unavailableReason,
                               Supplier<EventWriter> fallbackFactory, Consumer<String> warnings) {
        this.source = source;
        this.fallbackFactory = Objects.requireNonNull(fallbackFactory, "fallbackFactory");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.primary = primary;
        if (primary != null) {
            active = primary;
        } else {
            active = switchToFallback(unavailableReason, null);
        }
    }

    /** True once events go to the fallback. */
    public boolean isFailedOver() {
        return failedOver;
    }

    /** The writer currently in use. */
    public EventWriter active() {
        return active;
    }

    @Override
    public void write(EventSpec event) {
        EventWriter w = active;
        try {
            w.write(event);
        } catch (EventRejectedException e) {
            throw e;
        } catch (WinlogException | IllegalStateException e) {
            if (failedOver) {
                throw e; // the fallback itself failed: nothing left to switch to
            }
            EventWriter fb = switchToFallback("writing to the Windows Event Log failed: " + e.getMessage(), e);
            fb.write(event);
        }
    }

    private synchronized EventWriter switchToFallback(String reason, Throwable cause) {
        if (failedOver) {
            return active;
        }
        EventWriter fb = fallbackFactory.get();
        String where = fb instanceof FallbackEventWriter f ? f.description() : fb.toString();
        warnings.accept("winlog: WARNING: events of source '" + source + "' go to " + where
                + " instead of the Windows Event Log, because " + reason
                + ". To write to the Event Log: run on Windows and register the source once, elevated"
                + " (winlog source install --source " + source + "); this warning is shown once."
                + (cause == null ? "" : " Cause: " + cause));
        EventWriter old = primary;
        primary = null;
        active = fb;
        failedOver = true;
        if (old != null) {
            try {
                old.close();
            } catch (RuntimeException ignored) {
                // the primary is already broken; closing it is best effort
            }
        }
        return fb;
    }

    @Override
    public void flush() {
        active.flush();
    }

    @Override
    public synchronized void close() {
        active.close();
    }
}
