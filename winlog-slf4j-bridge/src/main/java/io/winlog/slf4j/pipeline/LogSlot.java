package io.winlog.slf4j.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/**
 * One log call on its way from the caller thread to the consumer thread. Slots are pre-allocated
 * and reused: the caller fills the public fields between {@link HandOff#claim()} and
 * {@link HandOff#publish(LogSlot)}, the consumer reads them, then the slot is cleared and
 * recycled. The fields are plain: the ring's sequence (release on publish, acquire on poll)
 * orders them.
 *
 * <p>What a front end stores is its own business, as long as its {@link SlotRenderer} understands
 * it: the SLF4J provider stores the pattern and arguments (formatted later on the consumer
 * thread), the Logback appender stores the prepared {@code ILoggingEvent} in {@link #payload}.
 */
public final class LogSlot {
    private static final VarHandle SEQUENCE;

    static {
        try {
            SEQUENCE = MethodHandles.lookup().findVarHandle(LogSlot.class, "sequence", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through SEQUENCE
    private volatile long sequence;
    /** The ring position this slot was claimed for (set by the ring). */
    long claimed;
    /** True for slots allocated outside the ring (spilled, synchronous mode). */
    final boolean pooled;

    public Level level;
    public String loggerName;
    public String threadName;
    public long timeMillis;
    public Marker marker;
    /** The message pattern, or the formatted message when {@link #formatted} is true. */
    public String message;
    public boolean formatted;
    public Object arg1;
    public Object arg2;
    /** Varargs arguments; when non-null, {@link #arg1}/{@link #arg2} are unused. */
    public Object[] args;
    /** How many of arg1/arg2 are set (0, 1 or 2) when {@link #args} is null. */
    public int argCount;
    public Throwable throwable;
    public List<KeyValuePair> keyValues;
    /** An event id value captured on the caller thread (e.g. from the MDC), parsed later. */
    public Object eventIdValue;
    /** A front end's own event object (e.g. Logback's ILoggingEvent). */
    public Object payload;

    LogSlot(long initialSequence, boolean pooled) {
        SEQUENCE.setRelease(this, initialSequence);
        this.pooled = pooled;
    }

    /** A slot outside any ring (synchronous mode, tests). */
    public static LogSlot unpooled() {
        return new LogSlot(0, false);
    }

    long lvSequence() {
        // volatile (not just acquire): the consumer re-checks after announcing it will park (Dekker)
        return (long) SEQUENCE.getVolatile(this);
    }

    void soSequence(long v) {
        SEQUENCE.setRelease(this, v);
    }

    void svSequence(long v) {
        SEQUENCE.setVolatile(this, v);
    }

    /** Drops every reference so a recycled slot keeps nothing alive. */
    public void clear() {
        level = null;
        loggerName = null;
        threadName = null;
        timeMillis = 0;
        marker = null;
        message = null;
        formatted = false;
        arg1 = null;
        arg2 = null;
        args = null;
        argCount = 0;
        throwable = null;
        keyValues = null;
        eventIdValue = null;
        payload = null;
    }

    /** Copies the event fields of {@code from} into this slot (used when spilling). */
    public void copyFrom(LogSlot from) {
        level = from.level;
        loggerName = from.loggerName;
        threadName = from.threadName;
        timeMillis = from.timeMillis;
        marker = from.marker;
        message = from.message;
        formatted = from.formatted;
        arg1 = from.arg1;
        arg2 = from.arg2;
        args = from.args;
        argCount = from.argCount;
        throwable = from.throwable;
        keyValues = from.keyValues;
        eventIdValue = from.eventIdValue;
        payload = from.payload;
    }
}
