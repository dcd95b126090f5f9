package io.winlog.evtx.binxml;

import io.winlog.api.event.EventValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A template definition compiled for writing XML: the markup between substitutions is encoded
 * to UTF-8 once, when the template is first used in a chunk, and a record is then written by a
 * short program of "copy these bytes" and "write substitution value i" steps
 * ({@link DirectXmlWriter} supplies the values from the record's bytes).
 *
 * <p>Why: a record of a real log is one template instance (often with a second one, its
 * EventData, in a nested BinXml value), and the template (element names, attribute names,
 * static text) is the same for hundreds of records. Walking the parsed definition node by node
 * for each record, as {@link RecordXmlWriter} does, costs both run time and, in a short CLI run,
 * JIT compile time; this program is a handful of integers.
 *
 * <p>Output is byte for byte what {@link RecordXmlWriter} writes for the same record (a test
 * renders every record of every sample both ways). The expansion rules that depend on values
 * are kept as steps: an attribute whose substitutions are all NULL or missing is left out
 * ({@link #SKIP_IF_ALL_NULL}), an element whose only content is an optional array substitution
 * that is NULL or missing is left out ({@link #SKIP_IF_NULL}), and an element whose content
 * wrote nothing self-closes ({@link #CLOSE}), and an element whose only content is a string
 * array is written once per string ({@link #REPEAT_IF_ARRAY}, the insertion strings of classic
 * events).
 *
 * <p>{@link #compile} declines (returns null) templates this form does not cover; their records
 * take the general path: a nested template instance in the definition, an array value in the
 * markup, a root element that may be dropped, and any surrogate in the markup's text (pre-encoded
 * bytes cannot pair a surrogate with a neighbouring value's, so such text stays on the path that
 * encodes character by character).
 *
 * <p>Immutable once compiled.
 */
final class CompiledXmlTemplate {
    /** Copy {@code literals[arg]}. */
    static final int LIT = 0;
    /** Write substitution value {@code arg} as element text. */
    static final int TEXT = 1;
    /** Write substitution value {@code arg} as attribute text (also escapes {@code '}). */
    static final int ATTR_TEXT = 2;
    /** End a start tag: remember where, write {@code '>'}. */
    static final int OPEN_END = 3;
    /** Close the element: {@code />} if nothing was written since its start tag ended, else {@code literals[arg]}. */
    static final int CLOSE = 4;
    /** {@code SKIP_IF_NULL index target}: jump to {@code target} if value {@code index} is NULL or missing. */
    static final int SKIP_IF_NULL = 5;
    /** {@code SKIP_IF_ALL_NULL n i1..in target}: jump if all of these values are NULL or missing. */
    static final int SKIP_IF_ALL_NULL = 6;

    /**
     * {@code REPEAT_IF_ARRAY index openEnd closeLiteral after}, before an element whose only
     * content is substitution {@code index}: if that value is a string array, write the element
     * once per string (the start tag is the code from here to {@code openEnd}) and jump to
     * {@code after}; otherwise go on with the element as usual.
     */
    static final int REPEAT_IF_ARRAY = 7;

    /** Deepest element nesting a compiled program may have (the parser allows 64). */
    static final int MAX_DEPTH = 128;

    /** The record's XML: the definition's first element (what a record renders as its root). */
    private final int[] rootCode;
    /**
     * Every node of the definition as element content: what a nested BinXml value holding an
     * instance of this template renders as, in place of its substitution.
     */
    private final int[] contentCode;
    private final byte[][] literals;
    /** Element nesting of the programs: the size of the mark stack they need. */
    final int depth;
    /**
     * At least the number of nodes {@link TemplateExpander#check} counts against its node
     * budget for one expansion of this template (values' own fragments not included).
     */
    final int nodeCost;
    /**
     * 16 characters for every value reference in the template: the most that
     * {@link TemplateExpander}'s text budget counts for a value beyond the bytes it writes (an
     * integer counts 16). {@link DirectXmlWriter} keeps records within the budget minus this.
     */
    final long budgetSlack;

    private CompiledXmlTemplate(int[] rootCode, int[] contentCode, byte[][] literals, int depth, int nodeCost,
                                long budgetSlack) {
        this.rootCode = rootCode;
        this.contentCode = contentCode;
        this.literals = literals;
        this.depth = depth;
        this.nodeCost = nodeCost;
        this.budgetSlack = budgetSlack;
    }

    /**
     * Compiles a definition, or returns null when its records must take the general path (see the
     * class comment).
     */
    static CompiledXmlTemplate compile(TemplateDefinition def) {
        Compiler c = new Compiler();
        try {
            Element root = null;
            for (BinXmlNode n : def.nodes()) {
                if (n instanceof TemplateInstance) {
                    return null; // it could expand to the root element
                }
                if (n instanceof Element e) {
                    root = e;
                    break;
                }
            }
            if (root == null || droppable(root)) {
                return null;
            }
            c.element(root, 1);
            c.flush();
            int[] rootCode = Arrays.copyOf(c.code, c.size);
            long rootRefs = c.valueRefs;
            c.size = 0;
            c.valueRefs = 0;
            for (BinXmlNode n : def.nodes()) {
                c.content(n, 0);
            }
            c.flush();
            int[] contentCode = Arrays.copyOf(c.code, c.size);
            return new CompiledXmlTemplate(rootCode, contentCode, c.literals.toArray(new byte[0][]), c.maxDepth,
                    nodeCost(def.nodes()) + 4, 16L * Math.max(rootRefs, c.valueRefs));
        } catch (NotCompilable e) {
            return null;
        }
    }

    /** An upper bound of the nodes TemplateExpander.check visits for these nodes. */
    static int nodeCost(List<BinXmlNode> nodes) {
        int cost = 0;
        for (BinXmlNode n : nodes) {
            cost++;
            if (n instanceof Element e) {
                for (Attribute a : e.attributes()) {
                    cost += a.value().size() + 1;
                }
                cost += nodeCost(e.children());
            }
        }
        return cost;
    }

    /** Writes the record's root element for the values of {@code frame}; false to fall back. */
    boolean renderRoot(DirectXmlWriter values, int frame, Utf8Buffer out, int sp) {
        return values.enter(this) && run(rootCode, 0, rootCode.length, values, frame, out, sp);
    }

    /** Writes the definition as element content (a nested BinXml value); false to fall back. */
    boolean renderContent(DirectXmlWriter values, int frame, Utf8Buffer out, int sp) {
        return values.enter(this) && run(contentCode, 0, contentCode.length, values, frame, out, sp);
    }

    /**
     * Runs {@code code[from, to)} over the values of one template instance ({@code frame}).
     *
     * @param sp where this program's marks start on the writer's mark stack
     * @return false when a value cannot be written here or a budget ran out; the caller then
     *         discards what was written
     */
    private boolean run(int[] code, int from, int to, DirectXmlWriter values, int frame, Utf8Buffer out, int sp) {
        int[] marks = values.marks(sp + depth);
        int pc = from;
        while (pc < to) {
            switch (code[pc]) {
                case LIT:
                    out.appendUtf8(literals[code[pc + 1]]);
                    pc += 2;
                    break;
                case TEXT:
                case ATTR_TEXT:
                    if (!values.write(frame, code[pc + 1], code[pc] == ATTR_TEXT, out, sp)) {
                        return false;
                    }
                    pc += 2;
                    break;
                case OPEN_END:
                    marks[sp++] = out.written();
                    out.ascii('>');
                    pc++;
                    break;
                case CLOSE: {
                    int mark = marks[--sp];
                    if (out.written() == mark + 1) {
                        out.truncate(mark);
                        out.ascii("/>");
                    } else {
                        out.appendUtf8(literals[code[pc + 1]]);
                    }
                    pc += 2;
                    break;
                }
                case SKIP_IF_NULL: {
                    int state = values.nullState(frame, code[pc + 1]);
                    if (state < 0) {
                        return false;
                    }
                    pc = state == 1 ? code[pc + 2] : pc + 3;
                    break;
                }
                case SKIP_IF_ALL_NULL: {
                    int n = code[pc + 1];
                    boolean allNull = true;
                    for (int i = 0; i < n && allNull; i++) {
                        int state = values.nullState(frame, code[pc + 2 + i]);
                        if (state < 0) {
                            return false;
                        }
                        allNull = state == 1;
                    }
                    pc = allNull ? code[pc + 2 + n] : pc + 3 + n;
                    break;
                }
                case REPEAT_IF_ARRAY: {
                    int state = values.arrayState(frame, code[pc + 1]);
                    if (state < 0) {
                        return false;
                    }
                    if (state == 0) {
                        pc += 5;
                        break;
                    }
                    if (!repeat(code, pc, values, frame, out, sp)) {
                        return false;
                    }
                    pc = code[pc + 4];
                    break;
                }
                default:
                    throw new IllegalStateException("bad op " + code[pc] + " at " + pc);
            }
        }
        return true;
    }

    /**
     * The element at {@code code[at]} ({@link #REPEAT_IF_ARRAY}) once per string of its string
     * array value: NUL-separated UTF-16LE, a trailing NUL ends the last one (as
     * {@link ValueDecoder} splits it).
     */
    private boolean repeat(int[] code, int at, DirectXmlWriter values, int frame, Utf8Buffer out, int sp) {
        int v = values.valueIndex(frame, code[at + 1]);
        byte[] b = values.chunk();
        int off = values.offset(v);
        int end = off + values.size(v);
        int start = off;
        for (int p = off; p + 1 < end; p += 2) {
            if (b[p] == 0 && b[p + 1] == 0) {
                if (!item(code, at, values, frame, out, sp, start, p - start)) {
                    return false;
                }
                start = p + 2;
            }
        }
        return start >= end - 1 || item(code, at, values, frame, out, sp, start, (end - start) & ~1);
    }

    /** One repetition: the start tag, the string, the end tag (self-closed when the string is empty). */
    private boolean item(int[] code, int at, DirectXmlWriter values, int frame, Utf8Buffer out, int sp, int off, int len) {
        if (!values.item() || !run(code, at + 5, code[at + 2], values, frame, out, sp)) {
            return false;
        }
        int mark = out.written();
        out.ascii('>');
        RawValueXml.utf16(values.chunk(), off, len, false, out);
        if (out.written() == mark + 1) {
            out.truncate(mark);
            out.ascii("/>");
        } else {
            out.appendUtf8(literals[code[at + 3]]);
        }
        return values.withinTextBudget(out);
    }

    /**
     * TemplateExpander drops an element whose only content is an optional array substitution
     * that expands to nothing (see {@link ExpandedSlots}).
     */
    private static boolean droppable(Element e) {
        List<BinXmlNode> children = e.children();
        return children.size() == 1 && children.get(0) instanceof Substitution s && s.optional() && (s.type() & 0x80) != 0;
    }

    /** Thrown inside the compiler for a template this form does not cover. */
    private static final class NotCompilable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotCompilable() {
            super(null, null, false, false);
        }
    }

    /** Builds the program; adjacent markup is merged into one literal. */
    private static final class Compiler {
        int[] code = new int[64];
        int size;
        final List<byte[]> literals = new ArrayList<>();
        /** Markup not yet emitted as a literal. */
        final Utf8Buffer pending = new Utf8Buffer(256);
        final StringBuilder scratch = new StringBuilder();
        int maxDepth;
        long valueRefs;

        void emit(int v) {
            if (size == code.length) {
                code = Arrays.copyOf(code, size * 2);
            }
            code[size++] = v;
        }

        int literal(byte[] bytes) {
            literals.add(bytes);
            return literals.size() - 1;
        }

        /** Emits the pending markup as one literal. */
        void flush() {
            if (pending.length() > 0) {
                emit(LIT);
                emit(literal(Arrays.copyOf(pending.array(), pending.length())));
                pending.clear();
            }
        }

        /** Static text, encoded as the general path would (no surrogates, see the class comment). */
        void text(String s) {
            noSurrogates(s);
            pending.append(s);
        }

        void element(Element e, int depth) {
            if (depth > MAX_DEPTH) {
                throw new NotCompilable();
            }
            maxDepth = Math.max(maxDepth, depth);
            int skipTarget = -1;
            if (droppable(e)) {
                flush();
                emit(SKIP_IF_NULL);
                emit(((Substitution) e.children().get(0)).index());
                skipTarget = size;
                emit(-1);
            }
            int repeatAt = -1;
            if (e.children().size() == 1 && e.children().get(0) instanceof Substitution s) {
                // Its value may be an array: RecordXmlWriter.element then repeats the element.
                flush();
                emit(REPEAT_IF_ARRAY);
                emit(s.index());
                repeatAt = size;
                emit(-1);
                emit(-1);
                emit(-1);
            }
            pending.ascii('<');
            text(e.name());
            for (Attribute a : e.attributes()) {
                attribute(a);
            }
            flush();
            int openEnd = size;
            emit(OPEN_END);
            for (BinXmlNode child : e.children()) {
                content(child, depth);
            }
            flush();
            Utf8Buffer close = new Utf8Buffer(16);
            noSurrogates(e.name());
            close.ascii("</").append(e.name()).ascii('>');
            int closeLiteral = literal(Arrays.copyOf(close.array(), close.length()));
            emit(CLOSE);
            emit(closeLiteral);
            if (repeatAt >= 0) {
                code[repeatAt] = openEnd;
                code[repeatAt + 1] = closeLiteral;
                code[repeatAt + 2] = size;
            }
            if (skipTarget >= 0) {
                code[skipTarget] = size;
            }
        }

        void attribute(Attribute a) {
            List<BinXmlNode> parts = a.value();
            boolean canDrop = true; // every part is a substitution or a NULL value
            List<Integer> subs = new ArrayList<>();
            for (BinXmlNode p : parts) {
                if (p instanceof TemplateInstance) {
                    throw new NotCompilable();
                }
                if (p instanceof Substitution s) {
                    subs.add(s.index());
                } else if (!(p instanceof Value v) || !v.value().isNull()) {
                    canDrop = false;
                }
            }
            // RecordXmlWriter.openTag: an attribute is dropped when everything in it expands to
            // NULL (or nothing); anything static that is not NULL keeps it.
            int skipTarget = -1;
            if (canDrop) {
                if (subs.isEmpty()) {
                    return; // only NULL values: never written
                }
                flush();
                emit(SKIP_IF_ALL_NULL);
                emit(subs.size());
                for (int i : subs) {
                    emit(i);
                }
                skipTarget = size;
                emit(-1);
            }
            pending.ascii(' ');
            text(a.name());
            pending.ascii("='");
            for (BinXmlNode p : parts) {
                if (p instanceof Substitution s) {
                    flush();
                    emit(ATTR_TEXT);
                    emit(s.index());
                    valueRefs++;
                } else if (p instanceof Value v) {
                    staticValue(v.value(), true);
                } else if (p instanceof CharRef c) {
                    pending.ascii("&#").append(c.codePoint()).ascii(';');
                } else if (p instanceof EntityRef r) {
                    pending.ascii('&');
                    text(r.name());
                    pending.ascii(';');
                } else if (p instanceof CData c) {
                    noSurrogates(c.text());
                    XmlValueText.escape(c.text(), true, pending);
                }
                // Elements and processing instructions have no attribute text (RecordXmlWriter.attributePart).
            }
            pending.ascii('\'');
            if (skipTarget >= 0) {
                flush();
                code[skipTarget] = size;
            }
        }

        void content(BinXmlNode n, int depth) {
            if (n instanceof Element e) {
                element(e, depth + 1);
            } else if (n instanceof Substitution s) {
                flush();
                emit(TEXT);
                emit(s.index());
                valueRefs++;
            } else if (n instanceof Value v) {
                staticValue(v.value(), false);
            } else if (n instanceof CData c) {
                pending.ascii("<![CDATA[");
                text(c.text());
                pending.ascii("]]>");
            } else if (n instanceof CharRef c) {
                pending.ascii("&#").append(c.codePoint()).ascii(';');
            } else if (n instanceof EntityRef r) {
                pending.ascii('&');
                text(r.name());
                pending.ascii(';');
            } else if (n instanceof ProcessingInstruction pi) {
                pending.ascii("<?");
                text(pi.target());
                if (!pi.data().isEmpty()) {
                    pending.ascii(' ');
                    text(pi.data());
                }
                pending.ascii("?>");
            } else {
                throw new NotCompilable(); // a nested template instance
            }
        }

        void staticValue(EventValue v, boolean attr) {
            if (v.type().isArray()) {
                throw new NotCompilable(); // as only content it repeats its element
            }
            valueRefs++;
            noSurrogates(v.text());
            XmlValueText.write(v, attr, pending, scratch);
        }

        static void noSurrogates(String s) {
            for (int i = 0, n = s.length(); i < n; i++) {
                if (Character.isSurrogate(s.charAt(i))) {
                    throw new NotCompilable();
                }
            }
        }
    }
}
