package io.winlog.evtx.write;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * One 64 KiB chunk being built in memory: the bytes, the write position, the chunk's string
 * table (element and attribute names, each stored once per chunk and then referenced by offset,
 * as Windows does) and its template table, plus an undo log so a record that does not fit can
 * be taken back out completely.
 *
 * <p>Records are only ever appended, and every byte of a committed record is final (a new
 * name or template is linked in front of its hash chain, so nothing written earlier is patched).
 * That keeps the event-records CRC32 incremental and lets the writer flush just the new bytes.
 *
 * <p>Not thread-safe: owned by one {@link EvtxWriter}, which serialises access.
 */
final class ChunkImage {
    final byte[] buf = new byte[EvtxLayout.CHUNK_SIZE];
    /** Current write position (chunk-relative). Between records: the free space offset. */
    int pos;

    private final Map<String, Integer> names = new HashMap<>();
    private final int[] stringBuckets = new int[EvtxLayout.CHUNK_STRING_BUCKETS];
    private final int[] templateBuckets = new int[EvtxLayout.CHUNK_TEMPLATE_BUCKETS];
    private final Map<EventTemplate, Integer> templates = new IdentityHashMap<>();
    private final CRC32 recordsCrc = new CRC32();

    // undo log of the record being encoded
    private final List<String> addedNames = new ArrayList<>();
    private final List<int[]> stringBucketUndo = new ArrayList<>();
    private final List<EventTemplate> addedTemplates = new ArrayList<>();
    private final List<int[]> templateBucketUndo = new ArrayList<>();
    private int recordStart;

    long firstRecordId;
    long lastRecordId;
    int lastRecordOffset;
    int recordCount;

    ChunkImage() {
        reset();
    }

    /** Empties the chunk for reuse. */
    void reset() {
        java.util.Arrays.fill(buf, (byte) 0);
        pos = EvtxLayout.CHUNK_HEADER_SIZE;
        names.clear();
        java.util.Arrays.fill(stringBuckets, 0);
        java.util.Arrays.fill(templateBuckets, 0);
        templates.clear();
        recordsCrc.reset();
        firstRecordId = 0;
        lastRecordId = 0;
        lastRecordOffset = 0;
        recordCount = 0;
    }

    boolean isEmpty() {
        return recordCount == 0;
    }

    // ---- record transaction ---------------------------------------------------------------

    void beginRecord() {
        recordStart = pos;
        addedNames.clear();
        stringBucketUndo.clear();
        addedTemplates.clear();
        templateBucketUndo.clear();
    }

    /** Takes the record being encoded back out: position, names, templates. */
    void rollbackRecord() {
        for (int i = stringBucketUndo.size() - 1; i >= 0; i--) {
            int[] u = stringBucketUndo.get(i);
            stringBuckets[u[0]] = u[1];
        }
        for (String n : addedNames) {
            names.remove(n);
        }
        for (int i = templateBucketUndo.size() - 1; i >= 0; i--) {
            int[] u = templateBucketUndo.get(i);
            templateBuckets[u[0]] = u[1];
        }
        for (EventTemplate t : addedTemplates) {
            templates.remove(t);
        }
        java.util.Arrays.fill(buf, recordStart, Math.min(pos, buf.length), (byte) 0);
        pos = recordStart;
    }

    /** Commits the record that starts at the record start and ends at {@link #pos}. */
    void commitRecord(long recordId) {
        if (recordCount == 0) {
            firstRecordId = recordId;
        }
        lastRecordId = recordId;
        lastRecordOffset = recordStart;
        recordCount++;
        recordsCrc.update(buf, recordStart, pos - recordStart);
    }

    int recordStart() {
        return recordStart;
    }

    // ---- low-level little-endian writes (bounds-checked against the chunk end) -------------

    void ensure(int n) {
        if (pos + n > EvtxLayout.CHUNK_RECORDS_END) {
            throw ChunkFullException.INSTANCE;
        }
    }

    void u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        buf[pos] = (byte) v;
        buf[pos + 1] = (byte) (v >>> 8);
        pos += 2;
    }

    void u32(int v) {
        ensure(4);
        putU32(pos, v);
        pos += 4;
    }

    void u64(long v) {
        ensure(8);
        putU32(pos, (int) v);
        putU32(pos + 4, (int) (v >>> 32));
        pos += 8;
    }

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    void putU16(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
    }

    void putU32(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }

    void putU64(int at, long v) {
        putU32(at, (int) v);
        putU32(at + 4, (int) (v >>> 32));
    }

    // ---- names --------------------------------------------------------------------------

    /**
     * Writes a name reference at the current position: the chunk offset of the name, followed
     * inline by the name itself the first time the chunk uses it (it then joins the string
     * table, in front of its hash bucket's chain).
     */
    void nameRef(String name) {
        Integer known = names.get(name);
        if (known != null) {
            u32(known);
            return;
        }
        int at = pos + 4;
        u32(at);
        int hash = nameHash(name);
        int bucket = hash % EvtxLayout.CHUNK_STRING_BUCKETS;
        ensure(8 + 2 * name.length() + 2);
        u32(stringBuckets[bucket]);
        u16(hash);
        u16(name.length());
        for (int i = 0; i < name.length(); i++) {
            u16(name.charAt(i));
        }
        u16(0);
        stringBucketUndo.add(new int[] {bucket, stringBuckets[bucket]});
        stringBuckets[bucket] = at;
        names.put(name, at);
        addedNames.add(name);
    }

    /** The 16-bit name hash Windows stores: h = h * 65599 + c over the UTF-16 code units. */
    static int nameHash(String s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = h * 65599 + s.charAt(i);
        }
        return h & 0xFFFF;
    }

    // ---- templates ----------------------------------------------------------------------

    /** The chunk offset of this template's definition, or -1 when the chunk has none yet. */
    int templateOffset(EventTemplate t) {
        Integer o = templates.get(t);
        return o == null ? -1 : o;
    }

    /**
     * Registers the definition about to be written at the current position and returns the
     * "next template" link to write into it.
     */
    int addTemplate(EventTemplate t) {
        int bucket = (t.templateId() & 0x7FFFFFFF) % EvtxLayout.CHUNK_TEMPLATE_BUCKETS;
        int next = templateBuckets[bucket];
        templateBucketUndo.add(new int[] {bucket, next});
        templateBuckets[bucket] = pos;
        templates.put(t, pos);
        addedTemplates.add(t);
        return next;
    }

    // ---- header -------------------------------------------------------------------------

    /** Fills in the 512-byte chunk header for the records committed so far. */
    void writeHeader() {
        System.arraycopy(EvtxLayout.CHUNK_MAGIC, 0, buf, 0, 8);
        // record numbers and identifiers: the writer keeps them equal, as Windows does
        putU64(8, firstRecordId);
        putU64(16, lastRecordId);
        putU64(24, firstRecordId);
        putU64(32, lastRecordId);
        putU32(40, 128);
        putU32(44, lastRecordOffset);
        putU32(48, pos);
        putU32(52, (int) recordsCrc.getValue());
        for (int i = 0; i < stringBuckets.length; i++) {
            putU32(EvtxLayout.CHUNK_STRING_TABLE + 4 * i, stringBuckets[i]);
        }
        for (int i = 0; i < templateBuckets.length; i++) {
            putU32(EvtxLayout.CHUNK_TEMPLATE_TABLE + 4 * i, templateBuckets[i]);
        }
        CRC32 crc = new CRC32();
        crc.update(buf, 0, 120);
        crc.update(buf, 128, EvtxLayout.CHUNK_HEADER_SIZE - 128);
        putU32(124, (int) crc.getValue());
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
