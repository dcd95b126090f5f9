package io.winlog.evtx;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How an {@link EvtxReader} treats damage and uses threads. Immutable; start from
 * {@link #defaults()} (lenient, no slack recovery, one thread, diagnostics dropped).
 *
 * <ul>
 *   <li>{@link #strict(boolean)}: fail fast with {@link io.winlog.api.CorruptInputException} at the
 *       first damage instead of skipping it;</li>
 *   <li>{@link #recover(boolean)}: also return records found in chunk free space (slack), in
 *       chunks with a bad header, and in a truncated last chunk (marked {@link EvtxRecord#recovered()});</li>
 *   <li>{@link #threads(int)}: decode chunks on this many threads (records stay in file order;
 *       once {@link EvtxReader#next()} has been called, the decoding threads also map records to
 *       {@code EventRecord}s, so iterating events scales too);</li>
 *   <li>{@link #diagnostics(Consumer)}: receives every {@link Diagnostic}, on the reading thread;</li>
 *   <li>{@link #onDecoded(Function)}: per-record work (rendering, filtering) run on the decoding
 *       threads, its result available as {@link EvtxRecord#attachment()}, so parallel mode also
 *       parallelises it.</li>
 * </ul>
 */
public final class EvtxReadOptions {
    private static final Consumer<Diagnostic> DROP = d -> { };
    private static final EvtxReadOptions DEFAULTS = new EvtxReadOptions(false, false, 1, DROP, null);

    private final boolean strict;
    private final boolean recover;
    private final int threads;
    private final Consumer<Diagnostic> diagnostics;
    private final Function<EvtxRecord, ?> onDecoded;

    private EvtxReadOptions(boolean strict, boolean recover, int threads, Consumer<Diagnostic> diagnostics,
                            Function<EvtxRecord, ?> onDecoded) {
        this.strict = strict;
        this.recover = recover;
        this.threads = threads;
        this.diagnostics = diagnostics;
        this.onDecoded = onDecoded;
    }

    /** Lenient, no slack recovery, single thread, diagnostics dropped. */
    public static EvtxReadOptions defaults() {
        return DEFAULTS;
    }

    public EvtxReadOptions strict(boolean v) {
        return new EvtxReadOptions(v, recover, threads, diagnostics, onDecoded);
    }

    public EvtxReadOptions recover(boolean v) {
        return new EvtxReadOptions(strict, v, threads, diagnostics, onDecoded);
    }

    /** Decoding threads, 1..256. */
    public EvtxReadOptions threads(int n) {
        if (n < 1 || n > 256) {
            throw new IllegalArgumentException("threads must be 1..256, got " + n);
        }
        return new EvtxReadOptions(strict, recover, n, diagnostics, onDecoded);
    }

    public EvtxReadOptions diagnostics(Consumer<Diagnostic> listener) {
        return new EvtxReadOptions(strict, recover, threads, Objects.requireNonNull(listener), onDecoded);
    }

    /**
     * Work to run on every record on the thread that decoded it (with {@link #threads(int)} &gt; 1,
     * a worker): e.g. {@code r -> r.xml()}. The result is stored as the record's
     * {@link EvtxRecord#attachment()}. The function must be thread-safe in parallel mode.
     */
    public EvtxReadOptions onDecoded(Function<EvtxRecord, ?> work) {
        return new EvtxReadOptions(strict, recover, threads, diagnostics, Objects.requireNonNull(work));
    }

    /** The per-record work, or null. */
    public Function<EvtxRecord, ?> onDecoded() {
        return onDecoded;
    }

    public boolean strict() {
        return strict;
    }

    public boolean recover() {
        return recover;
    }

    public int threads() {
        return threads;
    }

    public Consumer<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
