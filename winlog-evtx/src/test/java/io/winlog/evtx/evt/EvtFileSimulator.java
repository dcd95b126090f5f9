package io.winlog.evtx.evt;

import io.winlog.evtx.classic.EventLogRecordCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Test helper that writes a .evt image the way the event log service does: records appended
 * into a circular buffer after the 48-byte header, a record that does not fit at the end split
 * and continued at 0x30, the oldest records given up to make room (their bytes stay until
 * overwritten), the end-of-file record rewritten after every record, and the header updated
 * only when the log is "closed".
 */
final class EvtFileSimulator {
    private final byte[] file;
    private final int capacity;
    private int start = EvtFileHeader.SIZE;
    private int end = EvtFileHeader.SIZE;
    private long next = 1;
    private long oldest = 1;
    private int used;
    private boolean wrapped;
    /** {record number, offset, length} of the live records, oldest first. */
    private final Deque<long[]> live = new ArrayDeque<>();

    EvtFileSimulator(int fileSize) {
        this.file = new byte[fileSize];
        this.capacity = fileSize - EvtFileHeader.SIZE;
        writeEof();
    }

    long nextRecordNumber() {
        return next;
    }

    /** Appends a record (its RecordNumber field is set to the next number). Returns its offset. */
    int append(byte[] record) {
        if (record.length + EvtEofRecord.SIZE > capacity) {
            throw new IllegalArgumentException("record too large for the file");
        }
        ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN).putInt(8, (int) next);
        while (used + record.length + EvtEofRecord.SIZE > capacity) {
            long[] gone = live.removeFirst();
            used -= (int) gone[2];
            start = advance(start, (int) gone[2]);
            oldest = gone[0] + 1;
            wrapped = true;
        }
        int at = end;
        put(at, record);
        live.addLast(new long[] {next, at, record.length});
        used += record.length;
        end = advance(end, record.length);
        next++;
        if (live.size() == 1) {
            start = at;
            oldest = next - 1;
        }
        writeEof();
        return at;
    }

    /** Live records {number, offset, length}, oldest first. */
    Deque<long[]> live() {
        return live;
    }

    /** The file as the service leaves it when it closes the log (header current, not dirty). */
    byte[] closedImage() {
        byte[] out = file.clone();
        header(out, start, end, next, live.isEmpty() ? 0 : oldest, wrapped ? EvtFileHeader.WRAPPED : 0);
        return out;
    }

    /** The file copied while the log is open: dirty, header values from an earlier moment. */
    byte[] dirtyImage(int staleStart, int staleEnd, long staleNext, long staleOldest) {
        byte[] out = file.clone();
        header(out, staleStart, staleEnd, staleNext, staleOldest, EvtFileHeader.DIRTY | (wrapped ? EvtFileHeader.WRAPPED : 0));
        return out;
    }

    private void header(byte[] out, int s, int e, long cur, long old, int flags) {
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0x30).putInt(4, EventLogRecordCodec.SIGNATURE).putInt(8, 1).putInt(12, 1).putInt(16, s).putInt(20, e)
                .putInt(24, (int) cur).putInt(28, (int) old).putInt(32, out.length).putInt(36, flags).putInt(40, 0)
                .putInt(44, 0x30);
    }

    private void writeEof() {
        ByteBuffer b = ByteBuffer.allocate(EvtEofRecord.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x28).putInt(0x11111111).putInt(0x22222222).putInt(0x33333333).putInt(0x44444444)
                .putInt(start).putInt(end).putInt((int) next).putInt(live.isEmpty() ? 0 : (int) oldest).putInt(0x28);
        put(end, b.array());
    }

    private void put(int at, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            file[advance(at, i)] = bytes[i];
        }
    }

    private int advance(int p, int n) {
        return EvtFileHeader.SIZE + (p - EvtFileHeader.SIZE + n) % capacity;
    }
}
