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

    private final Map<Shape, Object> byDefinition = new HashMap<>();
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
        Shape key = new Shape(def.nodes());
        Object t = byDefinition.get(key);
        if (t == null) {
            T compiled = compiler.apply(def);
            if (byDefinition.size() >= MAX_ENTRIES) {
                byDefinition.clear();
            }
            t = compiled == null ? NOT_COMPILABLE : compiled;
            byDefinition.put(key, t);
        }
        return t == NOT_COMPILABLE ? null : (T) t;
    }

    /**
     * A definition's nodes as a key: the same equality as the node records' own (structural),
     * but computed with indexed loops and a hash computed once. Looking up each template of each
     * chunk through {@code List.equals} and {@code List.hashCode} (iterators over unmodifiable
     * lists, record dispatch) was a tenth of a JSONL dump's time.
     */
    private static final class Shape {
        private final List<BinXmlNode> nodes;
        private final int hash;

        Shape(List<BinXmlNode> nodes) {
            this.nodes = nodes;
            this.hash = hash(nodes);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s && s.hash == hash && same(nodes, s.nodes);
        }

        private static int hash(List<BinXmlNode> nodes) {
            int h = nodes.size();
            for (int i = 0, n = nodes.size(); i < n; i++) {
                BinXmlNode x = nodes.get(i);
                int xh;
                if (x instanceof Element e) {
                    xh = e.name().hashCode() * 31 + hash(e.children());
                    List<Attribute> attrs = e.attributes();
                    for (int a = 0, na = attrs.size(); a < na; a++) {
                        xh = xh * 31 + attrs.get(a).name().hashCode() * 17 + hash(attrs.get(a).value());
                    }
                } else {
                    xh = x.hashCode();
                }
                h = h * 31 + xh;
            }
            return h;
        }

        private static boolean same(List<BinXmlNode> a, List<BinXmlNode> b) {
            int n = a.size();
            if (n != b.size()) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                BinXmlNode x = a.get(i);
                BinXmlNode y = b.get(i);
                if (x instanceof Element e) {
                    if (!(y instanceof Element f) || !e.name().equals(f.name()) || !sameAttributes(e.attributes(), f.attributes())
                            || !same(e.children(), f.children())) {
                        return false;
                    }
                } else if (!x.equals(y)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean sameAttributes(List<Attribute> a, List<Attribute> b) {
            int n = a.size();
            if (n != b.size()) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!a.get(i).name().equals(b.get(i).name()) || !same(a.get(i).value(), b.get(i).value())) {
                    return false;
                }
            }
            return true;
        }
    }
}
