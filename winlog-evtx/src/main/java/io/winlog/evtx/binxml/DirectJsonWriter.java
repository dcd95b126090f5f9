package io.winlog.evtx.binxml;

import static io.winlog.evtx.binxml.CompiledJsonTemplate.ACTIVITY_ID;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.BINARY;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.CHANNEL;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.COMPUTER;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.DATA_DROPPABLE;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.EMPTY;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.EVENT_DATA;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.EVENT_ID;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.EVENT_SOURCE_NAME;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.FIELDS;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.KERNEL_TIME;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.KEYWORDS;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.LEVEL;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.OPCODE;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.PROCESSOR_ID;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.PROCESSOR_TIME;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.PROCESS_ID;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.PROVIDER_GUID;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.PROVIDER_NAME;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.QUALIFIERS;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.RECORD_ID;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.RELATED_ACTIVITY_ID;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.SESSION_ID;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.SYSTEM;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.TASK;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.THREAD_ID;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.TIME_CREATED;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.UNNAMED;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.UNSET;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.USER_SID;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.USER_TIME;
import static io.winlog.evtx.binxml.CompiledJsonTemplate.VERSION;

import io.winlog.api.event.FileTime;
import io.winlog.api.event.ValueType;
import io.winlog.api.render.EventJson;
import io.winlog.evtx.chunk.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a record's reference-JSONL line ({@link io.winlog.api.render.EventJson} of the
 * record's event, with the record header's number and time) straight from its bytes: the fast
 * path of {@code winlog dump --format jsonl}. No tree, no event model, no value objects or
 * strings: the record's template instances are read in place ({@link RecordFrames}), each
 * template's mapping is compiled once ({@link CompiledJsonTemplate}), and a record is written in
 * two steps. First the programs run over the values and note, for every field, which value it
 * comes from, and list the data items; then the line is written in the schema's key order,
 * each value formatted from its bytes ({@link RawValueJson}).
 *
 * <p>Like {@link DirectXmlWriter} it only writes records the general path accepts
 * ({@link RecordFrames} and a bound on the expander's budgets), and then the same bytes as the
 * general path ({@code EventJson} over {@link TemplateEventMapper}'s event). Anything else, a
 * shape it does not map or a value it does not format (floats, numbers written as text...),
 * makes {@link #write} return false with nothing written. A test compares both paths
 * on every record of every sample and on fuzzed files.
 *
 * <p>Not thread-safe: one writer per thread.
 */
public final class DirectJsonWriter {
    /** Resolved source: a NULL or missing value (an element's content that is NULL or absent). */
    private static final int NULL_VALUE = -2;
    /** Resolved source: the literal in {@code fieldLiteral}. */
    private static final int LITERAL = -3;
    /** Resolved source: not set (null). */
    private static final int NOT_SET = -1;

    // The line's fixed text, pre-encoded (appending a byte[] is a plain copy).
    private static final byte[] ACTIVITY_ID_KEY = ascii(", \"activity_id\": ");
    private static final byte[] ARRAY_INDEX_KEY = ascii("\", \"array_index\": ");
    private static final byte[] CHANNEL_KEY = ascii(", \"channel\": ");
    private static final byte[] COMMA = ascii(", ");
    private static final byte[] COMPUTER_KEY = ascii(", \"computer\": ");
    private static final byte[] EMPTY_STRING = ascii("\"\"");
    private static final byte[] EVENT_DATA_BINARY_KEY = ascii(", \"event_data_binary\": \"");
    private static final byte[] EVENT_DATA_KEY = ascii(", \"event_data\": [");
    private static final byte[] EVENT_ID_KEY = ascii(", \"event_id\": ");
    private static final byte[] EVENT_SOURCE_NAME_KEY = ascii(", \"event_source_name\": ");
    private static final byte[] EXECUTION_PID_KEY = ascii(", \"execution_pid\": ");
    private static final byte[] EXECUTION_TID_KEY = ascii(", \"execution_tid\": ");
    private static final byte[] FALSE = ascii("\"false\"");
    private static final byte[] HEADER_RECORD_NUM_KEY = ascii(", \"header_record_num\": ");
    private static final byte[] HEADER_TIMESTAMP_KEY = ascii(", \"header_timestamp\": \"");
    private static final byte[] ITEM_END = ascii("\"}");
    private static final byte[] KEYWORDS_KEY = ascii(", \"keywords\": ");
    private static final byte[] LEVEL_KEY = ascii(", \"level\": ");
    private static final byte[] NAME_KEY = ascii("{\"name\": ");
    private static final byte[] NULL = ascii("null");
    private static final byte[] OPCODE_KEY = ascii(", \"opcode\": ");
    private static final byte[] OTHER_VALUE_SEP = ascii("\": \"");
    private static final byte[] PROVIDER_GUID_KEY = ascii(", \"provider_guid\": ");
    private static final byte[] PROVIDER_NAME_KEY = ascii(", \"provider_name\": ");
    private static final byte[] QUALIFIERS_KEY = ascii(", \"qualifiers\": ");
    private static final byte[] RECORD_ID_KEY = ascii("{\"record_id\": ");
    private static final byte[] RELATED_ACTIVITY_ID_KEY = ascii(", \"related_activity_id\": ");
    private static final byte[] SECURITY_USER_SID_KEY = ascii(", \"security_user_sid\": ");
    private static final byte[] TASK_KEY = ascii(", \"task\": ");
    private static final byte[] TIMESTAMP_KEY = ascii(", \"timestamp\": ");
    private static final byte[] TRUE = ascii("\"true\"");
    private static final byte[] TYPE_KEY = ascii(", \"type\": \"");
    private static final byte[] VALUE_KEY = ascii(", \"value\": ");
    private static final byte[] VERSION_KEY = ascii(", \"version\": ");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static final byte[][] TYPE_NAMES = new byte[256][];

    static {
        for (int code = 0; code < 256; code++) {
            ValueType t = ValueType.ofCode(code);
            if (t != null) {
                TYPE_NAMES[code] = t.referenceName().getBytes(StandardCharsets.US_ASCII);
            }
        }
    }

    private final RecordFrames frames = new RecordFrames();
    private CompiledJsonTemplate[] frameTemplates = new CompiledJsonTemplate[8];
    private final CompiledTemplateCache<CompiledJsonTemplate> templates =
            new CompiledTemplateCache<>(CompiledTemplateCache.JSON, CompiledJsonTemplate::compile);

    // What the programs found: per System field a value index (>= 0) or NOT_SET, NULL_VALUE, LITERAL.
    private final int[] fieldValue = new int[FIELDS];
    private final Object[] fieldLiteral = new Object[FIELDS];
    private boolean systemSeen;
    // The data items, in order: the name (a value index, NOT_SET, NULL_VALUE or LITERAL with
    // the encoded name) and the value (a value index or NULL_VALUE).
    private int[] itemName = new int[32];
    private byte[][] itemNameLiteral = new byte[32][];
    private int[] itemValue = new int[32];
    private int items;
    /** The value index of the binary data, or -1. */
    private int binaryValue;

    private byte[] chunk;
    private long num;
    private boolean declined;
    private final StringBuilder scratch = new StringBuilder(32);
    private long lastTicks;
    private final byte[] lastTime = new byte[48];
    private int lastTimeLength = -1;

    /**
     * Appends the JSON line (without newline) of the record whose BinXml is {@code [start, end)}
     * of the parser's chunk, as {@code EventJson.render(event, headerRecordNumber,
     * headerTimestamp, out)} would write it.
     *
     * @return true if written; false, with {@code out} unchanged, when the record must take the
     *         general path
     */
    public boolean write(BinXmlParser parser, int start, int end, long headerRecordNumber, long headerTicks,
                         Utf8Buffer out) {
        if (out.pendingHigh != 0) {
            return false;
        }
        int mark = out.length();
        boolean done = false;
        try {
            if (frames.read(parser, start, end) == 0 && compileFrames() && withinBudgets()
                    && frameTemplates[0].root != null) {
                chunk = parser.chunk();
                items = 0;
                binaryValue = -1;
                systemSeen = false;
                declined = false;
                Arrays.fill(fieldValue, NOT_SET);
                if (eventLevel(frameTemplates[0].root, 0) && !declined) {
                    line(headerRecordNumber, headerTicks, out);
                    done = !declined;
                }
            }
        } finally {
            frames.release();
            Arrays.fill(frameTemplates, null);
            Arrays.fill(fieldLiteral, null);
            Arrays.fill(itemNameLiteral, 0, items, null);
            chunk = null;
        }
        if (!done) {
            out.truncate(mark);
        }
        return done;
    }

    /** Looks up every frame's compiled template; false if one cannot be compiled. */
    private boolean compileFrames() {
        CompiledJsonTemplate[] compiled = frames.compileAll(templates, frameTemplates);
        if (compiled == null) {
            return false;
        }
        frameTemplates = compiled;
        return true;
    }

    /**
     * True when the record stays within {@link TemplateExpander#check}'s node and text budgets
     * by an upper bound: every template's nodes, its static values and what the budget counts
     * for each value reference (strings their length, binary twice, arrays 16 per element, other
     * values 16). Real records are far below; only hostile ones come near.
     */
    private boolean withinBudgets() {
        long nodes = 0;
        long chars = 0;
        for (int f = 0, n = frames.frames(); f < n; f++) {
            CompiledJsonTemplate t = frameTemplates[f];
            nodes += t.nodeCost;
            chars += t.staticChars;
            for (int i : t.references) {
                if (!frames.has(f, i)) {
                    continue;
                }
                int v = frames.valueIndex(f, i);
                int size = frames.size(v);
                switch (frames.type(v)) {
                    case 0x21: break; // a nested fragment: counted as its own frame
                    case 0x01: case 0x23: chars += size / 2; break;
                    case 0x02: chars += size; break;
                    case 0x0E: chars += 2L * size; break;
                    default: chars += (frames.type(v) & 0x80) != 0 ? 16L * (size + 1) : 16; break;
                }
            }
        }
        return nodes <= TemplateExpander.MAX_NODES && chars <= TemplateExpander.MAX_CHARS;
    }

    // ---- step 1: run the programs ----------------------------------------------------------

    /** Runs an event-level program over {@code frame}'s values; false to decline. */
    private boolean eventLevel(int[] code, int frame) {
        CompiledJsonTemplate t = frameTemplates[frame];
        for (int pc = 0; pc < code.length; pc += 2) {
            switch (code[pc]) {
                case SYSTEM:
                    if (systemSeen) {
                        return false; // a second System overrides fields: left to the general path
                    }
                    systemSeen = true;
                    int[] sources = t.systems[code[pc + 1]];
                    for (int f = 0; f < FIELDS; f++) {
                        fieldValue[f] = resolve(t, frame, sources[f], f);
                    }
                    break;
                case EVENT_DATA:
                    if (!dataLevel(t.dataPrograms[code[pc + 1]], frame)) {
                        return false;
                    }
                    break;
                default: { // FRAGMENT
                    int v = fragment(frame, code[pc + 1]);
                    if (v >= 0) {
                        int child = frames.childFrame(v);
                        int[] nested = frameTemplates[child].eventContent;
                        if (nested == null || !eventLevel(nested, child)) {
                            return false;
                        }
                    }
                    // NULL, missing or a scalar value: nothing at this level.
                }
            }
        }
        return !declined;
    }

    /** Runs a data-level program over {@code frame}'s values; false to decline. */
    private boolean dataLevel(int[] code, int frame) {
        CompiledJsonTemplate t = frameTemplates[frame];
        for (int pc = 0; pc < code.length; pc += 3) {
            int op = code[pc];
            if (op == UNNAMED) {
                int f = fragment(frame, code[pc + 2]);
                if (f >= 0) {
                    int child = frames.childFrame(f);
                    int[] nested = frameTemplates[child].dataContent;
                    if (nested == null || !dataLevel(nested, child)) {
                        return false;
                    }
                    continue;
                }
            }
            int value = content(frame, code[pc + 2]);
            if (value == Integer.MIN_VALUE) {
                return false; // a nested fragment where a value is read
            }
            switch (op) {
                case BINARY:
                    if (value >= 0) {
                        if (frames.type(value) != 0x0E) {
                            return false; // binary written as text: left to the general path
                        }
                        if (frames.size(value) > 0) {
                            binaryValue = value;
                        }
                    }
                    break;
                case UNNAMED:
                    if (value >= 0) {
                        addItem(NOT_SET, null, value); // a non-NULL value among the data: an item without a name
                    }
                    break;
                default: // DATA, DATA_DROPPABLE
                    if (op == DATA_DROPPABLE && value == NULL_VALUE) {
                        break; // the expander drops the element
                    }
                    int name = resolve(t, frame, code[pc + 1], -1);
                    addItem(name, name == LITERAL ? (byte[]) literalOf(t, code[pc + 1]) : null, value);
                    break;
            }
        }
        return !declined;
    }

    private void addItem(int name, byte[] nameLiteral, int value) {
        if (items == itemName.length) {
            itemName = Arrays.copyOf(itemName, items * 2);
            itemNameLiteral = Arrays.copyOf(itemNameLiteral, items * 2);
            itemValue = Arrays.copyOf(itemValue, items * 2);
        }
        itemName[items] = name;
        itemNameLiteral[items] = nameLiteral;
        itemValue[items] = value;
        items++;
    }

    /**
     * A compiled source resolved in {@code frame}: a value index, {@link #NOT_SET},
     * {@link #NULL_VALUE} or {@link #LITERAL} (stored in {@code fieldLiteral[field]} when
     * {@code field >= 0}). A nested fragment declines the record.
     */
    private int resolve(CompiledJsonTemplate t, int frame, int source, int field) {
        if (source == UNSET) {
            return NOT_SET;
        }
        if (source == EMPTY) {
            return NULL_VALUE;
        }
        if (CompiledJsonTemplate.isLiteral(source)) {
            if (field >= 0) {
                fieldLiteral[field] = literalOf(t, source);
            }
            return LITERAL;
        }
        int v = content(frame, source);
        if (v == Integer.MIN_VALUE) {
            declined = true;
            return NOT_SET;
        }
        return v;
    }

    private static Object literalOf(CompiledJsonTemplate t, int source) {
        return t.literals[CompiledJsonTemplate.literalIndex(source)];
    }

    /**
     * The value of substitution source {@code source} (or {@link #EMPTY}) in {@code frame}: its
     * index, {@link #NULL_VALUE} when it is NULL or missing, {@code Integer.MIN_VALUE} for a nested
     * fragment.
     */
    private int content(int frame, int source) {
        if (source < 0) {
            return NULL_VALUE;
        }
        int i = source >>> 1;
        if (!frames.has(frame, i)) {
            return NULL_VALUE;
        }
        int v = frames.valueIndex(frame, i);
        int type = frames.type(v);
        return type == 0x00 ? NULL_VALUE : type == 0x21 ? Integer.MIN_VALUE : v;
    }

    /** The value index of substitution {@code source} in {@code frame} if it is a nested fragment, else -1. */
    private int fragment(int frame, int source) {
        int i = source >>> 1;
        if (!frames.has(frame, i)) {
            return -1;
        }
        int v = frames.valueIndex(frame, i);
        return frames.type(v) == 0x21 ? v : -1;
    }

    // ---- step 2: the line, in EventJson's key order ---------------------------------------

    private void line(long headerRecordNumber, long headerTicks, Utf8Buffer out) {
        out.appendUtf8(RECORD_ID_KEY).append(number(RECORD_ID) ? num : 0);
        if (headerRecordNumber >= 0) {
            out.appendUtf8(HEADER_RECORD_NUM_KEY).append(headerRecordNumber);
            out.appendUtf8(HEADER_TIMESTAMP_KEY);
            fileTime(headerTicks, out);
            out.ascii('"');
        }
        out.appendUtf8(TIMESTAMP_KEY);
        instant(TIME_CREATED, out);
        out.appendUtf8(EVENT_ID_KEY).append(number(EVENT_ID) ? (int) (num & 0xFFFF) : 0);
        out.appendUtf8(QUALIFIERS_KEY);
        if (number(QUALIFIERS)) {
            out.append((int) (num & 0xFFFF));
        } else {
            out.appendUtf8(NULL);
        }
        integer(VERSION_KEY, VERSION, out);
        integer(LEVEL_KEY, LEVEL, out);
        integer(TASK_KEY, TASK, out);
        integer(OPCODE_KEY, OPCODE, out);
        out.appendUtf8(KEYWORDS_KEY);
        if (number(KEYWORDS)) {
            out.ascii('"');
            RawValueJson.hexPadded(num, 16, out);
            out.ascii('"');
        } else {
            out.appendUtf8(NULL);
        }
        out.appendUtf8(PROVIDER_NAME_KEY);
        text(PROVIDER_NAME, out);
        out.appendUtf8(PROVIDER_GUID_KEY);
        text(PROVIDER_GUID, out);
        if (fieldValue[EVENT_SOURCE_NAME] >= 0 || fieldValue[EVENT_SOURCE_NAME] == LITERAL
                && fieldLiteral[EVENT_SOURCE_NAME] != null) {
            out.appendUtf8(EVENT_SOURCE_NAME_KEY);
            text(EVENT_SOURCE_NAME, out);
        }
        out.appendUtf8(CHANNEL_KEY);
        channel(out);
        out.appendUtf8(COMPUTER_KEY);
        if (fieldValue[COMPUTER] == NULL_VALUE) {
            out.appendUtf8(EMPTY_STRING); // an empty or NULL Computer element is the empty text
        } else {
            text(COMPUTER, out);
        }
        out.appendUtf8(ACTIVITY_ID_KEY);
        guid(ACTIVITY_ID, out);
        out.appendUtf8(RELATED_ACTIVITY_ID_KEY);
        guid(RELATED_ACTIVITY_ID, out);
        longOrNull(EXECUTION_PID_KEY, PROCESS_ID, out);
        longOrNull(EXECUTION_TID_KEY, THREAD_ID, out);
        executionOther(out);
        out.appendUtf8(SECURITY_USER_SID_KEY);
        sid(out);
        out.appendUtf8(EVENT_DATA_KEY);
        for (int i = 0; i < items && !declined; i++) {
            item(i, out);
        }
        out.ascii(']');
        if (binaryValue >= 0) {
            out.appendUtf8(EVENT_DATA_BINARY_KEY);
            RawValueJson.hexUpper(chunk, frames.offset(binaryValue), frames.size(binaryValue), out);
            out.ascii('"');
        }
        out.ascii('}');
    }

    /** {@code EventRecordMapper.number} of field {@code f}: true with it in {@link #num}, false for null. */
    private boolean number(int f) {
        int v = fieldValue[f];
        if (v >= 0) {
            return integer(v);
        }
        return false; // NOT_SET, NULL_VALUE (number fields have no literals: CompiledJsonTemplate)
    }

    /** An integer (or Boolean) value as the event model holds it; anything else declines. */
    private boolean integer(int v) {
        byte[] b = chunk;
        int off = frames.offset(v);
        switch (frames.type(v)) {
            case 0x03: num = b[off]; return true;
            case 0x04: num = b[off] & 0xFF; return true;
            case 0x05: num = (short) LittleEndian.u16(b, off); return true;
            case 0x06: num = LittleEndian.u16(b, off); return true;
            case 0x07: num = LittleEndian.i32(b, off); return true;
            case 0x08: case 0x14: num = LittleEndian.u32(b, off); return true;
            case 0x09: case 0x0A: case 0x15: num = LittleEndian.i64(b, off); return true;
            case 0x10: num = frames.size(v) == 4 ? LittleEndian.u32(b, off) : LittleEndian.i64(b, off); return true;
            case 0x0D: num = boolRaw(b, off, frames.size(v)); return true;
            default:
                declined = true; // a number written as text: parsed by the general path
                return false;
        }
    }

    private static long boolRaw(byte[] b, int off, int size) {
        return size == 1 ? b[off] & 0xFF : size == 2 ? LittleEndian.u16(b, off) : LittleEndian.u32(b, off);
    }

    /** An Integer field of the model (the number cut to 32 bits), or null. */
    private void integer(byte[] key, int f, Utf8Buffer out) {
        out.appendUtf8(key);
        if (number(f)) {
            out.append((int) num);
        } else {
            out.appendUtf8(NULL);
        }
    }

    private void longOrNull(byte[] key, int f, Utf8Buffer out) {
        out.appendUtf8(key);
        if (number(f)) {
            out.append(num);
        } else {
            out.appendUtf8(NULL);
        }
    }

    /** {@code execution_other}: ProcessorID and SessionID (32-bit), KernelTime, UserTime, ProcessorTime; only those set. */
    private void executionOther(Utf8Buffer out) {
        boolean first = true;
        for (int f = PROCESSOR_ID; f <= PROCESSOR_TIME; f++) {
            if (!number(f)) {
                continue;
            }
            out.ascii(first ? ", \"execution_other\": {\"" : ", \"");
            first = false;
            out.ascii(otherKey(f)).appendUtf8(OTHER_VALUE_SEP).append(f <= SESSION_ID ? (int) num : num).ascii('"');
        }
        if (!first) {
            out.ascii('}');
        }
    }

    private static String otherKey(int f) {
        switch (f) {
            case PROCESSOR_ID: return "ProcessorID";
            case SESSION_ID: return "SessionID";
            case KERNEL_TIME: return "KernelTime";
            case USER_TIME: return "UserTime";
            default: return "ProcessorTime";
        }
    }

    /** A text field (TemplateEventMapper's attrText or contentText) as a JSON string, or null. */
    private void text(int f, Utf8Buffer out) {
        int v = fieldValue[f];
        if (v >= 0) {
            textValue(v, out);
        } else if (v == LITERAL && fieldLiteral[f] != null) {
            out.appendUtf8((byte[]) fieldLiteral[f]);
        } else {
            out.appendUtf8(NULL);
        }
    }

    /** A value's text as a JSON string: strings and GUIDs; other types decline. */
    private void textValue(int v, Utf8Buffer out) {
        switch (frames.type(v)) {
            case 0x01: case 0x23:
                RawValueJson.string(chunk, frames.offset(v), frames.size(v), out);
                return;
            case 0x02:
                ansiString(v, out);
                return;
            case 0x0F:
                out.ascii('"');
                RawValueXml.guid(chunk, frames.offset(v), out);
                out.ascii('"');
                return;
            default:
                declined = true;
        }
    }

    /** {@code channel}: the Channel text, null when it is empty. */
    private void channel(Utf8Buffer out) {
        int mark = out.length();
        text(CHANNEL, out);
        if (out.length() == mark + 2) { // ""
            out.truncate(mark);
            out.appendUtf8(NULL);
        }
    }

    /** A GUID attribute ({@code EventRecordMapper.guid}): only GUID values are taken here. */
    private void guid(int f, Utf8Buffer out) {
        int v = fieldValue[f];
        if (v < 0) {
            out.appendUtf8(NULL);
        } else if (frames.type(v) == 0x0F) {
            out.ascii('"');
            RawValueXml.guid(chunk, frames.offset(v), out);
            out.ascii('"');
        } else {
            declined = true;
        }
    }

    /** {@code security_user_sid} ({@code EventRecordMapper.sid}): only SID values are taken here. */
    private void sid(Utf8Buffer out) {
        int v = fieldValue[USER_SID];
        if (v < 0) {
            out.appendUtf8(NULL);
        } else if (frames.type(v) == 0x13) {
            out.ascii('"');
            if (!RawValueXml.sid(chunk, frames.offset(v), out)) {
                declined = true; // the hex form of a huge authority: left to the general path
            }
            out.ascii('"');
        } else {
            declined = true;
        }
    }

    /** {@code timestamp} ({@code EventRecordMapper.instant}): only FILETIME values are taken here. */
    private void instant(int f, Utf8Buffer out) {
        int v = fieldValue[f];
        if (v < 0) {
            out.appendUtf8(NULL);
        } else if (frames.type(v) == 0x11) {
            out.ascii('"');
            fileTime(LittleEndian.i64(chunk, frames.offset(v)), out);
            out.ascii('"');
        } else {
            declined = true;
        }
    }

    /**
     * A FILETIME's text ({@code FileTime.appendFormatted}). The last one is kept: a record's
     * header time and its TimeCreated are nearly always the same, and neighbours often share it.
     */
    private void fileTime(long ticks, Utf8Buffer out) {
        if (lastTimeLength >= 0 && ticks == lastTicks) {
            out.appendUtf8(lastTime, 0, lastTimeLength);
            return;
        }
        scratch.setLength(0);
        FileTime.appendFormatted(scratch, FileTime.toInstant(ticks));
        out.flushPending();
        int mark = out.len;
        out.append(scratch);
        int n = out.len - mark;
        lastTimeLength = n <= lastTime.length ? n : -1;
        if (lastTimeLength >= 0) {
            System.arraycopy(out.buf, mark, lastTime, 0, n);
            lastTicks = ticks;
        }
    }

    /** An ANSI string (code page 1252, decoded as ValueDecoder does) as a JSON string. */
    private void ansiString(int v, Utf8Buffer out) {
        scratch.setLength(0);
        EventJson.appendString(scratch, ValueDecoder.ansi(chunk, frames.offset(v), frames.size(v)));
        out.append(scratch);
    }

    // ---- data items (EventJson.item) --------------------------------------------------------

    private void item(int i, Utf8Buffer out) {
        int v = itemValue[i];
        if (v >= 0 && frames.type(v) == 0x81) {
            stringArrayItems(i, v, out);
            return;
        }
        if (v >= 0 && (frames.type(v) & 0x80) != 0) {
            declined = true; // other arrays: left to the general path
            return;
        }
        if (v >= 0 && frames.type(v) == 0x23 && !named(i)) {
            declined = true; // an XML item without a name ({"element": ...}): left to the general path
            return;
        }
        comma(out);
        out.appendUtf8(NAME_KEY);
        name(i, out);
        out.appendUtf8(VALUE_KEY);
        int type;
        if (v < 0) {
            out.appendUtf8(EMPTY_STRING);
            type = 0;
        } else {
            type = frames.type(v);
            value(v, type, out);
        }
        out.appendUtf8(TYPE_KEY).appendUtf8(TYPE_NAMES[type]).appendUtf8(ITEM_END);
    }

    /** One item per string of a string array, with {@code array_index} (ValueDecoder's split). */
    private void stringArrayItems(int i, int v, Utf8Buffer out) {
        byte[] b = chunk;
        int off = frames.offset(v);
        int end = off + frames.size(v);
        int start = off;
        int index = 0;
        for (int p = off; p + 1 < end; p += 2) {
            if (b[p] == 0 && b[p + 1] == 0) {
                arrayItem(i, start, p, index++, out);
                start = p + 2;
            }
        }
        if (start < end - 1) {
            arrayItem(i, start, start + ((end - start) & ~1), index, out);
        }
    }

    private void arrayItem(int i, int from, int to, int index, Utf8Buffer out) {
        comma(out);
        out.appendUtf8(NAME_KEY);
        name(i, out);
        out.appendUtf8(VALUE_KEY);
        RawValueJson.quoted(chunk, from, to, out);
        out.appendUtf8(TYPE_KEY).appendUtf8(TYPE_NAMES[0x81]).appendUtf8(ARRAY_INDEX_KEY).append(index).ascii('}');
    }

    private void comma(Utf8Buffer out) {
        byte last = out.buf[out.len - 1];
        if (last != '[') {
            out.appendUtf8(COMMA);
        }
    }

    /** True if item {@code i} has a name (not null). */
    private boolean named(int i) {
        int n = itemName[i];
        return n >= 0 || n == LITERAL && itemNameLiteral[i] != null;
    }

    private void name(int i, Utf8Buffer out) {
        int n = itemName[i];
        if (n >= 0) {
            textValue(n, out);
        } else if (n == LITERAL && itemNameLiteral[i] != null) {
            out.appendUtf8(itemNameLiteral[i]);
        } else {
            out.appendUtf8(NULL);
        }
    }

    /** A scalar data value's text, quoted, as EventJson.value writes it; floats decline. */
    private void value(int v, int type, Utf8Buffer out) {
        byte[] b = chunk;
        int off = frames.offset(v);
        int size = frames.size(v);
        switch (type) {
            case 0x01: case 0x23:
                RawValueJson.string(b, off, size, out);
                return;
            case 0x02:
                ansiString(v, out);
                return;
            case 0x03: case 0x04: case 0x05: case 0x06: case 0x07: case 0x08: case 0x09:
                integer(v);
                out.ascii('"').append(num).ascii('"');
                return;
            case 0x0A: case 0x10: case 0x20: // UInt64, SizeT, EvtHandle: unsigned
                num = type == 0x0A || size == 8 ? LittleEndian.i64(b, off) : LittleEndian.u32(b, off);
                out.ascii('"').appendUnsigned(num).ascii('"');
                return;
            case 0x14:
                out.ascii('"');
                RawValueJson.hexPadded(LittleEndian.u32(b, off), 8, out);
                out.ascii('"');
                return;
            case 0x15:
                out.ascii('"');
                RawValueJson.hexPadded(LittleEndian.i64(b, off), 16, out);
                out.ascii('"');
                return;
            case 0x0D:
                out.appendUtf8(boolRaw(b, off, size) != 0 ? TRUE : FALSE);
                return;
            case 0x0E:
                out.ascii('"');
                RawValueJson.hexUpper(b, off, size, out);
                out.ascii('"');
                return;
            case 0x0F:
                out.ascii('"');
                RawValueXml.guid(b, off, out);
                out.ascii('"');
                return;
            case 0x11:
                out.ascii('"');
                fileTime(LittleEndian.i64(b, off), out);
                out.ascii('"');
                return;
            case 0x13:
                out.ascii('"');
                if (!RawValueXml.sid(b, off, out)) {
                    declined = true;
                }
                out.ascii('"');
                return;
            default:
                declined = true; // Float, Double: left to the general path
        }
    }
}
