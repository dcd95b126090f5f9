package io.winlog.evtx.binxml;

import io.winlog.api.CorruptInputException;
import java.util.Arrays;

/**
 * Writes a record's XML straight from its bytes, without parsing it into nodes or decoding its
 * values: the fast path of {@code winlog dump --format xml}. It takes records of the shape nearly
 * every record has: a fragment header, one template instance, the end token, where a value may
 * itself be a BinXml fragment of that shape (the EventData of Security events). It looks up each
 * instance's template compiled for this chunk ({@link CompiledXmlTemplate}) and runs it over the
 * substitution values where they lie ({@link RawValueXml}).
 *
 * <p>It only ever writes a record the general path ({@link BinXmlParser}, then
 * {@link TemplateExpander#check}, then {@link RecordXmlWriter}) would accept, and then the same
 * bytes: templates are read by the parser itself (same checks, same cache, same order), every
 * value is checked as {@link ValueDecoder} checks it (all of them, used or not, as the parser
 * decodes them all), and the output stays within the expander's node and text budgets. Anything
 * else (another shape, a value it does not write, anything damaged) makes {@link #write} return
 * false with nothing written, and the caller takes the general path, which also reports the
 * damage. A test compares both paths on every record of every sample and on fuzzed files.
 *
 * <p>Not thread-safe: one writer per thread.
 */
public final class DirectXmlWriter {
    private final RecordFrames frames = new RecordFrames();
    /** The compiled template of each frame of the record being written. */
    private CompiledXmlTemplate[] frameTemplates = new CompiledXmlTemplate[8];

    private byte[] chunk;
    private long fileBase;
    private int[] marks = new int[32];
    private final StringBuilder scratch = new StringBuilder(32);
    private final CompiledTemplateCache<CompiledXmlTemplate> templates =
            new CompiledTemplateCache<>(CompiledTemplateCache.XML, CompiledXmlTemplate::compile);
    /** Budgets of the record being written (see CompiledXmlTemplate.nodeCost and budgetSlack). */
    private long nodes;
    private long slack;
    private int recordStart;

    /**
     * Appends the XML of the record whose BinXml is {@code [start, end)} of the parser's chunk,
     * as {@link RecordXmlWriter} would write it.
     *
     * @return true if written; false, with {@code out} unchanged, when the record must take the
     *         general path
     */
    public boolean write(BinXmlParser parser, int start, int end, Utf8Buffer out) {
        if (out.pendingHigh != 0) {
            return false;
        }
        int mark = out.length();
        boolean done = false;
        try {
            if (frames.read(parser, start, end) == 0 && compileFrames()) {
                this.chunk = parser.chunk();
                this.fileBase = parser.fileBase();
                nodes = 0;
                slack = 0;
                recordStart = mark;
                done = frameTemplates[0].renderRoot(this, 0, out, 0);
            }
        } finally {
            frames.release();
            Arrays.fill(frameTemplates, null);
            this.chunk = null;
        }
        if (!done) {
            out.truncate(mark);
        }
        return done;
    }

    /** Looks up every frame's compiled template; false if one cannot be compiled. */
    private boolean compileFrames() {
        CompiledXmlTemplate[] compiled = frames.compileAll(templates, frameTemplates);
        if (compiled == null) {
            return false;
        }
        frameTemplates = compiled;
        return true;
    }

    /**
     * Counts one expansion of {@code template} against the expander's budgets; false once they
     * would be exceeded (the general path then decides).
     */
    boolean enter(CompiledXmlTemplate template) {
        nodes += template.nodeCost;
        slack += template.budgetSlack;
        return nodes <= TemplateExpander.MAX_NODES;
    }

    /** Counts one repetition of an array element against the text budget (16 per string, as the expander counts). */
    boolean item() {
        slack += 16;
        return true;
    }

    /** False once the record's text would exceed the expander's budget. */
    boolean withinTextBudget(Utf8Buffer out) {
        return out.len - recordStart + slack <= TemplateExpander.MAX_CHARS;
    }

    /** 1 if value {@code i} of {@code frame} is a string array, 0 if it is no array (or missing), -1 for other arrays. */
    int arrayState(int frame, int i) {
        if (!frames.has(frame, i)) {
            return 0;
        }
        int type = frames.type(frames.valueIndex(frame, i));
        return type == 0x81 ? 1 : (type & 0x80) != 0 ? -1 : 0;
    }

    /** The index of value {@code i} of {@code frame} in the record's value arrays. */
    int valueIndex(int frame, int i) {
        return frames.valueIndex(frame, i);
    }

    byte[] chunk() {
        return chunk;
    }

    int offset(int v) {
        return frames.offset(v);
    }

    int size(int v) {
        return frames.size(v);
    }

    /** 1 if value {@code i} of {@code frame} is NULL or missing, 0 if not, -1 if not decidable here (BinXml). */
    int nullState(int frame, int i) {
        if (!frames.has(frame, i)) {
            return 1;
        }
        int type = frames.type(frames.valueIndex(frame, i));
        return type == 0 ? 1 : type == 0x21 ? -1 : 0;
    }

    /**
     * Appends value {@code i} of {@code frame} (nothing for NULL or missing; a nested fragment's
     * content in element text); false if it cannot be written here or the text budget ran out.
     */
    boolean write(int frame, int i, boolean attr, Utf8Buffer out, int sp) {
        if (!frames.has(frame, i)) {
            return true;
        }
        int v = frames.valueIndex(frame, i);
        int type = frames.type(v);
        if ((type & 0x80) != 0) {
            return false; // an array beside other content: left to the general path
        }
        if (type == 0x21) {
            if (attr) {
                return false; // a fragment in an attribute: left to the general path
            }
            int child = frames.childFrame(v);
            return frameTemplates[child].renderContent(this, child, out, sp);
        }
        try {
            RawValueXml.write(chunk, frames.offset(v), frames.size(v), type, attr, out, scratch, fileBase);
        } catch (CorruptInputException | IllegalArgumentException | IllegalStateException e) {
            return false; // writable() mirrors the decoder's checks; this is a second line of defence
        }
        return withinTextBudget(out);
    }

    /** The mark stack, with room for {@code size} marks. */
    int[] marks(int size) {
        if (marks.length < size) {
            marks = Arrays.copyOf(marks, Math.max(size, marks.length * 2));
        }
        return marks;
    }
}
