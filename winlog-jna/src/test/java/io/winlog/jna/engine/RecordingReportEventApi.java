package io.winlog.jna.engine;

import io.winlog.jna.codec.PreparedReportEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scripted {@link ReportEventApi}: records every call, hands out fake handles, and fails on
 * demand with a chosen Win32 error.
 */
public final class RecordingReportEventApi implements ReportEventApi {
    /** One ReportEvent call as received. */
    public record Call(long handle, PreparedReportEvent event) {
    }

    private final AtomicLong nextHandle = new AtomicLong(0x1000);
    public final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    public final List<Long> registered = Collections.synchronizedList(new ArrayList<>());
    public final List<Long> deregistered = Collections.synchronizedList(new ArrayList<>());
    public volatile int failRegisterWith;
    public volatile int failReportWith;
    /** Fail only from this 1-based call number on (with failReportWith). */
    public volatile int failReportFromCall = 1;
    private final ThreadLocal<Integer> lastError = ThreadLocal.withInitial(() -> 0);

    @Override
    public long registerEventSource(byte[] server, byte[] source) {
        if (failRegisterWith != 0) {
            lastError.set(failRegisterWith);
            return 0;
        }
        long h = nextHandle.getAndAdd(8);
        registered.add(h);
        return h;
    }

    @Override
    public boolean reportEvent(long handle, PreparedReportEvent event) {
        if (!registered.contains(handle) || deregistered.contains(handle)) {
            throw new AssertionError("ReportEvent on a handle that is not open: " + handle);
        }
        synchronized (calls) {
            if (failReportWith != 0 && calls.size() + 1 >= failReportFromCall) {
                lastError.set(failReportWith);
                return false;
            }
            calls.add(new Call(handle, event));
        }
        return true;
    }

    @Override
    public boolean deregisterEventSource(long handle) {
        if (deregistered.contains(handle)) {
            throw new AssertionError("handle deregistered twice: " + handle);
        }
        deregistered.add(handle);
        return true;
    }

    @Override
    public int lastError() {
        return lastError.get();
    }
}
