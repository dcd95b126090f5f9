package io.winlog.evtx.binxml;

import io.winlog.api.CorruptInputException;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.Guids;
import io.winlog.api.event.ValueType;
import io.winlog.evtx.chunk.LittleEndian;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the BinXml of one chunk into {@link BinXmlNode} trees.
 *
 * <p>Offsets inside BinXml (names, template definitions) are relative to the chunk, so one parser
 * serves one chunk buffer: it caches element/attribute names and template definitions by their
 * chunk offset. Every read is bounds-checked against the fragment being parsed, recursion depth
 * is bounded ({@link #MAX_DEPTH}) and a template that refers to itself is rejected, so no input
 * can overflow the stack or loop. Errors are {@link CorruptInputException}s with the file offset.
 *
 * <p>Not thread-safe: one parser per chunk per thread.
 */
public final class BinXmlParser {
    /** Deepest element / template / nested-fragment nesting accepted. */
    public static final int MAX_DEPTH = 64;

    // Token codes (the 0x40 bit means "has attributes" / "more follow" and is masked off).
    static final int EOF = 0x00;
    static final int OPEN_START = 0x01;
    static final int CLOSE_START = 0x02;
    static final int CLOSE_EMPTY = 0x03;
    static final int END_ELEMENT = 0x04;
    static final int VALUE = 0x05;
    static final int ATTRIBUTE = 0x06;
    static final int CDATA = 0x07;
    static final int CHAR_REF = 0x08;
    static final int ENTITY_REF = 0x09;
    static final int PI_TARGET = 0x0A;
    static final int PI_DATA = 0x0B;
    static final int TEMPLATE_INSTANCE = 0x0C;
    static final int NORMAL_SUBSTITUTION = 0x0D;
    static final int OPTIONAL_SUBSTITUTION = 0x0E;
    static final int FRAGMENT_HEADER = 0x0F;

    private final byte[] buf;
    private final int chunkSize;
    private final long fileBase;
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, TemplateDefinition> templates = new HashMap<>();
    private final Map<Integer, Boolean> templatesInProgress = new HashMap<>();
    /** Templates compiled for {@link DirectXmlWriter}, by definition offset; {@link #NOT_COMPILABLE} if declined. */
    /** Per kind of compiled template: this chunk's definitions (by offset) compiled, or NOT_COMPILABLE. */
    @SuppressWarnings("unchecked")
    private final Map<Integer, Object>[] compiled = new Map[CompiledTemplateCache.KINDS];
    private static final Object NOT_COMPILABLE = new Object();

    /**
     * @param chunk     the chunk bytes (chunk offset 0 is {@code chunk[0]})
     * @param chunkSize how many bytes of {@code chunk} are valid
     * @param fileBase  the file offset of the chunk, for error messages
     */
    public BinXmlParser(byte[] chunk, int chunkSize, long fileBase) {
        this.buf = chunk;
        this.chunkSize = chunkSize;
        this.fileBase = fileBase;
    }

    /** The chunk bytes. */
    byte[] chunk() {
        return buf;
    }

    /** The file offset of the chunk. */
    long fileBase() {
        return fileBase;
    }

    /**
     * Reads the template instance header at {@code pos} (its token) with exactly the checks
     * {@link #parseDocument} makes there, and returns its definition (parsed and cached as
     * usual); {@code valuesAt[0]} is set to where the substitution count follows.
     *
     * @param depth the parse depth of the instance (1 for a record's, 3 for one in a BinXml value
     *              of that...): the depth limit applies as in {@link #parseDocument}
     * @throws CorruptInputException as {@link #parseDocument} would for this instance header
     */
    TemplateDefinition instanceDefinition(int pos, int end, int[] valuesAt, int depth) {
        Cursor c = new Cursor(pos, end);
        TemplateDefinition def = instanceHeader(c, depth);
        valuesAt[0] = c.pos;
        return def;
    }

    /**
     * {@code def} compiled for a direct writer (looked up once per chunk, in {@code cache}), or
     * null if it cannot be.
     */
    <T> T compiled(TemplateDefinition def, CompiledTemplateCache<T> cache) {
        Map<Integer, Object> byOffset = compiled[cache.kind];
        if (byOffset == null) {
            byOffset = new HashMap<>();
            compiled[cache.kind] = byOffset;
        }
        Object t = byOffset.get(def.chunkOffset());
        if (t == null) {
            T c = cache.get(def);
            t = c == null ? NOT_COMPILABLE : c;
            byOffset.put(def.chunkOffset(), t);
        }
        @SuppressWarnings("unchecked")
        T result = t == NOT_COMPILABLE ? null : (T) t;
        return result;
    }

    /** Templates parsed so far (for chunk statistics). */
    public int templateCount() {
        return templates.size();
    }

    /**
     * Parses a record's BinXml document in {@code [start, end)} of the chunk.
     *
     * @return the top-level nodes (normally one {@link TemplateInstance} or {@link Element})
     */
    public List<BinXmlNode> parseDocument(int start, int end) {
        Cursor c = new Cursor(start, Math.min(end, chunkSize));
        return parseFragment(c, 0, false);
    }

    // ---- fragments and content --------------------------------------------------------------

    private List<BinXmlNode> parseFragment(Cursor c, int depth, boolean inTemplate) {
        checkDepth(depth, c.pos);
        List<BinXmlNode> nodes = new ArrayList<>(2);
        while (c.pos < c.end) {
            int tok = buf[c.pos] & 0xFF;
            int base = tok & 0xBF;
            if (base == EOF) {
                c.pos++;
                return nodes;
            }
            switch (base) {
                case FRAGMENT_HEADER:
                    c.need(4);
                    c.pos += 4;
                    break;
                case TEMPLATE_INSTANCE:
                    nodes.add(parseTemplateInstance(c, depth + 1));
                    break;
                case OPEN_START:
                    nodes.add(parseElement(c, depth + 1, inTemplate));
                    break;
                case VALUE: case NORMAL_SUBSTITUTION: case OPTIONAL_SUBSTITUTION: case CDATA: case CHAR_REF:
                case ENTITY_REF: case PI_TARGET:
                    nodes.add(parseContentNode(c, base, inTemplate));
                    break;
                default:
                    throw corrupt("unexpected BinXml token 0x" + Integer.toHexString(tok) + " in a fragment", c.pos);
            }
        }
        // A fragment bounded by its size may end without an EOF token.
        return nodes;
    }

    private Element parseElement(Cursor c, int depth, boolean inTemplate) {
        checkDepth(depth, c.pos);
        int start = c.pos;
        int tok = c.u8();
        boolean hasAttributes = (tok & 0x40) != 0;
        if (hasDependencyId(c, inTemplate)) {
            c.pos += 2; // dependency identifier
        }
        long dataSize = c.u32();
        int elementEnd = (int) Math.min((long) c.pos + dataSize, (long) c.end);
        if (dataSize > c.end - c.pos) {
            throw corrupt("element size " + dataSize + " runs past the end of its fragment", start);
        }
        String name = readName(c);
        List<Attribute> attributes = List.of();
        if (hasAttributes) {
            long listSize = c.u32();
            if (listSize > elementEnd - c.pos) {
                throw corrupt("attribute list size " + listSize + " runs past its element", c.pos - 4);
            }
            attributes = new ArrayList<>(4);
            while (c.pos < elementEnd && ((buf[c.pos] & 0xBF) == ATTRIBUTE)) {
                c.pos++;
                String an = readName(c);
                attributes.add(new Attribute(an, Collections.unmodifiableList(parseAttributeValue(c, inTemplate))));
            }
        }
        c.need(1);
        int close = buf[c.pos] & 0xFF;
        List<BinXmlNode> children = List.of();
        if (close == CLOSE_EMPTY) {
            c.pos++;
        } else if (close == CLOSE_START) {
            c.pos++;
            children = new ArrayList<>(2);
            while (true) {
                c.need(1);
                int t = buf[c.pos] & 0xFF;
                int base = t & 0xBF;
                if (base == END_ELEMENT) {
                    c.pos++;
                    break;
                }
                if (base == OPEN_START) {
                    children.add(parseElement(c, depth + 1, inTemplate));
                } else if (base == TEMPLATE_INSTANCE) {
                    children.add(parseTemplateInstance(c, depth + 1));
                } else if (base == PI_TARGET || base == VALUE || base == NORMAL_SUBSTITUTION
                        || base == OPTIONAL_SUBSTITUTION || base == CDATA || base == CHAR_REF || base == ENTITY_REF) {
                    children.add(parseContentNode(c, base, inTemplate));
                } else {
                    throw corrupt("unexpected BinXml token 0x" + Integer.toHexString(t) + " in element <" + name + ">",
                            c.pos);
                }
            }
        } else {
            throw corrupt("element <" + name + "> lacks its close-start token (found 0x" + Integer.toHexString(close)
                    + ")", c.pos);
        }
        // Unmodifiable: template elements are shared by every record expanded from them.
        return new Element(name, attributes.isEmpty() ? List.of() : Collections.unmodifiableList(attributes),
                children.isEmpty() ? List.of() : Collections.unmodifiableList(children));
    }

    /**
     * Whether this open-start-element token carries the 16-bit dependency identifier. Elements in
     * template definitions have it; elements stored directly in a record (forwarded/WEC events,
     * some UserData) do not. The layout is told apart by where each reading puts the name: an
     * inline name starts right after its offset field, a shared name lies earlier in the chunk.
     */
    private boolean hasDependencyId(Cursor c, boolean inTemplate) {
        boolean with = plausibleElement(c, c.pos + 2);
        boolean without = plausibleElement(c, c.pos);
        if (with && without) {
            return inTemplate;
        }
        return with || !without && inTemplate;
    }

    private boolean plausibleElement(Cursor c, int sizeAt) {
        if (sizeAt + 8 > c.end) {
            return false;
        }
        long size = LittleEndian.u32(buf, sizeAt);
        long nameOff = LittleEndian.u32(buf, sizeAt + 4);
        int afterName = sizeAt + 8;
        if (size > c.end - (sizeAt + 4)) {
            return false;
        }
        return nameOff == afterName || (nameOff >= 512 && nameOff < sizeAt && nameOff + 8 <= chunkSize);
    }

    private List<BinXmlNode> parseAttributeValue(Cursor c, boolean inTemplate) {
        List<BinXmlNode> parts = new ArrayList<>(1);
        while (c.pos < c.end) {
            int base = buf[c.pos] & 0xBF;
            if (base == VALUE || base == NORMAL_SUBSTITUTION || base == OPTIONAL_SUBSTITUTION || base == CHAR_REF
                    || base == ENTITY_REF || base == CDATA) {
                parts.add(parseContentNode(c, base, inTemplate));
            } else {
                break;
            }
        }
        return parts;
    }

    private BinXmlNode parseContentNode(Cursor c, int base, boolean inTemplate) {
        int at = c.pos;
        c.pos++;
        switch (base) {
            case VALUE: {
                int type = c.u8();
                return new Value(readInlineValue(c, type, at));
            }
            case NORMAL_SUBSTITUTION:
            case OPTIONAL_SUBSTITUTION: {
                c.need(3);
                int index = c.u16();
                int type = c.u8();
                return new Substitution(index, type, base == OPTIONAL_SUBSTITUTION);
            }
            case CDATA:
                return new CData(readLengthPrefixedUtf16(c));
            case CHAR_REF:
                return new CharRef(c.u16());
            case ENTITY_REF:
                return new EntityRef(readName(c));
            case PI_TARGET: {
                String target = readName(c);
                String data = "";
                if (c.pos < c.end && (buf[c.pos] & 0xBF) == PI_DATA) {
                    c.pos++;
                    data = readLengthPrefixedUtf16(c);
                }
                return new ProcessingInstruction(target, data);
            }
            default:
                throw corrupt("unexpected BinXml token 0x" + Integer.toHexString(base), at);
        }
    }

    /**
     * A value token's value. Strings carry a 16-bit character count; fixed-size types are stored
     * as is; other variable-size types carry a 16-bit byte count.
     */
    private EventValue readInlineValue(Cursor c, int type, int tokenAt) {
        ValueType t = ValueType.ofCode(type);
        if (t == null) {
            throw corrupt("unknown value type 0x" + Integer.toHexString(type) + " in a value token", tokenAt);
        }
        if (t == ValueType.STRING) {
            return EventValue.ofString(readLengthPrefixedUtf16(c));
        }
        if (t == ValueType.NULL) {
            return EventValue.NULL;
        }
        int fixed = ValueDecoder.fixedSize(t);
        int size;
        if (fixed > 0) {
            size = fixed;
        } else if (t == ValueType.SID) {
            c.need(2);
            size = 8 + 4 * (buf[c.pos + 1] & 0xFF);
        } else if (t == ValueType.SIZE_T) {
            size = 8;
        } else {
            size = c.u16();
        }
        c.need(size);
        EventValue v = ValueDecoder.decode(buf, c.pos, size, type, fileBase);
        c.pos += size;
        return v;
    }

    private String readLengthPrefixedUtf16(Cursor c) {
        int chars = c.u16();
        c.need(chars * 2);
        String s = ValueDecoder.decodeUtf16(buf, c.pos, chars * 2);
        c.pos += chars * 2;
        return s;
    }

    // ---- names ----------------------------------------------------------------------------

    /**
     * Reads a name reference: a chunk offset; when it points right here the name string is
     * stored inline and skipped.
     */
    private String readName(Cursor c) {
        int at = c.pos;
        long off = c.u32();
        if (off == c.pos) {
            String s = name((int) off);
            c.pos += nameSize((int) off);
            if (c.pos > c.end) {
                throw corrupt("inline name runs past the end of its fragment", at);
            }
            return s;
        }
        if (off < 0 || off + 8 > chunkSize) {
            throw corrupt("name offset " + off + " is outside the chunk", at);
        }
        return name((int) off);
    }

    private int nameSize(int off) {
        return 8 + 2 * LittleEndian.u16(buf, off + 6) + 2;
    }

    private String name(int off) {
        String s = names.get(off);
        if (s != null) {
            return s;
        }
        if (off < 0 || off + 8 > chunkSize) {
            throw corrupt("name offset " + off + " is outside the chunk", off);
        }
        int chars = LittleEndian.u16(buf, off + 6);
        if (off + 8 + 2L * chars > chunkSize) {
            throw corrupt("name of " + chars + " characters runs past the end of the chunk", off);
        }
        s = ValueDecoder.decodeUtf16(buf, off + 8, chars * 2);
        names.put(off, s);
        return s;
    }

    // ---- templates ------------------------------------------------------------------------

    /** The instance header: token, template id, definition offset, and a resident definition. */
    private TemplateDefinition instanceHeader(Cursor c, int depth) {
        checkDepth(depth, c.pos);
        int at = c.pos;
        c.need(10);
        c.pos += 2; // token, unknown byte
        c.pos += 4; // template id (the first 4 bytes of the GUID)
        long defOffset = c.u32();
        TemplateDefinition def;
        if (defOffset == c.pos) {
            // Resident: the definition follows here (first use in this chunk).
            def = template((int) defOffset, depth);
            long skip = 24L + def.dataSize();
            if (skip > c.end - c.pos) {
                throw corrupt("resident template runs past the end of its record", at);
            }
            c.pos += (int) skip;
        } else {
            if (defOffset < 512 || defOffset + 24 > chunkSize) {
                throw corrupt("template offset " + defOffset + " is outside the chunk", at);
            }
            def = template((int) defOffset, depth);
        }
        return def;
    }

    @SuppressWarnings("unchecked")
    private TemplateInstance parseTemplateInstance(Cursor c, int depth) {
        TemplateDefinition def = instanceHeader(c, depth);
        // Substitution array: count, descriptors (size u16, type u8, pad u8), then the values.
        long count = c.u32();
        if (count * 4 > c.end - c.pos) {
            throw corrupt("substitution count " + count + " does not fit its record", c.pos - 4);
        }
        int n = (int) count;
        int descAt = c.pos;
        c.pos += 4 * n;
        EventValue[] values = new EventValue[n];
        List<BinXmlNode>[] fragments = null;
        for (int i = 0; i < n; i++) {
            int size = LittleEndian.u16(buf, descAt + 4 * i);
            int type = buf[descAt + 4 * i + 2] & 0xFF;
            c.need(size);
            if (type == ValueType.BINXML.code()) {
                if (fragments == null) {
                    fragments = new List[n];
                }
                Cursor sub = new Cursor(c.pos, c.pos + size);
                fragments[i] = parseFragment(sub, depth + 1, false);
                values[i] = EventValue.NULL;
            } else {
                values[i] = ValueDecoder.decode(buf, c.pos, size, type, fileBase);
            }
            c.pos += size;
        }
        return new TemplateInstance(def, values, fragments);
    }

    private TemplateDefinition template(int off, int depth) {
        TemplateDefinition def = templates.get(off);
        if (def != null) {
            return def;
        }
        if (templatesInProgress.containsKey(off)) {
            throw corrupt("template refers to itself", off);
        }
        if (off + 24 > chunkSize) {
            throw corrupt("template definition header runs past the end of the chunk", off);
        }
        long dataSize = LittleEndian.u32(buf, off + 20);
        if (dataSize > chunkSize - off - 24) {
            throw corrupt("template definition of " + dataSize + " bytes runs past the end of the chunk", off);
        }
        templatesInProgress.put(off, Boolean.TRUE);
        try {
            Cursor c = new Cursor(off + 24, off + 24 + (int) dataSize);
            List<BinXmlNode> nodes = parseFragment(c, depth + 1, true);
            def = new TemplateDefinition(off, Guids.fromBytes(buf, off + 4), (int) dataSize, nodes);
            templates.put(off, def);
            return def;
        } finally {
            templatesInProgress.remove(off);
        }
    }

    // ---- helpers --------------------------------------------------------------------------

    private void checkDepth(int depth, int at) {
        if (depth > MAX_DEPTH) {
            throw corrupt("BinXml nesting deeper than " + MAX_DEPTH, at);
        }
    }

    private CorruptInputException corrupt(String msg, int chunkOffset) {
        return new CorruptInputException(msg, fileBase + chunkOffset);
    }

    /** A read position with an exclusive end inside the chunk buffer. */
    private final class Cursor {
        int pos;
        final int end;

        Cursor(int pos, int end) {
            this.pos = pos;
            this.end = Math.min(end, chunkSize);
        }

        void need(int n) {
            if (n < 0 || pos + (long) n > end) {
                throw corrupt("BinXml data runs past the end of its fragment (needs " + n + " bytes)", pos);
            }
        }

        int u8() {
            need(1);
            return buf[pos++] & 0xFF;
        }

        int u16() {
            need(2);
            int v = LittleEndian.u16(buf, pos);
            pos += 2;
            return v;
        }

        long u32() {
            need(4);
            long v = LittleEndian.u32(buf, pos);
            pos += 4;
            return v;
        }
    }
}
