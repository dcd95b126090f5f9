package io.winlog.evtx;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How an {@link EvtxReader} treats damage and uses threads. Immutable; start from
 * {@link #defaults()} (lenient, no slack recovery, one thread, diagnostics dropped).
 *
 * <ul>
 *   <li>{@link #strict(boolean)}: fail fast with {@link io.winlog.api.CorruptInputException} at the
 *       first damage instead of skipping it;</li>
 *   <li>{@link #recover(boolean)}: also return records found in chunk free space (slack), in
 *       chunks with a bad header, and in a truncated last chunk (marked {@link EvtxRecord#recovered()});</li>
 *   <li>{@link #threads(int)}: decode chunks on this many threads (records stay in file order);</li>
 *   <li>{@link #diagnostics(Consumer)}: receives every {@link Diagnostic}, on the reading thread.</li>
 * </ul>
 */
public final class EvtxReadOptions {
    private static final Consumer<Diagnostic> DROP = d -> { };
    private static final EvtxReadOptions DEFAULTS = new EvtxReadOptions(false, false, 1, DROP);

    private final boolean strict;
    private final boolean recover;
    private final int threads;
    private final Consumer<Diagnostic> diagnostics;

    private EvtxReadOptions(boolean strict, boolean recover, int threads, Consumer<Diagnostic> diagnostics) {
        this.strict = strict;
        this.recover = recover;
        this.threads = threads;
        this.diagnostics = diagnostics;
    }

    /** Lenient, no slack recovery, single thread, diagnostics dropped. */
    public static EvtxReadOptions defaults() {
        return DEFAULTS;
    }

    public EvtxReadOptions strict(boolean v) {
        return new EvtxReadOptions(v, recover, threads, diagnostics);
    }

    public EvtxReadOptions recover(boolean v) {
        return new EvtxReadOptions(strict, v, threads, diagnostics);
    }

    /** Decoding threads, 1..256. */
    public EvtxReadOptions threads(int n) {
        if (n < 1 || n > 256) {
            throw new IllegalArgumentException("threads must be 1..256, got " + n);
        }
        return new EvtxReadOptions(strict, recover, n, diagnostics);
    }

    public EvtxReadOptions diagnostics(Consumer<Diagnostic> listener) {
        return new EvtxReadOptions(strict, recover, threads, Objects.requireNonNull(listener));
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
