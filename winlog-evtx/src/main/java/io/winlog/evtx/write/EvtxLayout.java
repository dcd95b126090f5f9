package io.winlog.evtx.write;

/**
 * The fixed numbers of the .evtx format that the writer needs: sizes and offsets of the file
 * header, the chunk header and the record header (see libevtx's "Windows XML Event Log (EVTX)
 * format" documentation for the field names).
 */
final class EvtxLayout {
    private EvtxLayout() {
    }

    static final byte[] FILE_MAGIC = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};
    static final byte[] CHUNK_MAGIC = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};

    /** The file header block: 4096 bytes, of which the first 128 are used. */
    static final int FILE_HEADER_BLOCK = 4096;
    static final int FILE_HEADER_SIZE = 128;
    /** The file header CRC32 covers bytes 0..119. */
    static final int FILE_HEADER_CRC_SPAN = 120;
    static final int FILE_FLAGS_OFFSET = 120;
    static final int FILE_CRC_OFFSET = 124;
    static final int FLAG_DIRTY = 0x1;
    static final int FLAG_FULL = 0x2;
    static final int MAJOR_VERSION = 3;
    static final int MINOR_VERSION = 1;
    /** The chunk count is a 16-bit field. */
    static final int MAX_CHUNKS = 0xFFFF;

    static final int CHUNK_SIZE = 0x10000;
    static final int CHUNK_HEADER_SIZE = 512;
    static final int CHUNK_STRING_TABLE = 128;
    static final int CHUNK_STRING_BUCKETS = 64;
    static final int CHUNK_TEMPLATE_TABLE = 384;
    static final int CHUNK_TEMPLATE_BUCKETS = 32;
    /**
     * Records end at or before this chunk offset. Windows never fills a chunk further (the
     * highest free-space offset in the sample files is 65520), and libevtx 20181227 drops a
     * last record that ends within a few bytes of 65536.
     */
    static final int CHUNK_RECORDS_END = CHUNK_SIZE - 16;
    /** The most record bytes one chunk can hold: a record can never be larger. */
    static final int MAX_RECORD_SIZE = CHUNK_RECORDS_END - CHUNK_HEADER_SIZE;
    /** Windows pads every record to a multiple of 8 bytes. */
    static final int RECORD_ALIGNMENT = 8;

    static final int RECORD_MAGIC = 0x00002a2a;
    static final int RECORD_HEADER_SIZE = 24;
}
