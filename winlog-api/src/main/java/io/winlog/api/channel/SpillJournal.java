package io.winlog.api.channel;

import io.winlog.api.CorruptInputException;
import io.winlog.api.WinlogException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

/**
 * The append-only on-disk journal behind {@link BackpressurePolicy#SPILL}: one per subscriber
 * directory, holding in order every accepted event ({@link SpillMode#WRITE_AHEAD}) or the events
 * that overflowed the ring ({@link SpillMode#OVERFLOW}), plus a durable read position (the
 * acknowledgement). The format is the same for both modes.
 *
 * <h2>Files</h2>
 * <pre>
 * journal.wlj  header: int magic 'WLJ1', int version 1, long generation        (16 bytes, little-endian)
 *              records: int length, int CRC-32C of payload, payload             (appended)
 * journal.ack  two 32-byte slots, written alternately:
 *              long counter, long generation, long offset, int CRC-32C of the 24 bytes before, int 0
 * </pre>
 * The valid ack slot with the highest counter wins, so a torn ack write falls back to the previous
 * acknowledgement (a possible redelivery, never a loss). The ack applies only to the journal with
 * the same generation; when the journal is fully read it is truncated and its generation bumped,
 * so a crash between truncation and the new ack can never skip records. A torn record at the end
 * (process killed mid-append) fails its length or CRC check and is cut off on open: that event's
 * publish never returned.
 *
 * <h2>Durability</h2>
 * Every append and acknowledgement is a positional {@code write} straight to the file (no
 * user-space buffering), so it survives a process kill as soon as the call returns. With
 * {@code sync}, {@link #awaitDurable} {@code fsync}s as a <em>group commit</em>: appenders write
 * under the spill lock, then outside it wait until one {@code fsync} covers their bytes; the
 * thread that does the {@code fsync} covers everything written before it started, so N
 * concurrent producers share one {@code fsync} instead of queueing for N. Acknowledgements are
 * {@code fsync}ed too (a lost ack only means redelivery).
 *
 * <h2>Compaction</h2>
 * {@link #compact} (spill lock holder, on the consumer) drops the acknowledged prefix: it copies
 * the unread records into {@code journal.wlj.tmp} under a new generation, renames it over
 * {@code journal.wlj} (atomic), then writes the ack. A kill before the rename leaves the old
 * journal and ack valid (the tmp file is deleted on open); a kill after it leaves an ack of the
 * old generation, which does not apply, so the new file is replayed from its start: exactly the
 * records that were unread.
 *
 * <h2>Threads</h2>
 * {@link #append}, {@link #reset} and {@link #compact} run under the subscriber's spill lock;
 * {@link #next}, {@link #acknowledge} run on the consumer. Appends publish the new end with a
 * volatile store ({@code committedEnd}) after the bytes are written, and the consumer never
 * reads past it.
 */
final class SpillJournal implements Closeable {
    static final String JOURNAL_FILE = "journal.wlj";
    static final String ACK_FILE = "journal.ack";
    static final String COMPACT_FILE = "journal.wlj.tmp";
    static final int MAGIC = 0x314A4C57; // "WLJ1" little-endian
    static final int VERSION = 1;
    static final int HEADER = 16;
    static final int RECORD_HEADER = 8;
    /** Largest record accepted; a larger length field is corruption. */
    static final int MAX_RECORD = 64 << 20;
    private static final int ACK_SLOT = 32;
    /** Replay reads the journal in chunks of this size (records are parsed from it), not two reads per record. */
    static final int READ_AHEAD = 64 << 10;

    private final Path directory;
    private final boolean sync;
    /** Replaced by {@link #compact} (spill lock and sync lock held, so no reader or appender uses it). */
    private FileChannel data;
    private final FileChannel ackChannel;
    private final FileLock lock;
    private final List<CorruptInputException> openProblems = new ArrayList<>();
    private final long recoveredRecords;

    private long generation;
    private long ackCounter;
    /** Next append position; spill lock holder only. */
    private long appendPosition;
    /** End of the fully written records: volatile store after each append, read by the consumer. */
    private volatile long committedEnd;
    /** Next record to read; consumer only. */
    private long readPosition;
    /** Bytes ever appended (all generations), written by the lock holder; the group commit's clock. */
    private volatile long writtenTotal;
    /** {@link #writtenTotal} covered by the last completed {@code fsync}. */
    private volatile long syncedTotal;
    /** Held while one thread fsyncs for everybody (group commit), and by {@link #compact}. */
    private final ReentrantLock syncLock = new ReentrantLock();
    private long lastAcknowledged;
    private ByteBuffer writeBuffer = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    /** Consumer only: a copy of the journal bytes {@code [readAheadStart, readAheadStart + readAheadLength)}. */
    private final ByteBuffer readAhead = ByteBuffer.allocate(READ_AHEAD).order(ByteOrder.LITTLE_ENDIAN);
    private long readAheadStart;
    private int readAheadLength;
    private final ByteBuffer ackBuffer = ByteBuffer.allocate(ACK_SLOT).order(ByteOrder.LITTLE_ENDIAN);
    /** One checksum state per role: appends (lock holder), acks (consumer), reads (consumer and open). */
    private final CRC32C appendCrc = new CRC32C();
    private final CRC32C ackCrc = new CRC32C();
    private final CRC32C readCrc = new CRC32C();

    /** How long {@link #lockWithGrace} keeps trying a lock another process holds. */
    private static final long LOCK_GRACE_NANOS = 3_000_000_000L;

    /**
     * Takes the journal's exclusive lock. A lock held in this JVM fails at once (two subscribers
     * on one directory: a configuration error). A lock held by another process is retried for a
     * few seconds, because a process restarted right after its predecessor was killed can find
     * the lock not yet released: Windows frees a killed process's locks "depending upon available
     * system resources" (LockFileEx), not at once as POSIX does.
     *
     * @return the lock, or null if it is still held after the grace period
     */
    private static FileLock lockWithGrace(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + LOCK_GRACE_NANOS;
        for (int attempt = 0; attempt < 1_000; attempt++) { // bounded; the deadline ends it first
            FileLock l;
            try {
                l = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return null;
            }
            if (l != null || System.nanoTime() - deadline >= 0) {
                return l;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private SpillJournal(Path directory, boolean sync) throws IOException {
        this.directory = directory;
        this.sync = sync;
        Files.createDirectories(directory);
        this.ackChannel = FileChannel.open(directory.resolve(ACK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock l = lockWithGrace(ackChannel);
        if (l == null) {
            ackChannel.close();
            throw new WinlogException("The spill journal in " + directory + " is in use by another subscriber or process;"
                    + " give each SPILL subscriber its own directory");
        }
        this.lock = l;
        // A compaction killed before its rename: the old journal is still the valid one.
        Files.deleteIfExists(directory.resolve(COMPACT_FILE));
        this.data = FileChannel.open(directory.resolve(JOURNAL_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.recoveredRecords = recover();
    }

    /**
     * Opens (or creates) the journal in {@code directory}, validates it, cuts off a torn tail and
     * positions the reader after the last acknowledgement.
     *
     * @throws WinlogException if the directory is locked by another subscriber or cannot be used
     */
    static SpillJournal open(Path directory, boolean sync) {
        try {
            return new SpillJournal(directory, sync);
        } catch (IOException e) {
            throw new WinlogException("Cannot open the spill journal in " + directory + ": " + e
                    + "; check that the directory is writable and on a local disk", e);
        }
    }

    /** Problems found while opening (torn tail, bad header, bad ack), each with its offset. */
    List<CorruptInputException> openProblems() {
        return openProblems;
    }

    /** Records after the acknowledgement when the journal was opened. */
    long recoveredRecords() {
        return recoveredRecords;
    }

    private long recover() throws IOException {
        long size = data.size();
        long ackGeneration = -1;
        long ackOffset = HEADER;
        // Ack: pick the valid slot with the highest counter.
        long best = -1;
        for (int slot = 0; slot < 2; slot++) {
            ackBuffer.clear();
            if (readFully(ackChannel, ackBuffer, (long) slot * ACK_SLOT) < ACK_SLOT) {
                continue;
            }
            ackBuffer.flip();
            long counter = ackBuffer.getLong(0);
            ackCrc.reset();
            ackCrc.update(ackBuffer.array(), 0, 24);
            if ((int) ackCrc.getValue() != ackBuffer.getInt(24)) {
                if (counter != 0 || ackBuffer.getLong(8) != 0) {
                    openProblems.add(new CorruptInputException("Spill journal acknowledgement slot " + slot + " in "
                            + directory.resolve(ACK_FILE) + " has a bad checksum (torn write?); using the other slot", (long) slot * ACK_SLOT));
                }
                continue;
            }
            if (counter > best) {
                best = counter;
                ackGeneration = ackBuffer.getLong(8);
                ackOffset = ackBuffer.getLong(16);
            }
        }
        ackCounter = Math.max(best, 0);

        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        boolean headerOk = size >= HEADER && readFully(data, header, 0) == HEADER
                && header.getInt(0) == MAGIC && header.getInt(4) == VERSION;
        if (!headerOk) {
            if (size > 0) {
                openProblems.add(new CorruptInputException("Spill journal " + directory.resolve(JOURNAL_FILE)
                        + " has no valid header (size " + size + "); starting a new journal", 0));
            }
            // New or unusable journal: a generation the ack cannot match.
            startGeneration(Math.max(ackGeneration, 0) + 1);
            return 0;
        }
        generation = header.getLong(8);
        long start = ackGeneration == generation ? ackOffset : HEADER;
        if (start < HEADER || start > size) {
            if (start > size) { // truncated after being read; nothing unread
                start = size;
            } else {
                start = HEADER;
            }
        }
        // Validate every unread record; cut off at the first bad one.
        long pos = start;
        long count = 0;
        while (pos < size) {
            int length = checkRecord(pos, size);
            if (length < 0) {
                openProblems.add(new CorruptInputException("Spill journal " + directory.resolve(JOURNAL_FILE)
                        + " has a torn or corrupt record (process killed mid-write?); discarding " + (size - pos) + " bytes from here", pos));
                data.truncate(pos);
                break;
            }
            pos += RECORD_HEADER + length;
            count++;
        }
        readAheadLength = 0; // the tail may have been cut; the reader starts fresh
        appendPosition = pos;
        committedEnd = pos;
        readPosition = start;
        lastAcknowledged = start;
        return count;
    }

    /**
     * Checks the record at {@code pos} (length bounds and CRC-32C) through the read-ahead buffer,
     * without allocating. Returns its payload length, or -1 if it is torn or corrupt.
     */
    private int checkRecord(long pos, long end) throws IOException {
        if (end - pos < RECORD_HEADER) {
            return -1;
        }
        if (!buffered(pos, RECORD_HEADER)) {
            fill(pos, end);
            if (!buffered(pos, RECORD_HEADER)) {
                return -1;
            }
        }
        int off = (int) (pos - readAheadStart);
        int length = readAhead.getInt(off);
        int checksum = readAhead.getInt(off + 4);
        if (length < 0 || length > MAX_RECORD || length > end - pos - RECORD_HEADER) {
            return -1;
        }
        readCrc.reset();
        if (length <= READ_AHEAD - RECORD_HEADER) {
            if (!buffered(pos, RECORD_HEADER + (long) length)) {
                fill(pos, end);
                if (!buffered(pos, RECORD_HEADER + (long) length)) {
                    return -1;
                }
            }
            readCrc.update(readAhead.array(), (int) (pos - readAheadStart) + RECORD_HEADER, length);
        } else { // larger than the buffer: checksum it chunk by chunk
            long p = pos + RECORD_HEADER;
            long left = length;
            while (left > 0) {
                fill(p, p + Math.min(left, READ_AHEAD));
                if (readAheadLength <= 0) {
                    return -1;
                }
                int n = (int) Math.min(left, readAheadLength);
                readCrc.update(readAhead.array(), 0, n);
                p += n;
                left -= n;
            }
        }
        return (int) readCrc.getValue() == checksum ? length : -1;
    }

    private static int readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long p = position;
        while (buffer.hasRemaining()) {
            p += channel.write(buffer, p);
        }
    }

    /** Truncates the journal and starts a new generation (lock holder, with nothing unread). */
    private void startGeneration(long newGeneration) throws IOException {
        data.truncate(0);
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(MAGIC).putInt(VERSION).putLong(newGeneration).flip();
        writeFully(data, header, 0);
        if (sync) {
            data.force(true);
        }
        generation = newGeneration;
        readAheadLength = 0; // offsets now name other bytes
        appendPosition = HEADER;
        committedEnd = HEADER;
        readPosition = HEADER;
        writeAck(HEADER);
    }

    /**
     * Appends one record. Spill lock holder only. Returns when the bytes are in the OS (they
     * survive a process kill); for power loss call {@link #awaitDurable} with
     * {@link #writtenMark()} after releasing the lock.
     *
     * @return the file offset just after the record
     */
    long append(byte[] payload) throws IOException {
        if (payload.length > MAX_RECORD) {
            throw new IOException("Event serialized to " + payload.length + " bytes; the spill journal limit is " + MAX_RECORD);
        }
        int total = RECORD_HEADER + payload.length;
        if (writeBuffer.capacity() < total) {
            writeBuffer = ByteBuffer.allocate(Math.max(total, writeBuffer.capacity() * 2)).order(ByteOrder.LITTLE_ENDIAN);
        }
        appendCrc.reset();
        appendCrc.update(payload, 0, payload.length);
        ByteBuffer b = writeBuffer;
        b.clear();
        b.putInt(payload.length).putInt((int) appendCrc.getValue()).put(payload).flip();
        long pos = appendPosition;
        try {
            writeFully(data, b, pos); // one write: a kill leaves either the record or a torn tail cut on open
        } catch (IOException e) {
            data.truncate(pos); // best effort: do not leave half a record before the next append
            throw e;
        }
        appendPosition = pos + total;
        writtenTotal += total; // single writer (lock holder); volatile so a group-commit leader sees it
        committedEnd = appendPosition; // volatile store: publishes the record to the consumer
        return appendPosition;
    }

    /** The group-commit clock after the last append (lock holder): pass it to {@link #awaitDurable}. */
    long writtenMark() {
        return writtenTotal;
    }

    /**
     * With {@code sync}: returns once an {@code fsync} that started after {@code mark} bytes were
     * written has completed (group commit: one thread fsyncs for all waiting ones). Without
     * {@code sync}: returns at once. Call without holding the spill lock.
     */
    void awaitDurable(long mark) throws IOException {
        if (!sync || syncedTotal >= mark) {
            return;
        }
        syncLock.lock();
        try {
            if (syncedTotal >= mark) {
                return; // a leader's fsync covered us while we waited for the lock
            }
            long covered = writtenTotal; // everything written so far is in the file: this fsync covers it
            data.force(false);
            syncedTotal = covered;
        } finally {
            syncLock.unlock();
        }
    }

    /** End of the written records (file offset). */
    long end() {
        return committedEnd;
    }

    /** Offset of the next unread record (consumer only). */
    long readPosition() {
        return readPosition;
    }

    /**
     * Reads the next unread record (consumer only).
     *
     * @return the payload, or null if everything written so far was read
     * @throws CorruptInputException if the record fails its checks; the reader then skips to the
     *                               end of what was written (records cannot be resynchronised)
     */
    byte[] next() throws IOException {
        long end = committedEnd; // volatile load: the bytes before it are written
        long pos = readPosition;
        if (pos >= end) {
            return null;
        }
        if (!buffered(pos, RECORD_HEADER)) {
            fill(pos, end);
        }
        int length = -1;
        byte[] payload = null;
        if (buffered(pos, RECORD_HEADER)) {
            int off = (int) (pos - readAheadStart);
            length = readAhead.getInt(off);
            int checksum = readAhead.getInt(off + 4);
            if (length >= 0 && length <= end - pos - RECORD_HEADER) {
                payload = new byte[length];
                if (!buffered(pos, RECORD_HEADER + (long) length) && length <= READ_AHEAD - RECORD_HEADER) {
                    fill(pos, end);
                }
                if (buffered(pos, RECORD_HEADER + (long) length)) {
                    readAhead.get((int) (pos - readAheadStart) + RECORD_HEADER, payload, 0, length);
                } else if (readFully(data, ByteBuffer.wrap(payload), pos + RECORD_HEADER) != length) { // larger than the buffer
                    payload = null;
                }
                if (payload != null) {
                    readCrc.reset();
                    readCrc.update(payload, 0, length);
                    if ((int) readCrc.getValue() != checksum) {
                        payload = null;
                    }
                }
            }
        }
        if (payload == null) {
            readPosition = end;
            throw new CorruptInputException("Spill journal " + directory.resolve(JOURNAL_FILE)
                    + " has a corrupt record (was the file modified?); skipping the rest of it", pos);
        }
        readPosition = pos + RECORD_HEADER + length;
        return payload;
    }

    /** True if {@code [pos, pos + n)} is in the read-ahead buffer. */
    private boolean buffered(long pos, long n) {
        return pos >= readAheadStart && pos + n <= readAheadStart + readAheadLength;
    }

    /** Reads up to {@value #READ_AHEAD} written bytes from {@code pos} (consumer only). */
    private void fill(long pos, long end) throws IOException {
        ByteBuffer b = readAhead;
        b.clear();
        b.limit((int) Math.min(READ_AHEAD, end - pos));
        readAheadStart = pos;
        readAheadLength = readFully(data, b, pos);
    }

    /** True if records were written that the consumer has not read. */
    boolean hasUnread() {
        return readPosition < committedEnd;
    }

    /**
     * Moves the read position to {@code offset} (the end of a record delivered from the ring in
     * write-ahead mode) and persists it. Consumer only.
     */
    void acknowledgeTo(long offset) throws IOException {
        readPosition = offset;
        acknowledge();
    }

    /** Persists the read position: records before it are never delivered again. Consumer only. */
    void acknowledge() throws IOException {
        if (readPosition != lastAcknowledged) {
            writeAck(readPosition);
        }
    }

    private void writeAck(long offset) throws IOException {
        long counter = ++ackCounter;
        ByteBuffer b = ackBuffer;
        b.clear();
        b.putLong(counter).putLong(generation).putLong(offset);
        ackCrc.reset();
        ackCrc.update(b.array(), 0, 24);
        b.putInt((int) ackCrc.getValue()).putInt(0).flip();
        writeFully(ackChannel, b, (counter & 1) * ACK_SLOT);
        if (sync) {
            ackChannel.force(false);
        }
        lastAcknowledged = offset;
    }

    /**
     * Empties the journal once everything was read and acknowledged (spill lock holder, on the
     * consumer thread). Truncates first and bumps the generation, so a stale ack cannot apply.
     */
    void reset() throws IOException {
        acknowledge();
        startGeneration(generation + 1);
    }

    /**
     * Drops the acknowledged prefix by copying the unread records to a new file of the next
     * generation and renaming it over the journal (spill lock holder, on the consumer, with the
     * read position acknowledged). See the class comment for why a kill at any point is safe.
     *
     * @return how far every unread record moved towards the start (subtract it from offsets
     *         remembered for unread records)
     */
    long compact() throws IOException {
        acknowledge();
        syncLock.lock(); // no group-commit leader may fsync the channel we are about to close
        try {
            long from = readPosition;
            long to = committedEnd;
            long newGeneration = generation + 1;
            Path tmp = directory.resolve(COMPACT_FILE);
            FileChannel fresh = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
                header.putInt(MAGIC).putInt(VERSION).putLong(newGeneration).flip();
                writeFully(fresh, header, 0);
                long copied = 0;
                while (copied < to - from) {
                    long n = data.transferTo(from + copied, to - from - copied, fresh.position(HEADER + copied));
                    if (n <= 0) {
                        throw new IOException("Short copy while compacting " + directory.resolve(JOURNAL_FILE)
                                + " at offset " + (from + copied));
                    }
                    copied += n;
                }
                if (sync) {
                    fresh.force(true);
                }
                Files.move(tmp, directory.resolve(JOURNAL_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                fresh.close();
                Files.deleteIfExists(tmp);
                throw e;
            }
            if (sync) {
                syncDirectory();
            }
            FileChannel old = data;
            data = fresh;
            old.close();
            long shift = from - HEADER;
            generation = newGeneration;
            readAheadLength = 0; // offsets now name other bytes
            appendPosition = to - shift;
            committedEnd = appendPosition;
            readPosition = HEADER;
            writeAck(HEADER);
            return shift;
        } finally {
            syncLock.unlock();
        }
    }

    /** Makes the rename durable (POSIX); where a directory cannot be opened (Windows) NTFS journals it. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported on this platform: the rename is metadata the file system journals itself.
        }
    }

    /**
     * Releases the files without writing anything, leaving them exactly as a process kill at
     * this point would (every append and ack so far was a completed {@code write}). For tests
     * that simulate a kill inside one JVM.
     */
    void abandon() throws IOException {
        try {
            lock.release();
        } finally {
            try {
                data.close();
            } finally {
                ackChannel.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            acknowledge();
        } finally {
            try {
                lock.release();
            } finally {
                try {
                    data.close();
                } finally {
                    ackChannel.close();
                }
            }
        }
    }
}
