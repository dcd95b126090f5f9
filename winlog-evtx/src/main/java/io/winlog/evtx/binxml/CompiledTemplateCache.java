package io.winlog.evtx.binxml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiled templates by definition content, across chunks: every chunk defines the templates
 * its records use again (offsets are chunk-relative), but a log's chunks use the same few
 * templates, so the same definitions come back chunk after chunk. The key is the parsed
 * definition itself (structural equality of its nodes), and a compiled template depends on
 * nothing else, so a hit is exactly what compiling again would give.
 *
 * <p>Bounded: cleared when it reaches {@link #MAX_ENTRIES} (a file with that many distinct
 * templates gains little from it anyway). Not thread-safe: one per {@link DirectXmlWriter}.
 */
final class CompiledTemplateCache {
    static final int MAX_ENTRIES = 4096;
    private static final Object NOT_COMPILABLE = new Object();

    private final Map<List<BinXmlNode>, Object> byDefinition = new HashMap<>();

    /** The compiled form of {@code def}, or null when it cannot be compiled. */
    CompiledXmlTemplate get(TemplateDefinition def) {
        Object t = byDefinition.get(def.nodes());
        if (t == null) {
            CompiledXmlTemplate compiled = CompiledXmlTemplate.compile(def);
            if (byDefinition.size() >= MAX_ENTRIES) {
                byDefinition.clear();
            }
            t = compiled == null ? NOT_COMPILABLE : compiled;
            byDefinition.put(def.nodes(), t);
        }
        return t == NOT_COMPILABLE ? null : (CompiledXmlTemplate) t;
    }
}
