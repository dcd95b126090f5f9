package io.winlog.evtx.evt;

import io.winlog.api.CorruptInputException;
import io.winlog.api.EventReader;
import io.winlog.api.WinlogException;
import io.winlog.api.event.EventRecord;
import io.winlog.evtx.classic.DecodeMode;
import io.winlog.evtx.classic.EventLogRecord;
import io.winlog.evtx.classic.EventLogRecordCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a legacy Windows NT event log file (.evt: Windows NT 3.1 to Windows Server 2003) on any
 * OS, in pure Java.
 *
 * <pre>{@code
 * try (EvtReader r = EvtReader.open(Path.of("SysEvent.Evt"))) {
 *     for (EventRecord e : r) {
 *         System.out.println(e.recordId() + " " + e.providerName() + " " + e.eventId());
 *     }
 * }
 * }</pre>
 *
 * <p>How the file is read: the 48-byte header, then the live records from the oldest to the
 * end-of-file record, following the circular buffer (a record may wrap past the end of the
 * file and continue at offset 0x30). On a dirty file (copied while the log was open) the header
 * is stale, so the reader finds the current end-of-file record by scanning and trusts it.
 * Damaged records are skipped to the next intact one (lenient, with a diagnostic) or thrown
 * (strict). With {@link EvtReaderOptions#withRecover(boolean)} the unused part of the buffer is
 * searched for intact old records afterwards. Every loop is bounded by the file size.
 *
 * <p>Records come out in file order, oldest first. {@link #next()} gives the winlog-api model;
 * {@link #nextEntry()} also gives the raw fields, the file offset and whether the record was
 * recovered. Not thread-safe. Files up to 2 GiB - 1 byte (the event log service mapped the
 * whole file into memory, so real .evt files are far smaller). Files up to 64 MiB are copied
 * onto the heap and released at once; larger ones are memory-mapped, and on Windows a mapped
 * file stays locked until the mapping is garbage-collected, even after {@link #close()}.
 */
public final class EvtReader implements EventReader {
    /** Files up to this size are read onto the heap; larger ones are memory-mapped. */
    private static final long HEAP_READ_LIMIT = 64L << 20;

    private enum Phase { LIVE, RECOVER, DONE }

    private final String source;
    private final EvtReaderOptions options;
    private final DecodeMode liveMode;
    private final EvtFileHeader header;
    private final EvtRingBuffer ring;
    private final EvtEofRecord eof;
    private final int liveStart;

    private Phase phase;
    private int pos;
    /** Bytes of the record area the current phase has walked; bounds every loop. */
    private long walked;
    /** Bytes the recovery scan may still look at. */
    private long recoverRemaining;
    private byte[] scratch = new byte[1024];
    private boolean closed;

    private EvtReader(ByteBuffer file, EvtReaderOptions options, String source) {
        this.source = source;
        this.options = options;
        this.liveMode = options.isStrict() ? DecodeMode.STRICT : DecodeMode.LENIENT;
        int size = file.limit();
        if (size < EvtFileHeader.SIZE) {
            throw new CorruptInputException("not a Windows event log (.evt) file: " + source + " has " + size
                    + " bytes, fewer than the 48-byte ELF_LOGFILE_HEADER", 0);
        }
        this.header = EvtFileHeader.read(file);
        boolean headerOk = header.signature() == EventLogRecordCodec.SIGNATURE && header.headerSize() == EvtFileHeader.SIZE;
        if (!headerOk) {
            CorruptInputException e = new CorruptInputException("not a Windows event log (.evt) file: " + source
                    + " does not start with the ELF_LOGFILE_HEADER (size 0x30, signature 'LfLe'); for .evtx files use the .evtx reader", 0);
            if (options.isStrict() || !options.isRecover()) {
                throw e;
            }
            report(e);
        }
        this.ring = new EvtRingBuffer(file);
        if (ring.capacity() < EvtEofRecord.SIZE) {
            problem(new CorruptInputException("no room for records: the file ends " + ring.capacity()
                    + " bytes after the header", EvtFileHeader.SIZE));
            this.eof = null;
            this.liveStart = EvtFileHeader.SIZE;
            this.phase = Phase.DONE;
            return;
        }
        if (headerOk) {
            checkHeader();
        }

        // The end-of-file record: where the header says on a clean file, else the newest one found by scanning.
        EvtEofRecord found = null;
        if (headerOk && !header.isDirty() && ring.contains(header.endOffset())) {
            found = eofAt((int) header.endOffset());
            if (found == null) {
                problem(new CorruptInputException("the header is clean but there is no end-of-file record at its EndOffset; "
                        + "searching the file for it", header.endOffset()));
            }
        }
        if (found == null) {
            found = scanForEof();
            if (found == null) {
                problem(new CorruptInputException("no end-of-file record found: reading records from the start offset "
                        + "until the first one that is not intact", EvtFileHeader.SIZE));
            }
        }
        this.eof = found;

        int start = EvtFileHeader.SIZE;
        if (eof != null && ring.contains(eof.beginRecord())) {
            start = (int) eof.beginRecord();
            if (headerOk && !header.isDirty() && eof.beginRecord() != header.startOffset()) {
                problem(new CorruptInputException("header StartOffset " + header.startOffset()
                        + " differs from the end-of-file record's BeginRecord " + eof.beginRecord(), 16));
            }
        } else if (headerOk && ring.contains(header.startOffset())) {
            start = (int) header.startOffset();
        }
        this.liveStart = start;
        this.pos = start;
        this.phase = Phase.LIVE;
    }

    /** Opens a .evt file, lenient, live records only. */
    public static EvtReader open(Path path) {
        return open(path, EvtReaderOptions.defaults());
    }

    /**
     * Opens a .evt file.
     *
     * @throws CorruptInputException when the file is not a .evt file (or, in strict mode, is damaged)
     * @throws WinlogException       when the file cannot be read
     */
    public static EvtReader open(Path path, EvtReaderOptions options) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new CorruptInputException("not a readable .evt file: " + path + " is " + size
                        + " bytes; .evt files are at most 2 GiB (the event log service maps them whole)", Integer.MAX_VALUE);
            }
            ByteBuffer buf;
            if (size <= HEAP_READ_LIMIT) {
                // Heap copy: no mapping that would keep the file locked on Windows after close().
                buf = ByteBuffer.allocate((int) size);
                while (buf.hasRemaining() && ch.read(buf) >= 0) {
                    // read until full; a file that shrinks meanwhile ends the loop at EOF
                }
                buf.flip();
            } else {
                buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            }
            return new EvtReader(buf.order(ByteOrder.LITTLE_ENDIAN), options, path.toString());
        } catch (NoSuchFileException e) {
            throw new WinlogException("cannot read " + path + ": no such file", e);
        } catch (IOException e) {
            throw new WinlogException("cannot read " + path + ": " + e.getMessage() + " (check the path and read permission)", e);
        }
    }

    /**
     * Reads a .evt file image held in memory (the whole file, from the buffer's position to its
     * limit; offsets are relative to the position). The bytes are not copied and must not
     * change while the reader is used; the buffer's position and limit are left alone.
     */
    public static EvtReader of(ByteBuffer fileImage, EvtReaderOptions options) {
        ByteBuffer b = fileImage.slice().order(ByteOrder.LITTLE_ENDIAN);
        return new EvtReader(b, options, "buffer");
    }

    /** The file header as stored (stale on a dirty file: see {@link #isHeaderStale()}). */
    public EvtFileHeader header() {
        return header;
    }

    /** The end-of-file record the reader uses, if one was found. */
    public Optional<EvtEofRecord> eofRecord() {
        return Optional.ofNullable(eof);
    }

    /** Size of the file in bytes. */
    public long fileSize() {
        return ring.size();
    }

    /** Where the oldest live record starts. */
    public long liveStartOffset() {
        return liveStart;
    }

    /**
     * True when the header disagrees with the end-of-file record (normal for a dirty file: the
     * header is only written when the log is closed).
     */
    public boolean isHeaderStale() {
        return eof != null && (eof.offset() != header.endOffset() || eof.beginRecord() != header.startOffset()
                || eof.currentRecordNumber() != header.currentRecordNumber()
                || eof.oldestRecordNumber() != header.oldestRecordNumber());
    }

    /**
     * Header facts for {@code winlog info}, in display order: format, version, file size,
     * flags, header offsets and record numbers, max size, retention, where the end-of-file
     * record was found and what it says, whether the header is stale, and the live record
     * count the end-of-file record implies.
     */
    public Map<String, Object> headerFacts() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "Windows NT event log (.evt)");
        m.put("version", header.version());
        m.put("file size", (long) ring.size());
        m.put("flags", header.flagNames());
        m.put("start offset", header.startOffset());
        m.put("end offset", header.endOffset());
        m.put("current record number", header.currentRecordNumber());
        m.put("oldest record number", header.oldestRecordNumber());
        m.put("max size", header.maxSize());
        m.put("retention (s)", header.retention());
        if (eof != null) {
            m.put("end-of-file record at", eof.offset());
            m.put("eof: oldest record at", eof.beginRecord());
            m.put("eof: current record number", eof.currentRecordNumber());
            m.put("eof: oldest record number", eof.oldestRecordNumber());
            m.put("live records (by eof)", eof.oldestRecordNumber() == 0 ? 0L
                    : (eof.currentRecordNumber() - eof.oldestRecordNumber()) & 0xFFFFFFFFL);
        } else {
            m.put("end-of-file record at", "not found");
        }
        m.put("header stale", isHeaderStale());
        return m;
    }

    @Override
    public EventRecord next() {
        EvtEntry e = nextEntry();
        return e == null ? null : e.event();
    }

    /**
     * The next record with its raw fields, file offset and recovered flag, or {@code null} at
     * the end: first the live records, oldest first, then (with recovery on) the recovered ones.
     *
     * @throws CorruptInputException in strict mode, at the first damaged live record
     */
    public EvtEntry nextEntry() {
        if (closed) {
            throw new IllegalStateException("EvtReader is closed");
        }
        while (true) {
            switch (phase) {
                case LIVE: {
                    EvtEntry e = nextLive();
                    if (e != null) {
                        return e;
                    }
                    break;
                }
                case RECOVER: {
                    EvtEntry e = nextRecovered();
                    if (e != null) {
                        return e;
                    }
                    break;
                }
                default:
                    return null;
            }
        }
    }

    /** A live record, or null when this step only moved (the caller loops) or ended the phase. */
    private EvtEntry nextLive() {
        if (walked >= ring.capacity()) {
            if (eof != null && pos != eof.offset()) {
                problem(new CorruptInputException("the live records do not lead to the end-of-file record at " + eof.offset(), pos));
            }
            endLive(pos);
            return null;
        }
        if (eof != null && pos == eof.offset()) {
            endLive(ring.advance(pos, EvtEofRecord.SIZE));
            return null;
        }
        EvtEofRecord other = eofAt(pos);
        if (other != null) {
            if (eof != null) {
                problem(new CorruptInputException("an older end-of-file record interrupts the live records", pos));
            }
            endLive(ring.advance(pos, EvtEofRecord.SIZE));
            return null;
        }
        int len = frameAt(pos, ring.capacity() - walked, true);
        if (len > 0) {
            try {
                EventLogRecord raw = decodeAt(pos, len, liveMode);
                EvtEntry entry = new EvtEntry(raw, pos, false);
                for (CorruptInputException p : raw.problems()) {
                    report(p);
                }
                pos = ring.advance(pos, len);
                walked += len;
                return entry;
            } catch (CorruptInputException e) {
                problem(e);
            }
        } else {
            problem(new CorruptInputException("no intact event record where the live records continue", pos));
        }
        if (eof == null) {
            // Without an end-of-file record, damage and the end of the log look the same.
            endLive(pos);
            return null;
        }
        resync();
        return null;
    }

    /** Skips forward in 4-byte steps to the next intact record or the end-of-file record. */
    private void resync() {
        int skipped = 0;
        do {
            pos = ring.advance(pos, 4);
            walked += 4;
            skipped += 4;
        } while (walked < ring.capacity() && pos != eof.offset() && eofAt(pos) == null
                && frameAt(pos, ring.capacity() - walked, false) < 0);
        report(new CorruptInputException("skipped " + skipped + " damaged bytes of the live records", pos));
    }

    private void endLive(int end) {
        if (options.isRecover()) {
            phase = Phase.RECOVER;
            pos = end;
            recoverRemaining = ring.distance(end, liveStart);
            if (recoverRemaining == 0 && walked == 0) {
                recoverRemaining = ring.capacity();
            }
        } else {
            phase = Phase.DONE;
        }
    }

    /**
     * Scans the unused part of the buffer (from the end-of-file record to the oldest live
     * record) in 4-byte steps for records that still decode.
     */
    private EvtEntry nextRecovered() {
        while (recoverRemaining >= EventLogRecordCodec.MIN_RECORD_SIZE) {
            // A deleted record is often partly overwritten at its end: accept a wrong length copy
            // when the rest decodes (the record then lists the problem).
            int len = headAt(pos, recoverRemaining);
            if (len > 0) {
                try {
                    EventLogRecord raw = decodeAt(pos, len, DecodeMode.LENIENT);
                    EvtEntry entry = new EvtEntry(raw, pos, true);
                    pos = ring.advance(pos, len);
                    recoverRemaining -= len;
                    return entry;
                } catch (CorruptInputException e) {
                    report(e);
                }
            }
            pos = ring.advance(pos, 4);
            recoverRemaining -= 4;
        }
        phase = Phase.DONE;
        return null;
    }

    /**
     * The length of the record whose frame starts at {@code p} (size in range, signature,
     * length copy at its end), or -1. {@code lenientEnd}: in lenient mode a wrong length copy
     * is accepted when an intact record or the end-of-file record follows (a record cut short
     * by a crash keeps its start).
     */
    private int frameAt(int p, long maxLen, boolean lenientEnd) {
        int len = headAt(p, maxLen);
        if (len < 0) {
            return -1;
        }
        if (ring.getInt(p, len - 4) == len) {
            return len;
        }
        if (lenientEnd && liveMode == DecodeMode.LENIENT) {
            int next = ring.advance(p, len);
            if ((eof != null && next == eof.offset()) || eofAt(next) != null || frameAt(next, ring.capacity(), false) > 0) {
                return len;
            }
        }
        return -1;
    }

    /** The length of a record that starts at {@code p} (signature, size in range), or -1; its end is not checked. */
    private int headAt(int p, long maxLen) {
        if (ring.getInt(p, 4) != EventLogRecordCodec.SIGNATURE) {
            return -1;
        }
        long len = ring.getInt(p, 0) & 0xFFFFFFFFL;
        if (len < EventLogRecordCodec.MIN_RECORD_SIZE || len > maxLen || len > ring.capacity()) {
            return -1;
        }
        return (int) len;
    }

    private EventLogRecord decodeAt(int p, int len, DecodeMode mode) {
        if (len <= ring.untilWrap(p)) {
            return EventLogRecordCodec.decode(ring.file(), p, len, p, mode);
        }
        if (scratch.length < len) {
            scratch = new byte[Math.max(len, scratch.length * 2)];
        }
        ring.copy(p, len, scratch);
        return EventLogRecordCodec.decode(ByteBuffer.wrap(scratch, 0, len).order(ByteOrder.LITTLE_ENDIAN), 0, len, p, mode);
    }

    /** The end-of-file record at {@code p}, or null when its sizes and signatures are not all there. */
    private EvtEofRecord eofAt(int p) {
        if (ring.getInt(p, 0) != EvtEofRecord.SIZE || ring.getInt(p, 36) != EvtEofRecord.SIZE) {
            return null;
        }
        for (int i = 0; i < 4; i++) {
            if (ring.getInt(p, 4 + 4 * i) != EvtEofRecord.SIGNATURES[i]) {
                return null;
            }
        }
        return new EvtEofRecord(p, ring.getInt(p, 20) & 0xFFFFFFFFL, ring.getInt(p, 24) & 0xFFFFFFFFL,
                ring.getInt(p, 28) & 0xFFFFFFFFL, ring.getInt(p, 32) & 0xFFFFFFFFL);
    }

    /**
     * The newest end-of-file record in the file: among those whose EndRecord names their own
     * offset (as the service writes them), the highest CurrentRecordNumber; else any.
     */
    private EvtEofRecord scanForEof() {
        EvtEofRecord best = null;
        ByteBuffer f = ring.file();
        for (int p = EvtFileHeader.SIZE; p < ring.size(); p += 4) {
            // Cheap test first; the record may straddle the end, so read circularly near it.
            int sig = p + 8 <= ring.size() ? f.getInt(p + 4) : ring.getInt(p, 4);
            if (sig != EvtEofRecord.SIGNATURES[0]) {
                continue;
            }
            EvtEofRecord c = eofAt(p);
            if (c == null || !ring.contains(c.beginRecord())) {
                continue;
            }
            if (best == null || (c.isSelfConsistent() && !best.isSelfConsistent())
                    || (c.isSelfConsistent() == best.isSelfConsistent()
                        && Long.compareUnsigned(c.currentRecordNumber(), best.currentRecordNumber()) > 0)) {
                best = c;
            }
        }
        return best;
    }

    private void checkHeader() {
        if (header.endHeaderSize() != EvtFileHeader.SIZE) {
            problem(new CorruptInputException("header size copy is " + header.endHeaderSize() + ", expected 48", 44));
        }
        if (header.majorVersion() != 1 || header.minorVersion() != 1) {
            problem(new CorruptInputException("unknown .evt version " + header.version() + " (only 1.1 exists); reading it as 1.1", 8));
        }
        if (!ring.contains(header.startOffset())) {
            problem(new CorruptInputException("header StartOffset " + header.startOffset() + " is outside the record area [48, "
                    + ring.size() + ")", 16));
        }
        if (!ring.contains(header.endOffset())) {
            problem(new CorruptInputException("header EndOffset " + header.endOffset() + " is outside the record area [48, "
                    + ring.size() + ")", 20));
        }
    }

    /** Strict: throw. Lenient: report and go on. */
    private void problem(CorruptInputException e) {
        if (options.isStrict()) {
            throw e;
        }
        report(e);
    }

    private void report(CorruptInputException e) {
        try {
            options.diagnostics().accept(e);
        } catch (RuntimeException ignored) {
            // A listener must not break reading; its failure is its own.
        }
    }

    @Override
    public void close() {
        closed = true;
        scratch = null;
    }

    @Override
    public String toString() {
        return "EvtReader{" + source + ", " + ring.size() + " bytes, header " + header.flagNames() + '}';
    }
}
