package io.winlog.evtx;

import io.winlog.api.CorruptInputException;
import io.winlog.api.EventReader;
import io.winlog.api.WinlogException;
import io.winlog.api.event.EventRecord;
import io.winlog.evtx.chunk.EvtxChunkHeader;
import io.winlog.evtx.chunk.EvtxFileHeader;
import io.winlog.evtx.engine.ChunkDecoder;
import io.winlog.evtx.engine.ChunkSource;
import io.winlog.evtx.engine.DecodedChunk;
import io.winlog.evtx.engine.ParallelChunkRenderer;
import io.winlog.evtx.engine.RecordSink;
import io.winlog.evtx.binxml.Utf8Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Reads an .evtx file in pure Java, on any OS.
 *
 * <pre>{@code
 * try (EvtxReader r = EvtxReader.open(Path.of("Security.evtx"))) {
 *     for (EventRecord e : r) {
 *         System.out.println(e.eventId() + " " + e.timeCreated());
 *     }
 * }
 * }</pre>
 *
 * <p>Streaming: one 64 KiB chunk is read and decoded at a time (a few per thread in parallel
 * mode), so memory does not grow with the file. Chunks are read in file order; every 64 KiB block
 * after the file header is examined, also those beyond the header's chunk count (a crash can
 * leave them unlisted). Damage is skipped and reported through
 * {@link EvtxReadOptions#diagnostics} unless {@link EvtxReadOptions#strict} is set.
 *
 * <p>Not thread-safe (like every {@link EventReader}); parallel mode uses its own workers
 * internally and still returns records in file order.
 */
public final class EvtxReader implements EventReader {
    private final String name;
    private final ChunkSource source;
    private final EvtxReadOptions options;
    private final EvtxFileHeader header;
    private final long fileSize;
    private final int chunksOnDisk;
    private final ChunkDecoder decoder;
    private final List<ChunkHealth> health = new ArrayList<>();
    private final ExecutorService pool;
    private final ArrayDeque<Future<DecodedChunk>> inFlight = new ArrayDeque<>();
    private final byte[] chunkBuffer = new byte[EvtxChunkHeader.CHUNK_SIZE];
    /** Parallel iteration: 64 KiB chunk buffers not being decoded into right now. */
    private final ConcurrentLinkedQueue<byte[]> spareChunkBuffers = new ConcurrentLinkedQueue<>();
    private int nextChunk;
    /** Set by the first {@link #next()}: parallel mode then maps events on the decoding threads. */
    private boolean mapOnWorkers;
    private Iterator<EvtxRecord> current = Collections.emptyIterator();
    private boolean closed;

    private EvtxReader(String name, ChunkSource source, EvtxReadOptions options, EvtxFileHeader header, long fileSize) {
        this.name = name;
        this.source = source;
        this.options = options;
        this.header = header;
        this.fileSize = fileSize;
        long blocks = Math.max(0, (fileSize - EvtxFileHeader.SIZE + EvtxChunkHeader.CHUNK_SIZE - 1) / EvtxChunkHeader.CHUNK_SIZE);
        this.chunksOnDisk = (int) Math.min(blocks, Integer.MAX_VALUE);
        this.decoder = new ChunkDecoder(options.strict(), options.recover());
        this.pool = options.threads() > 1 ? Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "evtx-decoder");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Opens a file with {@link EvtxReadOptions#defaults()}. */
    public static EvtxReader open(Path path) {
        return open(path, EvtxReadOptions.defaults());
    }

    /**
     * Opens a file and reads its header.
     *
     * @throws CorruptInputException when the file is not an .evtx file (no {@code ElfFile} magic)
     * @throws WinlogException       when the file cannot be opened
     */
    public static EvtxReader open(Path path, EvtxReadOptions options) {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new WinlogException("cannot open " + path + ": no such file", e);
        } catch (IOException e) {
            throw new WinlogException("cannot open " + path + ": " + e.getMessage() + " (check the path and permissions)", e);
        }
        return open(path.toString(), ChunkSource.of(ch), options);
    }

    /**
     * Reads an .evtx image held in memory (e.g. carved from a disk image or received over the
     * network). The array is not copied: do not change it while reading.
     *
     * @throws CorruptInputException when the bytes do not start with an .evtx file header
     */
    public static EvtxReader open(byte[] image, EvtxReadOptions options) {
        return open("<memory>", ChunkSource.of(image), options);
    }

    private static EvtxReader open(String name, ChunkSource src, EvtxReadOptions options) {
        try {
            long size = src.size();
            byte[] h = new byte[EvtxFileHeader.SIZE];
            int n = src.read(h, 0);
            EvtxFileHeader header;
            try {
                header = EvtxFileHeader.parse(h, n);
            } catch (CorruptInputException e) {
                throw new CorruptInputException(name + " is not an .evtx file (no 'ElfFile' header magic)", 0);
            }
            EvtxReader r = new EvtxReader(name, src, options, header, size);
            r.checkHeader();
            return r;
        } catch (IOException e) {
            closeQuietly(src);
            throw new WinlogException("cannot read " + name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(src);
            throw e;
        }
    }

    private void checkHeader() {
        if (!header.checksumValid()) {
            report(new Diagnostic(Diagnostic.Severity.INFO, 124, -1, "file header CRC32 mismatch (the header may be"
                    + " stale after a crash); chunks are read anyway"));
        }
        if (header.isDirty()) {
            report(new Diagnostic(Diagnostic.Severity.INFO, 120, -1, "file header dirty flag set: the log was not closed"
                    + " cleanly; chunks beyond the header's count are read too"));
        }
        if (fileSize < EvtxFileHeader.SIZE + (long) header.chunkCount() * EvtxChunkHeader.CHUNK_SIZE) {
            report(new Diagnostic(Diagnostic.Severity.ERROR, fileSize, -1, "file is truncated: the header lists "
                    + header.chunkCount() + " chunks but only " + fileSize + " bytes are present"));
        }
    }

    private void report(Diagnostic d) {
        if (options.strict() && d.severity() == Diagnostic.Severity.ERROR) {
            throw new CorruptInputException(name + ": " + d.message(), d.fileOffset());
        }
        options.diagnostics().accept(d);
    }

    /** The file header. */
    public EvtxFileHeader header() {
        return header;
    }

    /** How many 64 KiB chunk slots the file has on disk (the last may be partial). */
    public int chunksOnDisk() {
        return chunksOnDisk;
    }

    /** Health of every chunk decoded so far, in file order (all chunks once the reader is exhausted). */
    public List<ChunkHealth> chunkHealth() {
        return Collections.unmodifiableList(health);
    }

    /**
     * The next record with its header facts, or null at the end.
     *
     * @throws CorruptInputException in strict mode, at the first damage
     */
    public EvtxRecord nextRecord() {
        while (!current.hasNext()) {
            DecodedChunk c = nextChunk();
            if (c == null) {
                return null;
            }
            current = c.records().iterator();
        }
        return current.next();
    }

    /**
     * Renders every remaining record, in file order, into {@code out}: the fast way to dump a
     * file. Each chunk is decoded and rendered to bytes on one thread. In parallel mode
     * ({@link EvtxReadOptions#threads} above 1) the calling thread and {@code threads - 1} pool
     * threads each render chunks, and whichever finishes the oldest unwritten chunk writes it and
     * the finished chunks after it; so {@code out}, {@code chunksDone} and the diagnostics
     * consumer may be called from a pool thread, but never by two threads at once, and always in
     * file order. Memory stays bounded: at most {@code 2 x threads} rendered chunks wait to be
     * written (their buffers are reused).
     *
     * <p>Health and diagnostics are reported as with {@link #nextRecord()}; in strict mode the
     * first damage throws {@link CorruptInputException} after the records before it were written.
     * {@code out} is not flushed or closed.
     *
     * @param renderers  makes one renderer per decoding thread (called on that thread)
     * @param chunksDone told the number of chunks done after each one is written (a progress bar);
     *                   may be null
     * @return the number of records rendered (including those the renderer left out)
     * @throws IOException when writing to {@code out} fails
     */
    public long renderTo(OutputStream out, Supplier<? extends RecordRenderer> renderers, IntConsumer chunksDone)
            throws IOException {
        Rendering mine = new Rendering(renderers.get(), new Utf8Buffer(1 << 17));
        // What an earlier nextRecord() left: the rest of the current chunk, chunks in flight.
        while (current.hasNext()) {
            mine.accept(current.next());
        }
        current = Collections.emptyIterator();
        for (Future<DecodedChunk> f; (f = inFlight.poll()) != null; ) {
            DecodedChunk d = accept(await(f));
            for (EvtxRecord r : d.records()) {
                mine.accept(r);
            }
        }
        mine.out.writeTo(out);
        if (closed) {
            return mine.count;
        }
        if (pool == null) {
            while (nextChunk < chunksOnDisk) {
                accept(renderChunk(nextChunk++, chunkBuffer, mine));
                mine.out.writeTo(out);
                if (chunksDone != null) {
                    chunksDone.accept(health.size());
                }
            }
            return mine.count;
        }
        return mine.count + renderParallel(out, renderers, chunksDone);
    }

    /**
     * Renders a chunk's records into a buffer as they are decoded: straight from their bytes
     * when the renderer can ({@link RecordRenderer#renderRaw}), else parsed.
     */
    private static final class Rendering implements RecordSink {
        final RecordRenderer renderer;
        Utf8Buffer out;
        long count;

        Rendering(RecordRenderer renderer, Utf8Buffer out) {
            this.renderer = renderer;
            this.out = out;
        }

        /** Renders into {@code buffer} from now on (parallel mode: one buffer per chunk). */
        Rendering into(Utf8Buffer buffer) {
            out = buffer;
            return this;
        }

        @Override
        public boolean offer(RawRecord raw) {
            if (renderer.renderRaw(raw, out)) {
                count++;
                return true;
            }
            return false;
        }

        @Override
        public void accept(EvtxRecord record) {
            renderer.render(record, out);
            count++;
        }
    }

    /** A chunk rendered on a worker: its decoding result and its record count. */
    private record RenderedChunk(DecodedChunk chunk, long records) {
    }

    /**
     * Parallel mode of {@link #renderTo}: the calling thread and {@code threads - 1} pool threads
     * render chunks; whichever completes the oldest unwritten chunk writes it
     * ({@link ParallelChunkRenderer}), so no thread only waits and hands over.
     */
    private long renderParallel(OutputStream out, Supplier<? extends RecordRenderer> renderers, IntConsumer chunksDone)
            throws IOException {
        long[] n = new long[1]; // written by one drain call at a time, read after run() returns
        ParallelChunkRenderer<RenderedChunk> run = new ParallelChunkRenderer<>(nextChunk, chunksOnDisk,
                options.threads() * 2, () -> {
                    Rendering r = new Rendering(renderers.get(), null);
                    return (index, chunk, buffer) -> {
                        long before = r.count;
                        DecodedChunk d = renderChunk(index, chunk, r.into(buffer));
                        return new RenderedChunk(d, r.count - before);
                    };
                }, (index, rc, buffer) -> {
                    accept(rc.chunk());
                    n[0] += rc.records();
                    buffer.writeTo(out);
                    if (chunksDone != null) {
                        chunksDone.accept(health.size());
                    }
                });
        nextChunk = chunksOnDisk;
        run.run(pool, options.threads() - 1);
        return n[0];
    }

    @Override
    public EventRecord next() {
        // From now on, chunks decoded in parallel mode are mapped to events on their decoding
        // thread too: mapping is most of the per-record work, and done here it would leave the
        // other threads little to do (1.22x on two threads, docs/benchmarks-evtx.md).
        mapOnWorkers = true;
        EvtxRecord r = nextRecord();
        return r == null ? null : r.event();
    }

    private DecodedChunk nextChunk() {
        if (closed) {
            return null;
        }
        DecodedChunk d;
        if (pool == null) {
            if (nextChunk >= chunksOnDisk) {
                return null;
            }
            d = decodeChunk(nextChunk++, chunkBuffer);
        } else {
            while (inFlight.size() < options.threads() * 2 && nextChunk < chunksOnDisk) {
                int idx = nextChunk++;
                boolean map = mapOnWorkers;
                inFlight.add(pool.submit(() -> {
                    // Records hold decoded values, never the chunk bytes (the one-thread path
                    // reuses its buffer too), so a buffer goes back to the spares once decoded.
                    byte[] spare = spareChunkBuffers.poll();
                    byte[] buf = spare != null ? spare : new byte[EvtxChunkHeader.CHUNK_SIZE];
                    DecodedChunk decoded;
                    try {
                        decoded = decodeChunk(idx, buf);
                    } finally {
                        spareChunkBuffers.offer(buf); // at most one per pool thread
                    }
                    if (map) {
                        mapEvents(decoded);
                    }
                    return decoded;
                }));
            }
            Future<DecodedChunk> f = inFlight.poll();
            if (f == null) {
                return null;
            }
            d = await(f);
        }
        return accept(d);
    }

    /** Records a decoded chunk's health and passes its diagnostics on (in file order). */
    private DecodedChunk accept(DecodedChunk d) {
        health.add(d.health());
        for (Diagnostic diag : d.diagnostics()) {
            options.diagnostics().accept(diag);
        }
        return d;
    }

    /** The result of a worker's task; its exception (e.g. strict mode's) is rethrown as is. */
    private <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WinlogException("interrupted while decoding " + name, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new WinlogException("decoding " + name + " failed: " + c, c);
        }
    }

    /**
     * Maps each record to its event on the calling (decoding) thread; the future's hand-off
     * publishes the cached events. A record that fails to map is left as it is, so the failure
     * surfaces from {@link #next()} at that record, as it does on one thread.
     */
    private static void mapEvents(DecodedChunk d) {
        for (EvtxRecord r : d.records()) {
            try {
                r.event();
            } catch (RuntimeException e) {
                // thrown again, at the right record, when next() maps it
            }
        }
    }

    private DecodedChunk decodeChunk(int index, byte[] buf) {
        int n = readChunk(index, buf);
        DecodedChunk d = decoder.decode(buf, n, chunkOffset(index), index, index >= header.chunkCount());
        java.util.function.Function<EvtxRecord, ?> work = options.onDecoded();
        if (work != null) {
            // Runs on the decoding thread; the Future hand-off publishes the attachments safely.
            for (EvtxRecord r : d.records()) {
                r.attach(work.apply(r));
            }
        }
        return d;
    }

    /** Decodes a chunk straight into a renderer (in chunk order); the result lists no records. */
    private DecodedChunk renderChunk(int index, byte[] buf, Rendering rendering) {
        if (options.onDecoded() != null) {
            // Attachments are made per parsed record: render after decoding, as nextRecord() would.
            DecodedChunk d = decodeChunk(index, buf);
            for (EvtxRecord r : d.records()) {
                rendering.accept(r);
            }
            return new DecodedChunk(List.of(), d.diagnostics(), d.health());
        }
        int n = readChunk(index, buf);
        return decoder.decode(buf, n, chunkOffset(index), index, index >= header.chunkCount(), rendering);
    }

    private static long chunkOffset(int index) {
        return EvtxFileHeader.SIZE + (long) index * EvtxChunkHeader.CHUNK_SIZE;
    }

    private int readChunk(int index, byte[] buf) {
        try {
            return source.read(buf, chunkOffset(index));
        } catch (IOException e) {
            throw new WinlogException("cannot read chunk " + index + " of " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pool != null) {
            for (Future<DecodedChunk> f : inFlight) {
                f.cancel(true);
            }
            inFlight.clear();
            pool.shutdownNow();
        }
        closeQuietly(source);
    }

    private static void closeQuietly(ChunkSource src) {
        try {
            src.close();
        } catch (IOException ignored) {
            // nothing to do: the file was only read
        }
    }
}
