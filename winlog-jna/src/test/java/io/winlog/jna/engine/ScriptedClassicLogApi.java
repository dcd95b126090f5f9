package io.winlog.jna.engine;

import io.winlog.jna.binding.WinConstants;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A classic event log in memory behaving like {@code ReadEventLogW} documents: whole records
 * only, {@code ERROR_INSUFFICIENT_BUFFER} with the needed size when the next record does not fit,
 * {@code ERROR_HANDLE_EOF} at either end, a per-handle sequential position (a fresh handle starts
 * at the oldest record forwards, the newest backwards), {@code ERROR_INVALID_PARAMETER} for a seek
 * to a record the log does not hold, and {@code ERROR_EVENTLOG_FILE_CHANGED} on every handle opened
 * before the log was cleared or wrapped. Records are real {@code EVENTLOGRECORD} bytes with
 * consecutive numbers. Tests script errors and changes before given read calls.
 */
public final class ScriptedClassicLogApi implements ClassicLogApi {
    private final List<byte[]> records = new ArrayList<>();
    private final Map<Long, Handle> handles = new HashMap<>();
    private final Map<Integer, Runnable> beforeRead = new HashMap<>();
    private final Deque<ReadResult> injected = new ArrayDeque<>();
    private long nextHandle = 0x100;
    private int generation;

    /** Error returned by the next opens (0: open succeeds). */
    public int openError;
    /** Calls made, for assertions. */
    public int opens;
    public int closes;
    public int reads;
    public int insufficientBuffer;
    public int largestBuffer;
    public final List<String> openedLogs = new ArrayList<>();

    private static final class Handle {
        final int generation;
        Integer pos; // index of the next record; null: not positioned yet

        Handle(int generation) {
            this.generation = generation;
        }
    }

    public ScriptedClassicLogApi(List<byte[]> records) {
        this.records.addAll(records);
    }

    /** Appends records as new events would arrive (no change notification: handles keep working). */
    public void append(List<byte[]> more) {
        records.addAll(more);
    }

    /** The log wrapped: records numbered below {@code number} are overwritten; open handles see 1503. */
    public void overwriteBefore(long number) {
        records.removeIf(r -> EvtSampleRecords.number(r) < number);
        generation++;
    }

    /** The log was cleared and refilled with {@code fresh}; open handles see 1503. */
    public void replaceAll(List<byte[]> fresh) {
        records.clear();
        records.addAll(fresh);
        generation++;
    }

    /** Runs {@code action} just before the {@code call}-th read (1-based). */
    public void beforeRead(int call, Runnable action) {
        beforeRead.put(call, action);
    }

    /** The next reads return these results instead of reading. */
    public void inject(ReadResult r) {
        injected.add(r);
    }

    public int openHandles() {
        return handles.size();
    }

    @Override
    public Result open(String server, String log) {
        opens++;
        openedLogs.add(log);
        if (openError != 0) {
            return Result.failed(openError);
        }
        long h = nextHandle++;
        handles.put(h, new Handle(generation));
        return Result.ok(h);
    }

    @Override
    public ReadResult read(long handle, int flags, long recordNumber, byte[] buffer) {
        reads++;
        Runnable r = beforeRead.remove(reads);
        if (r != null) {
            r.run();
        }
        largestBuffer = Math.max(largestBuffer, buffer.length);
        Handle h = handles.get(handle);
        if (h == null) {
            return ReadResult.failed(WinConstants.ERROR_INVALID_HANDLE, 0);
        }
        if (!injected.isEmpty()) {
            return injected.poll();
        }
        if (buffer.length > MAX_READ_BYTES) {
            return ReadResult.failed(WinConstants.ERROR_INVALID_PARAMETER, 0);
        }
        if (h.generation != generation) {
            return ReadResult.failed(WinConstants.ERROR_EVENTLOG_FILE_CHANGED, 0);
        }
        boolean seek = (flags & WinConstants.EVENTLOG_SEEK_READ) != 0;
        boolean sequential = (flags & WinConstants.EVENTLOG_SEQUENTIAL_READ) != 0;
        boolean backwards = (flags & WinConstants.EVENTLOG_BACKWARDS_READ) != 0;
        boolean forwards = (flags & WinConstants.EVENTLOG_FORWARDS_READ) != 0;
        if (seek == sequential || backwards == forwards) {
            return ReadResult.failed(WinConstants.ERROR_INVALID_PARAMETER, 0);
        }
        int step = backwards ? -1 : 1;
        if (seek) {
            int idx = indexOf(recordNumber);
            if (idx < 0) {
                return ReadResult.failed(WinConstants.ERROR_INVALID_PARAMETER, 0);
            }
            h.pos = idx;
        } else if (h.pos == null) {
            h.pos = backwards ? records.size() - 1 : 0;
        }
        int pos = h.pos;
        if (pos < 0 || pos >= records.size()) {
            return ReadResult.failed(WinConstants.ERROR_HANDLE_EOF, 0);
        }
        int n = 0;
        while (pos >= 0 && pos < records.size() && n + records.get(pos).length <= buffer.length) {
            byte[] rec = records.get(pos);
            System.arraycopy(rec, 0, buffer, n, rec.length);
            n += rec.length;
            pos += step;
        }
        if (n == 0) {
            insufficientBuffer++;
            return ReadResult.failed(WinConstants.ERROR_INSUFFICIENT_BUFFER, records.get(h.pos).length);
        }
        h.pos = pos;
        return ReadResult.ok(n);
    }

    private int indexOf(long number) {
        if (records.isEmpty()) {
            return -1;
        }
        long first = EvtSampleRecords.number(records.get(0));
        long idx = number - first;
        return idx >= 0 && idx < records.size() && EvtSampleRecords.number(records.get((int) idx)) == number ? (int) idx : -1;
    }

    @Override
    public Result oldest(long handle) {
        if (!handles.containsKey(handle)) {
            return Result.failed(WinConstants.ERROR_INVALID_HANDLE);
        }
        return Result.ok(records.isEmpty() ? 0 : EvtSampleRecords.number(records.get(0)));
    }

    @Override
    public Result count(long handle) {
        if (!handles.containsKey(handle)) {
            return Result.failed(WinConstants.ERROR_INVALID_HANDLE);
        }
        return Result.ok(records.size());
    }

    @Override
    public void close(long handle) {
        if (handles.remove(handle) != null) {
            closes++;
        }
    }
}
