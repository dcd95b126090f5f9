package io.winlog.jna.engine;

import io.winlog.api.AccessDeniedException;
import io.winlog.api.CorruptInputException;
import io.winlog.api.WinlogException;
import io.winlog.evtx.classic.DecodeMode;
import io.winlog.evtx.classic.EventLogRecord;
import io.winlog.evtx.classic.EventLogRecordCodec;
import io.winlog.jna.binding.WinConstants;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One open classic event log and the read loop over it: the engine behind
 * {@code ClassicEventLogReader} and {@code ClassicEventLogTail}. Not thread-safe.
 *
 * <p>What it handles, so the layers above only see records:
 * <ul>
 *   <li><b>buffer growth</b>: {@code ERROR_INSUFFICIENT_BUFFER} (122) returns the size the next
 *       record needs; the buffer grows to it (at most {@link ClassicLogApi#MAX_READ_BYTES}) and
 *       the read is repeated;</li>
 *   <li><b>end</b>: {@code ERROR_HANDLE_EOF} (38) is the end of the log in that direction: an
 *       empty batch;</li>
 *   <li><b>cleared or wrapped log</b>: {@code ERROR_EVENTLOG_FILE_CHANGED} (1503) means the
 *       handle's position is meaningless now. The session closes the handle, opens the log
 *       again and seeks ({@code EVENTLOG_SEEK_READ}) to the record after the last one it
 *       returned. Records overwritten in between are counted in {@link #missedRecords()}, never
 *       invented; records already returned are never returned twice (record numbers only
 *       grow in a classic log, and every batch is checked to be monotonic);</li>
 *   <li><b>a record that is gone</b>: a seek to a number the log no longer holds fails with
 *       {@code ERROR_INVALID_PARAMETER} (87); the seek is clamped to the log's current range once;</li>
 *   <li><b>access denied</b> (5): {@link AccessDeniedException} naming the remedy;</li>
 *   <li><b>a missing log</b>: Windows opens Application for an unknown name without an error,
 *       so on the local machine the name is checked against the registry first.</li>
 * </ul>
 * Every loop is bounded: growth by a fixed number of steps, reopen by
 * {@link #MAX_REOPENS_PER_READ}, duplicate-only batches by {@link #MAX_EMPTY_BATCHES}.
 */
public final class ClassicLogSession implements AutoCloseable {
    /** A good first buffer: dozens of typical records per call. */
    public static final int DEFAULT_BUFFER_BYTES = 64 * 1024;
    /** How often one read may see the log change under it before giving up. */
    public static final int MAX_REOPENS_PER_READ = 3;
    /** Batches in a row that held only already-returned records before the read gives up. */
    static final int MAX_EMPTY_BATCHES = 64;
    private static final int MAX_GROWTH_STEPS = 8;

    private final ClassicLogApi api;
    private final String server;
    private final String log;
    private long handle;
    private byte[] buffer;
    private boolean closed;

    private long lastRecord = -1;
    private boolean seekPending;
    private long seekTo;
    private long missed;
    private long reopens;

    private ClassicLogSession(ClassicLogApi api, String server, String log, int bufferBytes) {
        this.api = api;
        this.server = server;
        this.log = log;
        this.buffer = new byte[Math.max(EventLogRecordCodec.MIN_RECORD_SIZE, Math.min(bufferBytes, ClassicLogApi.MAX_READ_BYTES))];
    }

    /**
     * Opens {@code log} on {@code server} (null: this machine).
     *
     * @param registry the local registry to check the log exists in, or null to skip the check
     *                 (always skipped for a remote server, whose registry we do not read)
     * @throws AccessDeniedException when the account may not read the log
     * @throws WinlogException       when the log does not exist or the call fails
     */
    public static ClassicLogSession open(ClassicLogApi api, RegistryApi registry, String server, String log, int bufferBytes) {
        if (log == null || log.isBlank()) {
            throw new IllegalArgumentException("log name is empty: use Application, System, Security or a custom log name");
        }
        if (server == null && registry != null) {
            requireLogExists(registry, log);
        }
        ClassicLogSession s = new ClassicLogSession(api, server, log, bufferBytes);
        s.handle = s.openHandle();
        return s;
    }

    private static void requireLogExists(RegistryApi registry, String log) {
        boolean exists;
        try {
            exists = registry.keyExists(ClassicLogNames.registryKey(log));
        } catch (WinlogException e) {
            return; // cannot tell (e.g. registry access denied): let OpenEventLog decide
        }
        if (!exists) {
            throw new WinlogException("there is no classic event log named \"" + log + "\" on this machine (no registry key HKLM\\"
                    + ClassicLogNames.registryKey(log) + "); OpenEventLog would silently open Application instead. "
                    + "Use Application, System, Security or a log listed by 'wevtutil el' that has a classic key; "
                    + "modern channels such as Microsoft-Windows-*/Operational need the wevtapi reader");
        }
    }

    private long openHandle() {
        ClassicLogApi.Result r = api.open(server, log);
        if (!r.succeeded() || r.value() == 0) {
            throw failure("OpenEventLog", r.succeeded() ? WinConstants.ERROR_INVALID_HANDLE : r.error());
        }
        return r.value();
    }

    /** The log name as opened. */
    public String log() {
        return log;
    }

    /** The server, or null for this machine. */
    public String server() {
        return server;
    }

    /** The record number of the oldest record (1 for a new log; meaningless when {@link #count()} is 0). */
    public long oldest() {
        return number(api.oldest(handle), "GetOldestEventLogRecord");
    }

    /** How many records the log holds now. */
    public long count() {
        return number(api.count(handle), "GetNumberOfEventLogRecords");
    }

    /**
     * The record number of the newest record, or {@code oldest - 1} for an empty log. Classic
     * record numbers are consecutive, so this is {@code oldest + count - 1}.
     */
    public long newest() {
        long o = oldest();
        return o + count() - 1;
    }

    private long number(ClassicLogApi.Result r, String call) {
        ensureOpen();
        if (!r.succeeded()) {
            throw failure(call, r.error());
        }
        return r.value() & 0xFFFFFFFFL;
    }

    /**
     * The next {@link #read(boolean)} starts at {@code recordNumber} (a seek), later ones continue
     * from there. A seek is an explicit repositioning: records already returned may be returned
     * again after it.
     */
    public void seek(long recordNumber) {
        if (recordNumber < 1 || recordNumber > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("record number " + recordNumber + " outside 1..4294967295");
        }
        seekPending = true;
        seekTo = recordNumber;
        lastRecord = -1;
    }

    /** The record number of the last record returned, or -1. */
    public long lastRecord() {
        return lastRecord;
    }

    /** Records the log overwrote or cleared before they could be read (seen across a 1503 reopen or a wrap). */
    public long missedRecords() {
        return missed;
    }

    /** Adds records a caller found overwritten (the tail, when the log wrapped between polls). */
    public void addMissed(long n) {
        missed += Math.max(0, n);
    }

    /** How often the handle was reopened after the log changed. */
    public long reopens() {
        return reopens;
    }

    /** The current buffer size in bytes (grows on ERROR_INSUFFICIENT_BUFFER). */
    public int bufferBytes() {
        return buffer.length;
    }

    /**
     * The next batch of records in {@code forward} (ascending record numbers) or backward order;
     * empty at the end of the log in that direction.
     *
     * @throws AccessDeniedException when Windows refuses the read
     * @throws CorruptInputException when the buffer does not hold well-framed records (offset in the buffer)
     * @throws WinlogException       when the read fails otherwise or the log keeps changing
     */
    public List<EventLogRecord> read(boolean forward) {
        ensureOpen();
        int changes = 0;
        int empties = 0;
        boolean clamped = false;
        while (true) {
            int flags = (seekPending ? WinConstants.EVENTLOG_SEEK_READ : WinConstants.EVENTLOG_SEQUENTIAL_READ)
                    | (forward ? WinConstants.EVENTLOG_FORWARDS_READ : WinConstants.EVENTLOG_BACKWARDS_READ);
            ClassicLogApi.ReadResult r = readGrowing(flags, seekPending ? seekTo : 0);
            switch (r.error()) {
                case 0: {
                    seekPending = false;
                    List<EventLogRecord> batch = decode(r.bytesRead(), forward);
                    if (!batch.isEmpty()) {
                        lastRecord = batch.get(batch.size() - 1).recordNumber();
                        return batch;
                    }
                    if (++empties > MAX_EMPTY_BATCHES) {
                        throw new WinlogException("ReadEventLog on log \"" + log + "\" returned " + MAX_EMPTY_BATCHES
                                + " batches of records already read (after record " + lastRecord + "); the log is inconsistent");
                    }
                    break;
                }
                case WinConstants.ERROR_HANDLE_EOF:
                    return List.of();
                case WinConstants.ERROR_EVENTLOG_FILE_CHANGED:
                    if (++changes > MAX_REOPENS_PER_READ) {
                        throw new WinlogException("the \"" + log + "\" log changed (cleared or wrapped) " + changes
                                + " times during one read; try again when it is quieter", r.error(), null);
                    }
                    reopen();
                    if (!resume(forward)) {
                        return List.of();
                    }
                    break;
                case WinConstants.ERROR_INVALID_PARAMETER:
                    // A seek to a record the log no longer holds (or not yet). Clamp once to the current range.
                    if (seekPending && !clamped) {
                        clamped = true;
                        if (!clampSeek(forward)) {
                            return List.of();
                        }
                        break;
                    }
                    throw failure("ReadEventLog", r.error());
                default:
                    throw failure("ReadEventLog", r.error());
            }
        }
    }

    /** One ReadEventLog call, repeated with a bigger buffer while the next record does not fit. */
    private ClassicLogApi.ReadResult readGrowing(int flags, long record) {
        for (int step = 0; step <= MAX_GROWTH_STEPS; step++) {
            ClassicLogApi.ReadResult r = api.read(handle, flags, record, buffer);
            if (r.error() != WinConstants.ERROR_INSUFFICIENT_BUFFER) {
                if (r.error() == 0 && (r.bytesRead() < 0 || r.bytesRead() > buffer.length)) {
                    throw new WinlogException("ReadEventLog reported " + r.bytesRead() + " bytes read into a buffer of "
                            + buffer.length);
                }
                return r;
            }
            int needed = r.bytesNeeded();
            if (needed <= buffer.length || needed > ClassicLogApi.MAX_READ_BYTES) {
                throw new WinlogException("ReadEventLog on log \"" + log + "\" asked for a " + Integer.toUnsignedString(needed)
                        + "-byte buffer (have " + buffer.length + ", the limit is " + ClassicLogApi.MAX_READ_BYTES
                        + "); the record cannot be read", r.error(), null);
            }
            // Grow to at least what the record needs, doubling so a run of large records does not
            // cost one failed call each.
            buffer = new byte[(int) Math.min(ClassicLogApi.MAX_READ_BYTES, Math.max(needed, 2L * buffer.length))];
        }
        throw new WinlogException("ReadEventLog on log \"" + log + "\" kept asking for a bigger buffer (now "
                + buffer.length + " bytes)");
    }

    private List<EventLogRecord> decode(int bytesRead, boolean forward) {
        List<EventLogRecord> all;
        try {
            all = EventLogRecordCodec.decodeAll(ByteBuffer.wrap(buffer, 0, bytesRead), bytesRead, DecodeMode.LENIENT);
        } catch (CorruptInputException e) {
            throw new CorruptInputException("ReadEventLog buffer of log \"" + log + "\" (" + bytesRead + " bytes after record "
                    + lastRecord + "): " + e.getMessage(), e.offset(), e);
        }
        List<EventLogRecord> out = new ArrayList<>(all.size());
        long last = lastRecord;
        for (EventLogRecord r : all) {
            long n = r.recordNumber();
            // Drop anything at or behind the last record returned: once only, in order.
            if (last < 0 || (forward ? n > last : n < last)) {
                out.add(r);
                last = n;
            }
        }
        return out;
    }

    private void reopen() {
        long old = handle;
        handle = 0;
        api.close(old);
        handle = openHandle();
        reopens++;
    }

    /**
     * After a reopen: where to continue. Before any record was returned a pending seek is kept
     * (clamped) and a sequential read simply starts again. Returns false when nothing is left.
     */
    private boolean resume(boolean forward) {
        if (lastRecord < 0 && !seekPending) {
            return true;
        }
        if (lastRecord >= 0) {
            long next = forward ? lastRecord + 1 : lastRecord - 1;
            if (next < 1) {
                return false;
            }
            seekPending = true;
            seekTo = next;
        }
        return clampSeek(forward);
    }

    /** Moves a pending seek into [oldest, newest]; false when the direction has nothing left. */
    private boolean clampSeek(boolean forward) {
        long count = count();
        if (count == 0) {
            return false;
        }
        long oldest = oldest();
        long newest = oldest + count - 1;
        if (forward) {
            if (seekTo > newest) {
                return false;
            }
            if (seekTo < oldest) {
                if (lastRecord >= 0) {
                    missed += oldest - seekTo;
                }
                seekTo = oldest;
            }
        } else {
            if (seekTo < oldest) {
                return false;
            }
            seekTo = Math.min(seekTo, newest);
        }
        seekPending = true;
        return true;
    }

    private WinlogException failure(String call, int code) {
        String where = (server == null ? "" : " on " + server);
        if (code == WinConstants.ERROR_ACCESS_DENIED) {
            return new AccessDeniedException(call + " on the \"" + log + "\" log" + where + " was denied: "
                    + ClassicLogNames.accessAdvice(log), code);
        }
        if (code == WinConstants.RPC_S_SERVER_UNAVAILABLE) {
            return new WinlogException(call + ": server " + server + " is unreachable or its Event Log service is not running; "
                    + "check the name, the network and the 'Remote Event Log Management' firewall rule", code, null);
        }
        return new WinlogException(call + " on the \"" + log + "\" log" + where + " failed with " + Win32Errors.name(code), code, null);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the session on log \"" + log + "\" is closed");
        }
    }

    /** Closes the handle. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (handle != 0) {
                api.close(handle);
                handle = 0;
            }
        }
    }
}
