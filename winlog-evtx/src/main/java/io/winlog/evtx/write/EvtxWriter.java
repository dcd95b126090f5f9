package io.winlog.evtx.write;

import io.winlog.api.EventRejectedException;
import io.winlog.api.EventSpec;
import io.winlog.api.EventWriter;
import io.winlog.api.WinlogException;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.FileTime;
import io.winlog.api.event.NamedValue;
import io.winlog.api.event.ValueType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Windows XML Event Log (.evtx) file in pure Java, on any OS: the file that Event
 * Viewer, {@code Get-WinEvent}, libevtx and python-evtx open.
 *
 * <pre>{@code
 * try (EvtxWriter w = EvtxWriter.create(Path.of("app.evtx"), EvtxWriterOptions.builder()
 *         .providerName("MyService").channel("Application").build())) {
 *     w.write(EventSpec.builder(1000).type(EventType.ERROR).strings("disk full", "C:").build());
 *     w.write(someEventRecord);   // full records keep their typed values and System properties
 * }
 * }</pre>
 *
 * <p><b>Format.</b> 64 KiB chunks with string and template tables and CRC32s; events of the same
 * shape share one template definition per chunk, and values are substitutions with their real
 * BinXml types (UInt32, HexInt64, SID, GUID, FILETIME, arrays ...), so readers see the types a
 * Windows-written file has. Record numbers increase by one per record.
 *
 * <p><b>Durability.</b> The current chunk is built in memory. A full chunk is written to the
 * file before the next one starts; {@link #flush()} (and every
 * {@link EvtxWriterOptions#flushEveryRecords()} records) writes the new records of the current
 * chunk and then its header, so the file on disk is always a valid .evtx file whose chunks hold
 * every flushed record. The header's dirty flag is set while the writer is open and cleared by
 * {@link #close()}.
 *
 * <p><b>Bad input</b> never produces a corrupt file: an event that cannot be stored is refused
 * with an {@link EventRejectedException} saying why and what to do (a value over 65535 bytes, a
 * record over {@value EvtxLayout#MAX_RECORD_SIZE} bytes, UserData that is not well-formed XML,
 * an out-of-range System property), and the file is left as it was. See docs/evtx-writer.md for
 * the text policy (lone surrogates, control characters).
 *
 * <p>Thread-safe: writes are serialised by the writer's lock.
 */
public final class EvtxWriter implements EventWriter {
    /** Templates kept across chunks; beyond this many distinct shapes the cache starts over. */
    private static final int TEMPLATE_CACHE_LIMIT = 8192;

    private final Path path;
    private final FileChannel ch;
    private final EvtxWriterOptions options;
    private final EventSpecMapper specMapper;
    private final RecordEncoder encoder;
    private final TextEncoder text;
    private final ChunkImage chunk = new ChunkImage();
    private final Map<TemplateKey, EventTemplate> templates = new HashMap<>();
    private final TemplateKey probe = new TemplateKey();
    private final SpecShapes specShapes = new SpecShapes();
    private final List<String> xmlValues = new ArrayList<>();
    /** The binary data of the record being written (copied once by {@link #template}), or null. */
    private byte[] recordBinary;
    private final int minorVersion;

    private int chunkIndex;
    private int chunkCount;
    private boolean chunkOnDisk;
    private int flushedPos;
    private long nextRecordId;
    private int sinceFlush;
    private long recordsWritten;
    private boolean closed;

    private EvtxWriter(Path path, FileChannel ch, EvtxWriterOptions options, int chunkIndex, long nextRecordId,
                       int minorVersion) {
        this.path = path;
        this.ch = ch;
        this.options = options;
        this.text = new TextEncoder(options.invalidTextPolicy());
        this.encoder = new RecordEncoder(text, new ValueEncoder(text));
        this.specMapper = new EventSpecMapper(options);
        this.chunkIndex = chunkIndex;
        this.chunkCount = chunkIndex;
        this.nextRecordId = nextRecordId;
        this.minorVersion = minorVersion;
        this.flushedPos = EvtxLayout.CHUNK_HEADER_SIZE;
    }

    /**
     * Creates (or replaces) {@code path} as an empty .evtx file and opens it for writing.
     *
     * @throws WinlogException when the file cannot be created
     */
    public static EvtxWriter create(Path path, EvtxWriterOptions options) {
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            EvtxWriter w = new EvtxWriter(path, ch, options, 0, 1, EvtxLayout.MINOR_VERSION);
            w.writeFileHeader(true);
            return w;
        } catch (IOException e) {
            throw new WinlogException("cannot create " + path + ": " + e.getMessage()
                    + "; check that the folder exists and is writable", e);
        }
    }

    /**
     * Opens an existing .evtx file to add records after its last intact chunk; record numbers
     * continue after the highest one in the file.
     *
     * @throws io.winlog.api.CorruptInputException when the file is not an .evtx file or is
     *                                             damaged in a way that appending would hide
     * @throws WinlogException                      when the file cannot be opened, or is a
     *                                             wrapped circular log
     */
    public static EvtxWriter append(Path path, EvtxWriterOptions options) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            AppendPoint p = AppendPoint.scan(ch, path);
            ch.truncate(EvtxLayout.FILE_HEADER_BLOCK + (long) p.chunkCount() * EvtxLayout.CHUNK_SIZE);
            EvtxWriter w = new EvtxWriter(path, ch, options, p.chunkCount(), p.nextRecordId(), p.minorVersion());
            w.writeFileHeader(true);
            return w;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new WinlogException("cannot open " + path + " for appending: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    /** The file being written. */
    public Path path() {
        return path;
    }

    /** The record number the next record will get. */
    public synchronized long nextRecordId() {
        return nextRecordId;
    }

    /** Records written by this writer so far. */
    public synchronized long recordsWritten() {
        return recordsWritten;
    }

    /**
     * Writes a classic event: provider, channel and computer come from the options; type becomes
     * the level, category the task, the full event id the EventID and its Qualifiers, the strings
     * unnamed Data items and the data {@code EventData/Binary}.
     */
    @Override
    public synchronized void write(EventSpec event) {
        ensureOpen();
        byte[] data = event.data();
        int shape = SpecShapes.shape(event, data);
        EventTemplate t = shape < 0 ? null : specShapes.get(shape);
        if (t == null) {
            // first event of this shape (or one the fast path leaves alone): the general path,
            // which also learns the shape's template for the next ones
            EventRecord r = specMapper.map(event);
            t = template(r);
            if (shape >= 0) {
                specShapes.put(shape, t);
            }
            append(t, r, null, null, r.timeCreated());
            return;
        }
        Instant created = event.time() != null ? event.time() : options.clock().instant();
        append(t, null, event, data, created);
    }

    /**
     * Writes a full event record with its System properties and typed values. Its
     * {@code EventRecordID} is kept when {@link EvtxWriterOptions#keepRecordIds()} is set and it
     * is positive; otherwise it is the writer's record number.
     *
     * @throws EventRejectedException when the event cannot be stored as given (the file is unchanged)
     */
    public synchronized void write(EventRecord r) {
        ensureOpen();
        append(template(r), r, null, null, r.timeCreated());
    }

    /**
     * Appends one record, from {@code r} or (fast path) straight from the classic event
     * {@code s} with its {@code data}; moves to a new chunk when it does not fit.
     */
    private void append(EventTemplate t, EventRecord r, EventSpec s, byte[] data, Instant created) {
        long headerId = nextRecordId;
        long eventRecordId = r != null && options.keepRecordIds() && r.recordId() > 0 ? r.recordId() : headerId;
        long timeTicks = created == null ? 0 : ticks(created, "TimeCreated");
        long headerTicks = created == null ? ticks(options.clock().instant(), "the clock") : timeTicks;
        chunk.beginRecord();
        try {
            encode(t, r, s, data, headerId, eventRecordId, headerTicks, timeTicks);
        } catch (ChunkFullException full) {
            chunk.rollbackRecord();
            if (chunk.isEmpty()) {
                throw tooLarge(r, s);
            }
            finishChunk();
            chunk.beginRecord();
            try {
                encode(t, r, s, data, headerId, eventRecordId, headerTicks, timeTicks);
            } catch (ChunkFullException again) {
                chunk.rollbackRecord();
                throw tooLarge(r, s);
            } catch (RuntimeException e) {
                chunk.rollbackRecord();
                throw e;
            }
        } catch (RuntimeException e) {
            chunk.rollbackRecord();
            throw e;
        }
        chunk.commitRecord(headerId);
        nextRecordId++;
        recordsWritten++;
        if (options.flushEveryRecords() > 0 && ++sinceFlush >= options.flushEveryRecords()) {
            flush();
        }
    }

    private void encode(EventTemplate t, EventRecord r, EventSpec s, byte[] data, long headerId, long eventRecordId,
                        long headerTicks, long timeTicks) {
        if (r != null) {
            encoder.encode(chunk, t, r, recordBinary, headerId, eventRecordId, headerTicks, timeTicks, xmlValues);
        } else {
            encoder.encode(chunk, t, s, data, specMapper.keywords(s), options.channel(), options.computer(), headerId,
                    timeTicks);
        }
    }

    private EventRejectedException tooLarge(EventRecord r, EventSpec s) {
        return r != null ? RecordEncoder.recordTooLarge(r)
                : RecordEncoder.recordTooLarge(s.shortEventId(), options.providerName());
    }

    /** Writes the records of the current chunk and updates the headers (and fsyncs if configured). */
    @Override
    public synchronized void flush() {
        ensureOpen();
        try {
            writeChunk();
            writeFileHeader(true);
            if (options.forceOnFlush()) {
                ch.force(false);
            }
            sinceFlush = 0;
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    /** Flushes, marks the file clean and closes it. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writeChunk();
            writeFileHeader(false);
            ch.force(true);
        } catch (IOException e) {
            throw ioFailure(e);
        } finally {
            closeQuietly(ch);
        }
    }

    // ---- shape and template ---------------------------------------------------------------

    private EventTemplate template(EventRecord r) {
        byte[] bin = r.hasBinaryData() ? r.binaryData() : null;
        boolean binary = bin != null && bin.length > 0;
        recordBinary = binary ? bin : null;
        String rawGuid = r.providerGuidText(); // may format the GUID: once per record
        int presence = presence(r, binary, rawGuid != null);
        String providerName = r.providerName() == null ? null : text.clean(r.providerName(), "Provider Name");
        String guidText = rawGuid == null ? null : text.clean(rawGuid, "Provider Guid");
        String source = r.eventSourceName() == null ? null : text.clean(r.eventSourceName(), "EventSourceName");
        probe.reset(providerName, guidText, source, presence);
        xmlValues.clear();
        List<NamedValue> data = r.eventData();
        XmlFragment[] dataXml = null;
        for (int i = 0; i < data.size(); i++) {
            NamedValue nv = data.get(i);
            if (nv.value().type() == ValueType.EVT_XML) {
                String what = ValueEncoder.itemName(nv.name(), i);
                // an XML item (e.g. ComplexData) is part of the EventData structure itself
                XmlFragment f = XmlFragment.parse(text.clean(nv.value().asString(), what), what, 0);
                if (dataXml == null) {
                    dataXml = new XmlFragment[data.size()];
                }
                dataXml[i] = f;
                xmlValues.addAll(f.values);
                probe.addData(f.signature, ValueType.EVT_XML.code());
                continue;
            }
            String name = nv.name() == null ? null : text.clean(nv.name(), "Data Name");
            if (name != null && name.length() > BinXmlEmitter.MAX_TEXT_UNITS) {
                throw new EventRejectedException("Data Name of " + name.length() + " characters is longer than "
                        + BinXmlEmitter.MAX_TEXT_UNITS);
            }
            ValueEncoder.check(nv.value(), nv.name(), i);
            probe.addData(name, ValueEncoder.declaredType(nv.value()));
        }
        if (binary && bin.length > ValueEncoder.MAX_VALUE_BYTES) {
            throw ValueEncoder.tooLong("EventData Binary", bin.length);
        }
        checkText(r.channel(), "Channel");
        checkText(r.computer(), "Computer");
        XmlFragment userData = null;
        XmlFragment other = null;
        if (r.userDataXml() != null) {
            userData = XmlFragment.parse(text.clean(r.userDataXml(), "UserData"), "UserData", 0);
            xmlValues.addAll(userData.values);
        }
        if (r.otherXml() != null) {
            other = XmlFragment.parse(text.clean(r.otherXml(), "the extra event element"), "the extra event element", 0);
            xmlValues.addAll(other.values);
        }
        for (String v : xmlValues) {
            checkText(v, "UserData text");
        }
        probe.xmlSignatures(userData == null ? null : userData.signature, other == null ? null : other.signature);
        EventTemplate t = templates.get(probe);
        if (t == null) {
            if (templates.size() >= TEMPLATE_CACHE_LIMIT) {
                templates.clear();
                specShapes.clear();
            }
            TemplateKey key = probe.freeze();
            t = EventTemplate.build(key, dataXml, userData, other);
            templates.put(key, t);
        }
        return t;
    }

    private static void checkText(String s, String what) {
        if (s != null && 2L * s.length() > ValueEncoder.MAX_VALUE_BYTES) {
            throw ValueEncoder.tooLong(what, 2L * s.length());
        }
    }

    private static int presence(EventRecord r, boolean binary, boolean guid) {
        int p = 1 << Slot.RECORD_ID;
        p |= bit(r.providerName() != null, Slot.PROVIDER_NAME);
        p |= bit(guid, Slot.PROVIDER_GUID);
        p |= bit(r.eventSourceName() != null, Slot.EVENT_SOURCE);
        p |= bit(range(r.qualifiers(), 0xFFFF, "Qualifiers"), Slot.QUALIFIERS);
        p |= bit(range(r.version(), 0xFF, "Version"), Slot.VERSION);
        p |= bit(range(r.level(), 0xFF, "Level"), Slot.LEVEL);
        p |= bit(range(r.task(), 0xFFFF, "Task"), Slot.TASK);
        p |= bit(range(r.opcode(), 0xFF, "Opcode"), Slot.OPCODE);
        p |= bit(r.keywords() != null, Slot.KEYWORDS);
        p |= bit(r.timeCreated() != null, Slot.TIME);
        p |= bit(r.activityId() != null, Slot.ACTIVITY);
        p |= bit(r.relatedActivityId() != null, Slot.RELATED);
        p |= bit(range(r.processId(), "ProcessID"), Slot.PID);
        p |= bit(range(r.threadId(), "ThreadID"), Slot.TID);
        p |= bit(range(r.processorId() == null ? null : r.processorId() & 0xFFFFFFFFL, "ProcessorID"), Slot.PROCESSOR);
        p |= bit(range(r.sessionId() == null ? null : r.sessionId() & 0xFFFFFFFFL, "SessionID"), Slot.SESSION);
        p |= bit(range(r.kernelTime(), "KernelTime"), Slot.KERNEL);
        p |= bit(range(r.userTime(), "UserTime"), Slot.USER);
        p |= bit(r.processorTime() != null, Slot.PROCESSOR_TIME);
        p |= bit(r.channel() != null, Slot.CHANNEL);
        p |= bit(r.computer() != null, Slot.COMPUTER);
        p |= bit(r.userSid() != null, Slot.USER_SID);
        p |= bit(binary, Slot.BINARY);
        p |= bit(r.userDataXml() != null, Slot.USER_DATA);
        p |= bit(r.otherXml() != null, Slot.OTHER_XML);
        p |= bit(!r.eventData().isEmpty() || binary, Slot.EVENT_DATA);
        return p;
    }

    private static int bit(boolean present, int bit) {
        return present ? 1 << bit : 0;
    }

    private static boolean range(Integer v, int max, String what) {
        if (v == null) {
            return false;
        }
        if (v < 0 || v > max) {
            throw new EventRejectedException(what + " must be 0.." + max + " but is " + v);
        }
        return true;
    }

    private static boolean range(Long v, String what) {
        if (v == null) {
            return false;
        }
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new EventRejectedException(what + " must be an unsigned 32-bit value but is " + v);
        }
        return true;
    }

    /** FILETIME ticks of {@code t}; times before 1601 or after 30828 cannot be stored. */
    static long ticks(Instant t, String what) {
        long s = t.getEpochSecond();
        if (s < -FileTime.EPOCH_DIFF_SECONDS || s > Long.MAX_VALUE / 10_000_000L - FileTime.EPOCH_DIFF_SECONDS) {
            throw new EventRejectedException(what + " " + t + " is outside the FILETIME range (1601-01-01 .. 30828)");
        }
        return FileTime.toTicks(t);
    }

    // ---- file I/O -----------------------------------------------------------------------

    private void finishChunk() {
        try {
            writeChunk();
            if (chunkIndex + 1 >= EvtxLayout.MAX_CHUNKS) {
                throw new WinlogException(path + " reached the .evtx limit of " + EvtxLayout.MAX_CHUNKS
                        + " chunks (about 4 GiB); start a new file");
            }
            chunkIndex++;
            chunk.reset();
            chunkOnDisk = false;
            flushedPos = EvtxLayout.CHUNK_HEADER_SIZE;
            writeFileHeader(true);
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    /**
     * Brings the current chunk on disk up to date: its new record bytes first, then its header,
     * so a crash in between leaves the old, consistent header in place.
     */
    private void writeChunk() throws IOException {
        if (chunk.isEmpty() || (chunkOnDisk && flushedPos == chunk.pos)) {
            return;
        }
        chunk.writeHeader();
        long base = EvtxLayout.FILE_HEADER_BLOCK + (long) chunkIndex * EvtxLayout.CHUNK_SIZE;
        if (!chunkOnDisk) {
            writeFully(chunk.buf, EvtxLayout.CHUNK_HEADER_SIZE, EvtxLayout.CHUNK_SIZE - EvtxLayout.CHUNK_HEADER_SIZE,
                    base + EvtxLayout.CHUNK_HEADER_SIZE);
            chunkOnDisk = true;
            chunkCount = chunkIndex + 1;
        } else {
            writeFully(chunk.buf, flushedPos, chunk.pos - flushedPos, base + flushedPos);
        }
        writeFully(chunk.buf, 0, EvtxLayout.CHUNK_HEADER_SIZE, base);
        flushedPos = chunk.pos;
    }

    private void writeFileHeader(boolean dirty) throws IOException {
        FileHeader h = new FileHeader(0, Math.max(0, chunkCount - 1), nextRecordId, minorVersion, chunkCount,
                dirty ? EvtxLayout.FLAG_DIRTY : 0);
        writeFully(h.toBytes(), 0, EvtxLayout.FILE_HEADER_BLOCK, 0);
    }

    private void writeFully(byte[] b, int off, int len, long at) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(b, off, len);
        long p = at;
        while (bb.hasRemaining()) {
            p += ch.write(bb, p);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("EvtxWriter for " + path + " is closed");
        }
    }

    private WinlogException ioFailure(IOException e) {
        return new WinlogException("writing " + path + " failed: " + e.getMessage()
                + "; the file keeps every record flushed before the failure", e);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing or closing
            }
        }
    }
}
