package io.winlog.evtx.binxml;

import io.winlog.api.CorruptInputException;
import io.winlog.evtx.chunk.LittleEndian;
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
    /** Nested BinXml levels taken here (Security events need one); deeper records fall back. */
    private static final int MAX_NESTING = 3;

    // The values of all template instances of the record; a frame is one instance's slice.
    private int[] offsets = new int[64];
    private int[] sizes = new int[64];
    private int[] types = new int[64];
    /** For a BinXml value, the frame of the instance it holds. */
    private int[] childFrames = new int[64];
    private int values;

    private CompiledXmlTemplate[] frameTemplates = new CompiledXmlTemplate[8];
    private int[] frameFirst = new int[8];
    private int[] frameCount = new int[8];
    private int frames;

    private byte[] chunk;
    private long fileBase;
    private BinXmlParser parser;
    private int[] marks = new int[32];
    private final int[] valuesAt = new int[1];
    private final int[] endAt = new int[1];
    private final StringBuilder scratch = new StringBuilder(32);
    private final CompiledTemplateCache templates = new CompiledTemplateCache();
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
        this.parser = parser;
        this.chunk = parser.chunk();
        this.fileBase = parser.fileBase();
        values = 0;
        frames = 0;
        int mark = out.length();
        boolean done = false;
        try {
            int frame = readFragment(start, end, 1, 0);
            if (frame >= 0) {
                nodes = 0;
                slack = 0;
                recordStart = mark;
                done = frameTemplates[frame].renderRoot(this, frame, out, 0);
            }
        } finally {
            this.parser = null;
            this.chunk = null;
        }
        if (!done) {
            out.truncate(mark);
        }
        return done;
    }

    /**
     * Reads a fragment that is exactly a fragment header, a template instance and an end token
     * (or the end), as {@code BinXmlParser.parseFragment} would, with the instance token at parse
     * depth {@code tiDepth}.
     *
     * @return the instance's frame, or -1 to fall back
     */
    private int readFragment(int start, int end, int tiDepth, int nesting) {
        byte[] b = chunk;
        int at = start;
        if (end - at >= 4 && (b[at] & 0xBF) == BinXmlParser.FRAGMENT_HEADER) {
            at += 4; // optional: nested values often start with the instance
        }
        if (end - at < 10 || (b[at] & 0xBF) != BinXmlParser.TEMPLATE_INSTANCE) {
            return -1;
        }
        int frame = readInstance(at, end, tiDepth, nesting);
        if (frame < 0) {
            return -1;
        }
        int p = endAt[0];
        return p == end || (b[p] & 0xBF) == BinXmlParser.EOF ? frame : -1;
    }

    /**
     * Reads a template instance and its substitution array (count, descriptors, values) as
     * {@code BinXmlParser.parseTemplateInstance} does, nested BinXml values included (in value
     * order, so templates are parsed in the order the general path parses them).
     *
     * @return the instance's frame (and its end in {@code endAt[0]}), or -1 to fall back
     */
    private int readInstance(int at, int end, int tiDepth, int nesting) {
        TemplateDefinition def;
        try {
            def = parser.instanceDefinition(at, end, valuesAt, tiDepth);
        } catch (CorruptInputException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            return -1; // the general path reports it
        }
        CompiledXmlTemplate template = parser.compiledXml(def, templates);
        if (template == null) {
            return -1;
        }
        byte[] b = chunk;
        int p = valuesAt[0];
        if (end - p < 4) {
            return -1;
        }
        long n = LittleEndian.u32(b, p);
        p += 4;
        if (n * 4 > end - p) {
            return -1;
        }
        int count = (int) n;
        int frame = newFrame(template, count);
        int first = frameFirst[frame];
        int desc = p;
        p += 4 * count;
        for (int i = 0; i < count; i++) {
            int size = LittleEndian.u16(b, desc + 4 * i);
            int type = b[desc + 4 * i + 2] & 0xFF;
            if (size > end - p) {
                return -1;
            }
            int v = first + i;
            offsets[v] = p;
            sizes[v] = size;
            types[v] = type;
            if (type == 0x21) { // BinXml: a nested fragment
                if (nesting + 1 >= MAX_NESTING) {
                    return -1;
                }
                int child = readFragment(p, p + size, tiDepth + 2, nesting + 1);
                if (child < 0) {
                    return -1;
                }
                childFrames[v] = child;
            } else if (!RawValueXml.writable(b, p, size, type)) {
                return -1;
            }
            p += size;
        }
        endAt[0] = p;
        return frame;
    }

    private int newFrame(CompiledXmlTemplate template, int count) {
        if (frames == frameTemplates.length) {
            frameTemplates = Arrays.copyOf(frameTemplates, frames * 2);
            frameFirst = Arrays.copyOf(frameFirst, frames * 2);
            frameCount = Arrays.copyOf(frameCount, frames * 2);
        }
        if (values + count > offsets.length) {
            int n = Math.max(values + count, offsets.length * 2);
            offsets = Arrays.copyOf(offsets, n);
            sizes = Arrays.copyOf(sizes, n);
            types = Arrays.copyOf(types, n);
            childFrames = Arrays.copyOf(childFrames, n);
        }
        frameTemplates[frames] = template;
        frameFirst[frames] = values;
        frameCount[frames] = count;
        values += count;
        return frames++;
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
        if (i >= frameCount[frame]) {
            return 0;
        }
        int type = types[frameFirst[frame] + i];
        return type == 0x81 ? 1 : (type & 0x80) != 0 ? -1 : 0;
    }

    /** The index of value {@code i} of {@code frame} in the record's value arrays. */
    int valueIndex(int frame, int i) {
        return frameFirst[frame] + i;
    }

    byte[] chunk() {
        return chunk;
    }

    int offset(int v) {
        return offsets[v];
    }

    int size(int v) {
        return sizes[v];
    }

    /** 1 if value {@code i} of {@code frame} is NULL or missing, 0 if not, -1 if not decidable here (BinXml). */
    int nullState(int frame, int i) {
        if (i >= frameCount[frame]) {
            return 1;
        }
        int type = types[frameFirst[frame] + i];
        return type == 0 ? 1 : type == 0x21 ? -1 : 0;
    }

    /**
     * Appends value {@code i} of {@code frame} (nothing for NULL or missing; a nested fragment's
     * content in element text); false if it cannot be written here or the text budget ran out.
     */
    boolean write(int frame, int i, boolean attr, Utf8Buffer out, int sp) {
        if (i >= frameCount[frame]) {
            return true;
        }
        int v = frameFirst[frame] + i;
        if ((types[v] & 0x80) != 0) {
            return false; // an array beside other content: left to the general path
        }
        if (types[v] == 0x21) {
            if (attr) {
                return false; // a fragment in an attribute: left to the general path
            }
            int child = childFrames[v];
            return frameTemplates[child].renderContent(this, child, out, sp);
        }
        try {
            RawValueXml.write(chunk, offsets[v], sizes[v], types[v], attr, out, scratch, fileBase);
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
