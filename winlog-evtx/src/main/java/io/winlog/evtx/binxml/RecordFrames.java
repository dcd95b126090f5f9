package io.winlog.evtx.binxml;

import io.winlog.api.CorruptInputException;
import io.winlog.evtx.chunk.LittleEndian;
import java.util.Arrays;

/**
 * The template instances of one record, read in place from its bytes for the direct writers
 * ({@link DirectXmlWriter}, {@link DirectJsonWriter}): for each instance (a frame) its
 * definition and where each substitution value lies, with its type and size. A value of type
 * BinXml holds a nested fragment; its instance is read as a frame of its own
 * ({@link #childFrame}).
 *
 * <p>It takes records of the shape nearly every record has: a fragment header, one template
 * instance, the end token, where a value may itself be a fragment of that shape (the EventData
 * of Security events), at most {@link #MAX_NESTING} levels deep. Templates are read by the
 * parser itself (same checks, same cache, same order as the general path), and every value, used
 * or not, must pass {@link RawValueXml#writable} (the checks {@link ValueDecoder} makes), so a
 * record read here is one the general path parses without error. Anything else makes
 * {@link #read} return -1 and the caller takes the general path, which reports any damage.
 *
 * <p>Not thread-safe: one per writer.
 */
final class RecordFrames {
    /** Nested BinXml levels taken here (Security events need one); deeper records fall back. */
    static final int MAX_NESTING = 3;

    // The values of all template instances of the record; a frame is one instance's slice.
    private int[] offsets = new int[64];
    private int[] sizes = new int[64];
    private int[] types = new int[64];
    /** For a BinXml value, the frame of the instance it holds. */
    private int[] childFrames = new int[64];
    private int values;

    private TemplateDefinition[] definitions = new TemplateDefinition[8];
    private int[] frameFirst = new int[8];
    private int[] frameCount = new int[8];
    private int frames;

    private byte[] chunk;
    private BinXmlParser parser;
    private final int[] valuesAt = new int[1];
    private final int[] endAt = new int[1];

    /**
     * Reads the record whose BinXml is {@code [start, end)} of the parser's chunk.
     *
     * @return the record's frame (0), or -1 when the record must take the general path
     */
    int read(BinXmlParser parser, int start, int end) {
        this.parser = parser;
        this.chunk = parser.chunk();
        values = 0;
        frames = 0;
        return readFragment(start, end, 1, 0);
    }

    /** Drops the references to the chunk (call when the record is written). */
    void release() {
        parser = null;
        chunk = null;
        Arrays.fill(definitions, 0, frames, null);
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
        int frame = newFrame(def, count);
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

    private int newFrame(TemplateDefinition def, int count) {
        if (frames == definitions.length) {
            definitions = Arrays.copyOf(definitions, frames * 2);
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
        definitions[frames] = def;
        frameFirst[frames] = values;
        frameCount[frames] = count;
        values += count;
        return frames++;
    }

    /**
     * Every frame's template compiled by {@code cache} (looked up once per chunk), in
     * {@code into} or a larger copy of it; null if one cannot be compiled (the record then takes
     * the general path).
     */
    <T> T[] compileAll(CompiledTemplateCache<T> cache, T[] into) {
        T[] compiled = into.length >= frames ? into : Arrays.copyOf(into, Math.max(frames, into.length * 2));
        for (int f = 0; f < frames; f++) {
            T t = parser.compiled(definitions[f], cache);
            if (t == null) {
                return null;
            }
            compiled[f] = t;
        }
        return compiled;
    }

    // ---- what the writers read -------------------------------------------------------------

    /** The number of frames read. */
    int frames() {
        return frames;
    }

    /** The template definition of {@code frame}. */
    TemplateDefinition definition(int frame) {
        return definitions[frame];
    }

    /** The chunk parser of the record. */
    BinXmlParser parser() {
        return parser;
    }

    byte[] chunk() {
        return chunk;
    }

    /** True if {@code frame} has a value {@code i} (substitution indexes past the count are missing). */
    boolean has(int frame, int i) {
        return i < frameCount[frame];
    }

    /** The number of values of {@code frame}. */
    int count(int frame) {
        return frameCount[frame];
    }

    /** The index of value {@code i} of {@code frame} in the record's value arrays. */
    int valueIndex(int frame, int i) {
        return frameFirst[frame] + i;
    }

    int offset(int v) {
        return offsets[v];
    }

    int size(int v) {
        return sizes[v];
    }

    int type(int v) {
        return types[v];
    }

    /** The frame of the instance that BinXml value {@code v} holds. */
    int childFrame(int v) {
        return childFrames[v];
    }
}
