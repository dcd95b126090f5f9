package io.winlog.evtx.evt;

import io.winlog.api.CorruptInputException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How an {@link EvtReader} treats damage and what it reads. Immutable; start from
 * {@link #defaults()} (lenient, live records only, diagnostics dropped) and refine with the
 * {@code with...} methods.
 *
 * <ul>
 *   <li>{@link #strict()}: the first inconsistency (bad header, broken record, missing
 *       end-of-file record on a clean file) throws {@link CorruptInputException}; a dirty
 *       header alone is not an error (every log copied from a running system is dirty).</li>
 *   <li>lenient (default): damage is reported to the diagnostics listener with its file offset,
 *       the reader skips to the next intact record and goes on.</li>
 *   <li>{@link #withRecover(boolean)}: after the live records, also return the intact records
 *       found in the unused part of the circular buffer (deleted/overwritten records,
 *       {@link EvtEntry#recovered()} true).</li>
 * </ul>
 */
public final class EvtReaderOptions {
    private static final EvtReaderOptions DEFAULTS = new EvtReaderOptions(false, false, p -> { });

    private final boolean strict;
    private final boolean recover;
    private final Consumer<CorruptInputException> diagnostics;

    private EvtReaderOptions(boolean strict, boolean recover, Consumer<CorruptInputException> diagnostics) {
        this.strict = strict;
        this.recover = recover;
        this.diagnostics = diagnostics;
    }

    /** Lenient, live records only, diagnostics ignored. */
    public static EvtReaderOptions defaults() {
        return DEFAULTS;
    }

    /** Strict: the first inconsistency throws. */
    public static EvtReaderOptions strict() {
        return DEFAULTS.withStrict(true);
    }

    public EvtReaderOptions withStrict(boolean v) {
        return new EvtReaderOptions(v, recover, diagnostics);
    }

    /** Also return records recovered from the unused part of the file, after the live ones. */
    public EvtReaderOptions withRecover(boolean v) {
        return new EvtReaderOptions(strict, v, diagnostics);
    }

    /**
     * Where lenient mode reports what it skipped or repaired (called on the reading thread; it
     * must not throw).
     */
    public EvtReaderOptions withDiagnostics(Consumer<CorruptInputException> listener) {
        return new EvtReaderOptions(strict, recover, Objects.requireNonNull(listener));
    }

    public boolean isStrict() {
        return strict;
    }

    public boolean isRecover() {
        return recover;
    }

    public Consumer<CorruptInputException> diagnostics() {
        return diagnostics;
    }
}
