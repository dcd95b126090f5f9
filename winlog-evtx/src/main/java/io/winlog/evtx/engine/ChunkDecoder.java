package io.winlog.evtx.engine;

import io.winlog.api.CorruptInputException;
import io.winlog.api.event.FileTime;
import io.winlog.evtx.ChunkHealth;
import io.winlog.evtx.Diagnostic;
import io.winlog.evtx.EvtxRecord;
import io.winlog.evtx.RawRecord;
import io.winlog.evtx.binxml.BinXmlNode;
import io.winlog.evtx.binxml.BinXmlParser;
import io.winlog.evtx.binxml.TemplateExpander;
import io.winlog.evtx.chunk.EvtxChunkHeader;
import io.winlog.evtx.chunk.LittleEndian;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one 64 KiB chunk into records, independently of every other chunk (which is what makes
 * parallel decoding possible).
 *
 * <p>Damage handling: a chunk with a bad magic is skipped (scanned for records in recover mode); a
 * CRC mismatch is reported and the records are still read, each checked on its own (magic, size,
 * trailing size copy, well-formed BinXml); a damaged record is skipped and the scan resynchronises
 * on the next record magic. The loop always advances, so it ends on any input. In strict mode the
 * first problem throws {@link CorruptInputException}.
 */
public final class ChunkDecoder {
    private static final int RECORD_HEADER = 24;
    private static final int MIN_RECORD = RECORD_HEADER + 4 + 1;

    private final boolean strict;
    private final boolean recover;

    public ChunkDecoder(boolean strict, boolean recover) {
        this.strict = strict;
        this.recover = recover;
    }

    /**
     * Decodes a chunk.
     *
     * @param buf          the chunk bytes ({@code buf[0]} is the chunk magic)
     * @param len          valid bytes (less than 64 KiB for a truncated last chunk)
     * @param fileOffset   the chunk's file offset
     * @param index        the chunk index in file order
     * @param beyondHeader true when the chunk lies beyond the file header's chunk count
     */
    public DecodedChunk decode(byte[] buf, int len, long fileOffset, int index, boolean beyondHeader) {
        List<EvtxRecord> records = new ArrayList<>();
        return decode(buf, len, fileOffset, index, beyondHeader, records::add, records);
    }

    /**
     * Decodes a chunk into {@code sink} (records in chunk order); the result's record list is
     * empty.
     */
    public DecodedChunk decode(byte[] buf, int len, long fileOffset, int index, boolean beyondHeader, RecordSink sink) {
        return decode(buf, len, fileOffset, index, beyondHeader, sink, List.of());
    }

    private DecodedChunk decode(byte[] buf, int len, long fileOffset, int index, boolean beyondHeader, RecordSink sink,
                                List<EvtxRecord> records) {
        List<Diagnostic> diags = new ArrayList<>();
        List<String> issues = new ArrayList<>();
        if (len < EvtxChunkHeader.SIZE || isZero(buf, Math.min(len, 8))) {
            if (len >= EvtxChunkHeader.SIZE && isZero(buf, len)) {
                return new DecodedChunk(records, diags, health(index, fileOffset, ChunkHealth.Status.EMPTY, null, 0, 0, 0, 0,
                        issues));
            }
            if (len < EvtxChunkHeader.SIZE) {
                problem(diags, issues, Diagnostic.Severity.ERROR, fileOffset, index,
                        "truncated chunk of " + len + " bytes (file ends inside a chunk header); skipped");
                return new DecodedChunk(records, diags, health(index, fileOffset, ChunkHealth.Status.UNREADABLE, null, 0, 0,
                        0, 0, issues));
            }
        }
        EvtxChunkHeader h = EvtxChunkHeader.parse(buf, len);
        BinXmlParser parser = new BinXmlParser(buf, len, fileOffset);
        int[] counts = new int[3]; // read, failed, recovered
        if (!h.magicValid()) {
            problem(diags, issues, Diagnostic.Severity.ERROR, fileOffset, index,
                    "bad chunk magic (expected 'ElfChnk'); chunk skipped" + (recover ? ", scanning it for records" : ""));
            if (recover) {
                scan(buf, len, EvtxChunkHeader.SIZE, len, fileOffset, index, true, parser, sink, diags, issues, counts);
            }
            return new DecodedChunk(records, diags, health(index, fileOffset, ChunkHealth.Status.UNREADABLE, h, counts[0],
                    counts[1], counts[2], parser.templateCount(), issues));
        }
        boolean damaged = false;
        if (beyondHeader) {
            problem(diags, issues, Diagnostic.Severity.INFO, fileOffset, index,
                    "chunk lies beyond the file header's chunk count (log not closed cleanly); reading it");
        }
        if (!h.headerChecksumValid()) {
            if (h.headerChecksum() == 0) {
                problem(diags, issues, Diagnostic.Severity.INFO, fileOffset + 124, index, "chunk header CRC32 not set");
            } else {
                damaged = true;
                problem(diags, issues, Diagnostic.Severity.ERROR, fileOffset + 124, index,
                        "chunk header CRC32 mismatch; reading records with per-record checks");
            }
        }
        boolean truncated = len < EvtxChunkHeader.CHUNK_SIZE;
        int limit;
        if (h.freeSpaceOffsetValid() && h.freeSpaceOffset() <= len) {
            limit = (int) h.freeSpaceOffset();
            long crc = EvtxChunkHeader.dataCrc(buf, limit);
            if (crc != h.dataChecksum()) {
                if (h.dataChecksum() == 0) {
                    problem(diags, issues, Diagnostic.Severity.INFO, fileOffset + 52, index, "event records CRC32 not set");
                } else {
                    damaged = true;
                    problem(diags, issues, Diagnostic.Severity.ERROR, fileOffset + 52, index,
                            "event records CRC32 mismatch; reading records with per-record checks");
                }
            }
        } else if (truncated) {
            damaged = true;
            problem(diags, issues, Diagnostic.Severity.ERROR, fileOffset, index, "truncated chunk (" + len
                    + " of 65536 bytes): its records cannot be verified" + (recover ? "; recovering them" : "; skipped"));
            if (recover) {
                scan(buf, len, EvtxChunkHeader.SIZE, len, fileOffset, index, true, parser, sink, diags, issues, counts);
            }
            return new DecodedChunk(records, diags, health(index, fileOffset, ChunkHealth.Status.UNREADABLE, h, counts[0],
                    counts[1], counts[2], parser.templateCount(), issues));
        } else {
            damaged = true;
            limit = len;
            problem(diags, issues, Diagnostic.Severity.ERROR, fileOffset + 48, index,
                    "free space offset " + h.freeSpaceOffset() + " is outside the chunk; scanning the whole chunk");
        }
        scan(buf, len, EvtxChunkHeader.SIZE, limit, fileOffset, index, false, parser, sink, diags, issues, counts);
        if (recover && limit < len) {
            int before = counts[2];
            scan(buf, len, limit, len, fileOffset, index, true, parser, sink, diags, issues, counts);
            int found = counts[2] - before;
            if (found > 0) {
                problem(diags, issues, Diagnostic.Severity.INFO, fileOffset + limit, index,
                        "recovered " + found + " record(s) from the chunk's free space");
            }
        }
        ChunkHealth.Status status = damaged || counts[1] > 0 ? ChunkHealth.Status.DAMAGED : ChunkHealth.Status.OK;
        return new DecodedChunk(records, diags, health(index, fileOffset, status, h, counts[0], counts[1], counts[2],
                parser.templateCount(), issues));
    }

    /**
     * Reads records in {@code [from, to)}. In slack mode ({@code recovering}) only positions with
     * a plausible record are considered and failures are silent (slack is mostly garbage).
     */
    private void scan(byte[] buf, int len, int from, int to, long fileOffset, int index, boolean recovering,
                      BinXmlParser parser, RecordSink out, List<Diagnostic> diags, List<String> issues, int[] counts) {
        int pos = from;
        boolean resyncing = false;
        while (pos + MIN_RECORD <= to) {
            if (!EvtxChunkHeader.isRecordMagic(buf, pos)) {
                if (!recovering && !resyncing) {
                    // The area should be packed with records up to the free space offset.
                    if (isZero(buf, pos, Math.min(to, pos + 8))) {
                        problem(diags, issues, Diagnostic.Severity.INFO, fileOffset + pos, index,
                                "zero-filled space before the free space offset; records end here");
                        return;
                    }
                    problem(diags, issues, Diagnostic.Severity.ERROR, fileOffset + pos, index,
                            "no record magic where a record should start; resynchronising on the next record");
                    resyncing = true;
                }
                pos = nextMagic(buf, pos + 1, to);
                continue;
            }
            long size = LittleEndian.u32(buf, pos + 4);
            boolean sizeFits = size >= MIN_RECORD && pos + size <= len && pos + size <= (recovering ? len : to);
            if (!sizeFits || LittleEndian.u32(buf, (int) (pos + size - 4)) != size) {
                if (sizeFits && recover && salvage(buf, pos, (int) size, fileOffset, index, parser, out)) {
                    // A record whose tail was overwritten (trailing size copy differs) but whose
                    // BinXml is complete: kept as recovered, then resynchronise inside it.
                    counts[2]++;
                    problem(diags, issues, Diagnostic.Severity.INFO, fileOffset + pos, index,
                            "record with a damaged trailing size copy recovered");
                    resyncing = true;
                    pos = nextMagic(buf, pos + 1, to);
                    continue;
                }
                if (!recovering) {
                    counts[1]++;
                    problem(diags, issues, Diagnostic.Severity.ERROR, fileOffset + pos, index, "record size " + size
                            + " is impossible or its trailing copy differs; skipped");
                    resyncing = true;
                }
                pos = nextMagic(buf, pos + 1, to);
                continue;
            }
            long number = LittleEndian.i64(buf, pos + 8);
            long ticks = LittleEndian.i64(buf, pos + 16);
            if (!recovering && out.offer(new RawRecord(parser, pos + RECORD_HEADER, (int) (pos + size - 4), number, ticks,
                    fileOffset + pos, index))) {
                counts[0]++;
                resyncing = false;
                pos += (int) size;
                continue;
            }
            try {
                List<BinXmlNode> doc = parser.parseDocument(pos + RECORD_HEADER, (int) (pos + size - 4));
                // Checked now (a bad record is skipped here, with its diagnostic), expanded on demand.
                TemplateExpander.check(doc, fileOffset + pos);
                out.accept(new EvtxRecord(number, FileTime.toInstant(ticks), fileOffset + pos, index, recovering, doc));
                counts[recovering ? 2 : 0]++;
                resyncing = false;
                pos += (int) size;
            } catch (CorruptInputException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
                // Model constructors reject impossible values (IllegalArgument/State); treated like any
                // other damage of this record.
                if (recovering) {
                    pos = nextMagic(buf, pos + 1, to);
                    continue;
                }
                counts[1]++;
                long at = e instanceof CorruptInputException c ? c.offset() : fileOffset + pos;
                problem(diags, issues, Diagnostic.Severity.ERROR, at, index,
                        "record " + number + " skipped: " + e.getMessage());
                pos += (int) size; // the size was consistent: the next record follows
            }
        }
    }

    private static boolean salvage(byte[] buf, int pos, int size, long fileOffset, int index, BinXmlParser parser,
                                   RecordSink out) {
        try {
            List<BinXmlNode> doc = parser.parseDocument(pos + RECORD_HEADER, pos + size - 4);
            TemplateExpander.check(doc, fileOffset + pos);
            out.accept(new EvtxRecord(LittleEndian.i64(buf, pos + 8), FileTime.toInstant(LittleEndian.i64(buf, pos + 16)),
                    fileOffset + pos, index, true, doc));
            return true;
        } catch (CorruptInputException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static int nextMagic(byte[] buf, int from, int to) {
        for (int p = from; p + 4 <= to; p++) {
            if (buf[p] == 0x2a && EvtxChunkHeader.isRecordMagic(buf, p)) {
                return p;
            }
        }
        return to;
    }

    private void problem(List<Diagnostic> diags, List<String> issues, Diagnostic.Severity sev, long offset, int index,
                         String msg) {
        if (strict && sev == Diagnostic.Severity.ERROR) {
            throw new CorruptInputException("chunk " + index + ": " + msg, offset);
        }
        diags.add(new Diagnostic(sev, offset, index, msg));
        issues.add(msg + " (offset " + offset + ")");
    }

    private static ChunkHealth health(int index, long fileOffset, ChunkHealth.Status status, EvtxChunkHeader h, int read,
                                      int failed, int recovered, int templates, List<String> issues) {
        return new ChunkHealth(index, fileOffset, status, h == null ? 0 : h.firstRecordNumber(),
                h == null ? 0 : h.lastRecordNumber(), h == null ? 0 : h.firstRecordId(), h == null ? 0 : h.lastRecordId(),
                h == null ? 0 : h.freeSpaceOffset(), read, failed, recovered, templates, List.copyOf(issues));
    }

    private static boolean isZero(byte[] b, int len) {
        return isZero(b, 0, len);
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
