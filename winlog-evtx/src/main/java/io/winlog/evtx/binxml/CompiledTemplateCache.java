package io.winlog.evtx.binxml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compiled templates by definition content, across chunks: every chunk defines the templates
 * its records use again (offsets are chunk-relative), but a log's chunks use the same few
 * templates, so the same definitions come back chunk after chunk. The key is the parsed
 * definition itself (structural equality of its nodes), and a compiled template depends on
 * nothing else, so a hit is exactly what compiling again would give.
 *
 * <p>Bounded: cleared when it reaches {@link #MAX_ENTRIES} (a file with that many distinct
 * templates gains little from it anyway). Not thread-safe: one per direct writer.
 *
 * @param <T> the compiled form ({@link CompiledXmlTemplate}, {@link CompiledJsonTemplate})
 */
final class CompiledTemplateCache<T> {
    static final int MAX_ENTRIES = 4096;
    /** The kind of {@link CompiledXmlTemplate}s (an index of the parser's per-chunk lookups). */
    static final int XML = 0;
    /** The kind of {@link CompiledJsonTemplate}s. */
    static final int JSON = 1;
    /** The number of kinds. */
    static final int KINDS = 2;
    private static final Object NOT_COMPILABLE = new Object();

    private final Map<List<BinXmlNode>, Object> byDefinition = new HashMap<>();
    private final Function<TemplateDefinition, T> compiler;
    /** Which per-chunk lookup of {@link BinXmlParser#compiled} this cache's templates use. */
    final int kind;

    /**
     * @param kind     {@link #XML} or {@link #JSON}
     * @param compiler compiles a definition, or returns null when it cannot be
     */
    CompiledTemplateCache(int kind, Function<TemplateDefinition, T> compiler) {
        this.kind = kind;
        this.compiler = compiler;
    }

    /** The compiled form of {@code def}, or null when it cannot be compiled. */
    @SuppressWarnings("unchecked")
    T get(TemplateDefinition def) {
        Object t = byDefinition.get(def.nodes());
        if (t == null) {
            T compiled = compiler.apply(def);
            if (byDefinition.size() >= MAX_ENTRIES) {
                byDefinition.clear();
            }
            t = compiled == null ? NOT_COMPILABLE : compiled;
            byDefinition.put(def.nodes(), t);
        }
        return t == NOT_COMPILABLE ? null : (T) t;
    }
}
