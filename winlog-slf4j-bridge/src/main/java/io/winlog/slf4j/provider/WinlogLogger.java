package io.winlog.slf4j.provider;

import io.winlog.slf4j.EventIdMarker;
import io.winlog.slf4j.pipeline.EventPipeline;
import io.winlog.slf4j.pipeline.LogSlot;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;
import org.slf4j.spi.MDCAdapter;

/**
 * The provider's {@link Logger}. A disabled call costs one field compare. An enabled call
 * claims a pre-allocated slot, stores the pattern, the arguments and the time (formatting happens
 * on the consumer thread unless the configuration says {@code format=caller}) and publishes it:
 * no allocation and no lock in steady state. The fluent API
 * ({@code atInfo().addKeyValue(..).log()}) arrives through {@link #log(LoggingEvent)}.
 *
 * <p>Arguments are formatted later, on the consumer thread: an argument mutated right after the
 * call may show its new state. Use {@code format=caller} when that matters more than speed.
 *
 * <p>Thread-safe. Levels are fixed at creation (from {@code winlog-slf4j.properties}).
 */
public final class WinlogLogger implements Logger, LoggingEventAware {
    private static final int TRACE_INT = Level.TRACE.toInt();
    private static final int DEBUG_INT = Level.DEBUG.toInt();
    private static final int INFO_INT = Level.INFO.toInt();
    private static final int WARN_INT = Level.WARN.toInt();
    private static final int ERROR_INT = Level.ERROR.toInt();

    private final String name;
    private final int threshold;
    private final EventPipeline pipeline;
    private final MDCAdapter mdc;
    private final String mdcKey;
    private final boolean formatOnCaller;
    private final boolean captureThreadName;

    WinlogLogger(String name, int threshold, EventPipeline pipeline, MDCAdapter mdc, String mdcKey,
                 boolean formatOnCaller, boolean captureThreadName) {
        this.name = name;
        this.threshold = threshold;
        this.pipeline = pipeline;
        this.mdc = mdc;
        this.mdcKey = mdcKey;
        this.formatOnCaller = formatOnCaller;
        this.captureThreadName = captureThreadName;
    }

    @Override
    public String getName() {
        return name;
    }

    /** The least severe level this logger writes (a {@link Level#toInt()} value; above ERROR = off). */
    public int threshold() {
        return threshold;
    }

    private void handle(Level level, Marker marker, String msg, Object a1, Object a2, Object[] args, int argCount,
                        Throwable t) {
        LogSlot s = pipeline.claim();
        if (s == null) {
            return; // dropped by policy; already counted
        }
        try {
            s.level = level;
            s.loggerName = name;
            s.timeMillis = System.currentTimeMillis();
            s.marker = marker;
            s.throwable = t;
            if (captureThreadName) {
                s.threadName = Thread.currentThread().getName();
            }
            if (mdcKey != null) {
                s.eventIdValue = mdc.get(mdcKey);
            }
            if (formatOnCaller) {
                formatNow(s, msg, a1, a2, args, argCount);
            } else {
                s.message = msg;
                s.arg1 = a1;
                s.arg2 = a2;
                s.args = args;
                s.argCount = argCount;
            }
        } finally {
            pipeline.publish(s); // always: a claimed slot that is never published stalls the ring
        }
    }

    private static void formatNow(LogSlot s, String msg, Object a1, Object a2, Object[] args, int argCount) {
        s.formatted = true;
        if (args == null && argCount == 0) {
            s.message = msg;
            return;
        }
        Object[] all = args != null ? args : argCount == 1 ? new Object[] {a1} : new Object[] {a1, a2};
        FormattingTuple ft = MessageFormatter.arrayFormat(msg, all);
        s.message = ft.getMessage();
        if (s.throwable == null) {
            s.throwable = ft.getThrowable();
        }
    }

    /** The fluent API's entry point (key-value pairs, several markers). */
    @Override
    public void log(LoggingEvent event) {
        Level level = event.getLevel();
        if (level == null || threshold > level.toInt()) {
            return;
        }
        LogSlot s = pipeline.claim();
        if (s == null) {
            return;
        }
        try {
            s.level = level;
            s.loggerName = name;
            s.timeMillis = event.getTimeStamp() != 0 ? event.getTimeStamp() : System.currentTimeMillis();
            s.marker = idMarker(event.getMarkers());
            s.throwable = event.getThrowable();
            s.keyValues = event.getKeyValuePairs();
            if (captureThreadName) {
                s.threadName = event.getThreadName() != null ? event.getThreadName() : Thread.currentThread().getName();
            }
            if (mdcKey != null) {
                s.eventIdValue = mdc.get(mdcKey);
            }
            Object[] args = event.getArgumentArray();
            if (formatOnCaller) {
                formatNow(s, event.getMessage(), null, null, args, 0);
            } else {
                s.message = event.getMessage();
                s.args = args;
            }
        } finally {
            pipeline.publish(s);
        }
    }

    /** Of several markers, the one that carries an event id, else the first. */
    private static Marker idMarker(List<Marker> markers) {
        if (markers == null || markers.isEmpty()) {
            return null;
        }
        for (int i = 0; i < markers.size(); i++) {
            if (markers.get(i) instanceof EventIdMarker) {
                return markers.get(i);
            }
        }
        return markers.get(0);
    }

    @Override
    public boolean isTraceEnabled() {
        return threshold <= TRACE_INT;
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
        return threshold <= TRACE_INT;
    }

    @Override
    public void trace(String msg) {
        if (threshold <= TRACE_INT) {
            handle(Level.TRACE, null, msg, null, null, null, 0, null);
        }
    }

    @Override
    public void trace(String format, Object arg) {
        if (threshold <= TRACE_INT) {
            handle(Level.TRACE, null, format, arg, null, null, 1, null);
        }
    }

    @Override
    public void trace(String format, Object arg1, Object arg2) {
        if (threshold <= TRACE_INT) {
            handle(Level.TRACE, null, format, arg1, arg2, null, 2, null);
        }
    }

    @Override
    public void trace(String format, Object... arguments) {
        if (threshold <= TRACE_INT) {
            handle(Level.TRACE, null, format, null, null, arguments, 0, null);
        }
    }

    @Override
    public void trace(String msg, Throwable t) {
        if (threshold <= TRACE_INT) {
            handle(Level.TRACE, null, msg, null, null, null, 0, t);
        }
    }

    @Override
    public void trace(Marker marker, String msg) {
        if (threshold <= TRACE_INT) {
            handle(Level.TRACE, marker, msg, null, null, null, 0, null);
        }
    }

    @Override
    public void trace(Marker marker, String format, Object arg) {
        if (threshold <= TRACE_INT) {
            handle(Level.TRACE, marker, format, arg, null, null, 1, null);
        }
    }

    @Override
    public void trace(Marker marker, String format, Object arg1, Object arg2) {
        if (threshold <= TRACE_INT) {
            handle(Level.TRACE, marker, format, arg1, arg2, null, 2, null);
        }
    }

    @Override
    public void trace(Marker marker, String format, Object... arguments) {
        if (threshold <= TRACE_INT) {
            handle(Level.TRACE, marker, format, null, null, arguments, 0, null);
        }
    }

    @Override
    public void trace(Marker marker, String msg, Throwable t) {
        if (threshold <= TRACE_INT) {
            handle(Level.TRACE, marker, msg, null, null, null, 0, t);
        }
    }

    @Override
    public boolean isDebugEnabled() {
        return threshold <= DEBUG_INT;
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
        return threshold <= DEBUG_INT;
    }

    @Override
    public void debug(String msg) {
        if (threshold <= DEBUG_INT) {
            handle(Level.DEBUG, null, msg, null, null, null, 0, null);
        }
    }

    @Override
    public void debug(String format, Object arg) {
        if (threshold <= DEBUG_INT) {
            handle(Level.DEBUG, null, format, arg, null, null, 1, null);
        }
    }

    @Override
    public void debug(String format, Object arg1, Object arg2) {
        if (threshold <= DEBUG_INT) {
            handle(Level.DEBUG, null, format, arg1, arg2, null, 2, null);
        }
    }

    @Override
    public void debug(String format, Object... arguments) {
        if (threshold <= DEBUG_INT) {
            handle(Level.DEBUG, null, format, null, null, arguments, 0, null);
        }
    }

    @Override
    public void debug(String msg, Throwable t) {
        if (threshold <= DEBUG_INT) {
            handle(Level.DEBUG, null, msg, null, null, null, 0, t);
        }
    }

    @Override
    public void debug(Marker marker, String msg) {
        if (threshold <= DEBUG_INT) {
            handle(Level.DEBUG, marker, msg, null, null, null, 0, null);
        }
    }

    @Override
    public void debug(Marker marker, String format, Object arg) {
        if (threshold <= DEBUG_INT) {
            handle(Level.DEBUG, marker, format, arg, null, null, 1, null);
        }
    }

    @Override
    public void debug(Marker marker, String format, Object arg1, Object arg2) {
        if (threshold <= DEBUG_INT) {
            handle(Level.DEBUG, marker, format, arg1, arg2, null, 2, null);
        }
    }

    @Override
    public void debug(Marker marker, String format, Object... arguments) {
        if (threshold <= DEBUG_INT) {
            handle(Level.DEBUG, marker, format, null, null, arguments, 0, null);
        }
    }

    @Override
    public void debug(Marker marker, String msg, Throwable t) {
        if (threshold <= DEBUG_INT) {
            handle(Level.DEBUG, marker, msg, null, null, null, 0, t);
        }
    }

    @Override
    public boolean isInfoEnabled() {
        return threshold <= INFO_INT;
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
        return threshold <= INFO_INT;
    }

    @Override
    public void info(String msg) {
        if (threshold <= INFO_INT) {
            handle(Level.INFO, null, msg, null, null, null, 0, null);
        }
    }

    @Override
    public void info(String format, Object arg) {
        if (threshold <= INFO_INT) {
            handle(Level.INFO, null, format, arg, null, null, 1, null);
        }
    }

    @Override
    public void info(String format, Object arg1, Object arg2) {
        if (threshold <= INFO_INT) {
            handle(Level.INFO, null, format, arg1, arg2, null, 2, null);
        }
    }

    @Override
    public void info(String format, Object... arguments) {
        if (threshold <= INFO_INT) {
            handle(Level.INFO, null, format, null, null, arguments, 0, null);
        }
    }

    @Override
    public void info(String msg, Throwable t) {
        if (threshold <= INFO_INT) {
            handle(Level.INFO, null, msg, null, null, null, 0, t);
        }
    }

    @Override
    public void info(Marker marker, String msg) {
        if (threshold <= INFO_INT) {
            handle(Level.INFO, marker, msg, null, null, null, 0, null);
        }
    }

    @Override
    public void info(Marker marker, String format, Object arg) {
        if (threshold <= INFO_INT) {
            handle(Level.INFO, marker, format, arg, null, null, 1, null);
        }
    }

    @Override
    public void info(Marker marker, String format, Object arg1, Object arg2) {
        if (threshold <= INFO_INT) {
            handle(Level.INFO, marker, format, arg1, arg2, null, 2, null);
        }
    }

    @Override
    public void info(Marker marker, String format, Object... arguments) {
        if (threshold <= INFO_INT) {
            handle(Level.INFO, marker, format, null, null, arguments, 0, null);
        }
    }

    @Override
    public void info(Marker marker, String msg, Throwable t) {
        if (threshold <= INFO_INT) {
            handle(Level.INFO, marker, msg, null, null, null, 0, t);
        }
    }

    @Override
    public boolean isWarnEnabled() {
        return threshold <= WARN_INT;
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
        return threshold <= WARN_INT;
    }

    @Override
    public void warn(String msg) {
        if (threshold <= WARN_INT) {
            handle(Level.WARN, null, msg, null, null, null, 0, null);
        }
    }

    @Override
    public void warn(String format, Object arg) {
        if (threshold <= WARN_INT) {
            handle(Level.WARN, null, format, arg, null, null, 1, null);
        }
    }

    @Override
    public void warn(String format, Object arg1, Object arg2) {
        if (threshold <= WARN_INT) {
            handle(Level.WARN, null, format, arg1, arg2, null, 2, null);
        }
    }

    @Override
    public void warn(String format, Object... arguments) {
        if (threshold <= WARN_INT) {
            handle(Level.WARN, null, format, null, null, arguments, 0, null);
        }
    }

    @Override
    public void warn(String msg, Throwable t) {
        if (threshold <= WARN_INT) {
            handle(Level.WARN, null, msg, null, null, null, 0, t);
        }
    }

    @Override
    public void warn(Marker marker, String msg) {
        if (threshold <= WARN_INT) {
            handle(Level.WARN, marker, msg, null, null, null, 0, null);
        }
    }

    @Override
    public void warn(Marker marker, String format, Object arg) {
        if (threshold <= WARN_INT) {
            handle(Level.WARN, marker, format, arg, null, null, 1, null);
        }
    }

    @Override
    public void warn(Marker marker, String format, Object arg1, Object arg2) {
        if (threshold <= WARN_INT) {
            handle(Level.WARN, marker, format, arg1, arg2, null, 2, null);
        }
    }

    @Override
    public void warn(Marker marker, String format, Object... arguments) {
        if (threshold <= WARN_INT) {
            handle(Level.WARN, marker, format, null, null, arguments, 0, null);
        }
    }

    @Override
    public void warn(Marker marker, String msg, Throwable t) {
        if (threshold <= WARN_INT) {
            handle(Level.WARN, marker, msg, null, null, null, 0, t);
        }
    }

    @Override
    public boolean isErrorEnabled() {
        return threshold <= ERROR_INT;
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
        return threshold <= ERROR_INT;
    }

    @Override
    public void error(String msg) {
        if (threshold <= ERROR_INT) {
            handle(Level.ERROR, null, msg, null, null, null, 0, null);
        }
    }

    @Override
    public void error(String format, Object arg) {
        if (threshold <= ERROR_INT) {
            handle(Level.ERROR, null, format, arg, null, null, 1, null);
        }
    }

    @Override
    public void error(String format, Object arg1, Object arg2) {
        if (threshold <= ERROR_INT) {
            handle(Level.ERROR, null, format, arg1, arg2, null, 2, null);
        }
    }

    @Override
    public void error(String format, Object... arguments) {
        if (threshold <= ERROR_INT) {
            handle(Level.ERROR, null, format, null, null, arguments, 0, null);
        }
    }

    @Override
    public void error(String msg, Throwable t) {
        if (threshold <= ERROR_INT) {
            handle(Level.ERROR, null, msg, null, null, null, 0, t);
        }
    }

    @Override
    public void error(Marker marker, String msg) {
        if (threshold <= ERROR_INT) {
            handle(Level.ERROR, marker, msg, null, null, null, 0, null);
        }
    }

    @Override
    public void error(Marker marker, String format, Object arg) {
        if (threshold <= ERROR_INT) {
            handle(Level.ERROR, marker, format, arg, null, null, 1, null);
        }
    }

    @Override
    public void error(Marker marker, String format, Object arg1, Object arg2) {
        if (threshold <= ERROR_INT) {
            handle(Level.ERROR, marker, format, arg1, arg2, null, 2, null);
        }
    }

    @Override
    public void error(Marker marker, String format, Object... arguments) {
        if (threshold <= ERROR_INT) {
            handle(Level.ERROR, marker, format, null, null, arguments, 0, null);
        }
    }

    @Override
    public void error(Marker marker, String msg, Throwable t) {
        if (threshold <= ERROR_INT) {
            handle(Level.ERROR, marker, msg, null, null, null, 0, t);
        }
    }

    @Override
    public String toString() {
        return "WinlogLogger[" + name + ", threshold " + threshold + "]";
    }
}
