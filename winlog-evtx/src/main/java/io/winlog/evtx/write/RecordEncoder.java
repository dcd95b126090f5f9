package io.winlog.evtx.write;

import io.winlog.api.EventRejectedException;
import io.winlog.api.EventSpec;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.NamedValue;
import io.winlog.api.event.ValueType;
import java.util.List;

/**
 * Encodes one event record into the current chunk: the record header (magic, size, number,
 * time), a BinXml fragment holding a template instance (with the template's definition inline
 * the first time the chunk uses it, otherwise a reference to the earlier definition), the
 * substitution array (16-bit size and type per value, then the values), the end-of-fragment
 * token (libevtx requires it; python-evtx does not look), zero padding to a multiple of 8
 * bytes (as Windows writes records), and the trailing copy of the size.
 */
final class RecordEncoder {
    private final TextEncoder text;
    private final ValueEncoder values;

    RecordEncoder(TextEncoder text, ValueEncoder values) {
        this.text = text;
        this.values = values;
    }

    /**
     * Writes the record at the chunk's position; {@code binary} is its binary data (copied once by the writer), or null.
     *
     * @throws ChunkFullException when it does not fit in the rest of the chunk
     */
    void encode(ChunkImage c, EventTemplate t, EventRecord r, byte[] binary, long headerId, long eventRecordId,
                long headerTicks, long timeTicks, List<String> xmlValues) {
        int start = c.pos;
        int desc = header(c, t, headerId, headerTicks);
        int n = t.slotCount();
        for (int i = 0; i < n; i++) {
            int valueStart = c.pos;
            int type = value(c, t.slotKind(i), t.slotArg(i), r, binary, eventRecordId, timeTicks, xmlValues);
            int size = c.pos - valueStart;
            if (size > ValueEncoder.MAX_VALUE_BYTES) {
                throw ValueEncoder.tooLong(describe(t.slotKind(i), t.slotArg(i), r), size);
            }
            int d = desc + 4 * i;
            c.putU16(d, size);
            c.buf[d + 2] = (byte) type;
            c.buf[d + 3] = 0;
        }
        trailer(c, start);
    }

    /**
     * Writes the record of a classic event straight from the spec (the fast path), with the
     * bytes {@link #encode(ChunkImage, EventTemplate, EventRecord, byte[], long, long, long, long, List)}
     * writes for the record {@link EventSpecMapper} makes of it. {@code t} must be that record's
     * template, all of whose slots are {@linkplain #specSlot spec slots}.
     *
     * @throws ChunkFullException when it does not fit in the rest of the chunk
     */
    void encode(ChunkImage c, EventTemplate t, EventSpec s, byte[] data, long keywords, String channel,
                String computer, long recordId, long timeTicks) {
        int start = c.pos;
        int desc = header(c, t, recordId, timeTicks);
        int n = t.slotCount();
        for (int i = 0; i < n; i++) {
            int valueStart = c.pos;
            int type = specValue(c, t.slotKind(i), t.slotArg(i), s, data, keywords, channel, computer, recordId,
                    timeTicks);
            int size = c.pos - valueStart;
            if (size > ValueEncoder.MAX_VALUE_BYTES) {
                throw ValueEncoder.tooLong(t.slotKind(i) == Slot.DATA ? "EventData item " + (t.slotArg(i) + 1)
                        : "a System value", size);
            }
            int d = desc + 4 * i;
            c.putU16(d, size);
            c.buf[d + 2] = (byte) type;
            c.buf[d + 3] = 0;
        }
        trailer(c, start);
    }

    /** Whether the fast path can fill a slot of this kind from an {@code EventSpec}. */
    static boolean specSlot(int kind) {
        return switch (kind) {
            case Slot.EVENT_ID, Slot.QUALIFIERS, Slot.LEVEL, Slot.TASK, Slot.KEYWORDS, Slot.TIME, Slot.RECORD_ID,
                    Slot.CHANNEL, Slot.COMPUTER, Slot.USER_SID, Slot.DATA, Slot.BINARY -> true;
            default -> false;
        };
    }

    private int specValue(ChunkImage c, int kind, int arg, EventSpec s, byte[] data, long keywords, String channel,
                          String computer, long recordId, long timeTicks) {
        switch (kind) {
            case Slot.EVENT_ID -> {
                c.u16((int) (s.eventId() & 0xFFFF));
                return ValueType.UINT16.code();
            }
            case Slot.QUALIFIERS -> {
                c.u16((int) ((s.eventId() >>> 16) & 0xFFFF));
                return ValueType.UINT16.code();
            }
            case Slot.LEVEL -> {
                c.u8(s.type().level());
                return ValueType.UINT8.code();
            }
            case Slot.TASK -> {
                c.u16(s.category());
                return ValueType.UINT16.code();
            }
            case Slot.KEYWORDS -> {
                c.u64(keywords);
                return ValueType.HEX_INT64.code();
            }
            case Slot.TIME -> {
                c.u64(timeTicks);
                return ValueType.FILETIME.code();
            }
            case Slot.RECORD_ID -> {
                c.u64(recordId);
                return ValueType.UINT64.code();
            }
            case Slot.CHANNEL -> {
                text.write(c, channel, "Channel");
                return ValueType.STRING.code();
            }
            case Slot.COMPUTER -> {
                text.write(c, computer, "Computer");
                return ValueType.STRING.code();
            }
            case Slot.USER_SID -> {
                values.sid(c, s.userSid());
                return ValueType.SID.code();
            }
            case Slot.DATA -> {
                // as ValueEncoder writes a WString value
                text.write(c, s.strings().get(arg), "an EventData value", false);
                return ValueType.STRING.code();
            }
            case Slot.BINARY -> {
                c.bytes(data);
                return ValueType.BINARY.code();
            }
            default -> throw new IllegalStateException("slot kind " + kind + " is not filled from an EventSpec");
        }
    }

    /** Record header, template instance (definition or reference) and room for the value descriptors. */
    private static int header(ChunkImage c, EventTemplate t, long headerId, long headerTicks) {
        c.u32(EvtxLayout.RECORD_MAGIC);
        c.u32(0);
        c.u64(headerId);
        c.u64(headerTicks);
        BinXmlEmitter.fragmentHeader(c);
        c.u8(BinXmlToken.TEMPLATE_INSTANCE);
        c.u8(1);
        c.u32(t.templateId());
        int def = c.templateOffset(t);
        if (def < 0) {
            c.u32(c.pos + 4);
            BinXmlEmitter.emitDefinition(c, t);
        } else {
            c.u32(def);
        }
        int n = t.slotCount();
        c.u32(n);
        int desc = c.pos;
        c.ensure(4 * n);
        c.pos += 4 * n;
        return desc;
    }

    /** End of fragment, padding to a multiple of 8 and both copies of the record size. */
    private static void trailer(ChunkImage c, int start) {
        // the record's fragment ends after the template instance, like any BinXml fragment
        c.u8(BinXmlToken.END_OF_FRAGMENT);
        // zero padding so the record size (with its trailing copy) is a multiple of 8, as Windows writes
        int pad = (EvtxLayout.RECORD_ALIGNMENT - (c.pos + 4 - start) % EvtxLayout.RECORD_ALIGNMENT)
                % EvtxLayout.RECORD_ALIGNMENT;
        c.ensure(pad);
        c.pos += pad;
        c.u32(0);
        int size = c.pos - start;
        c.putU32(c.pos - 4, size);
        c.putU32(start + 4, size);
    }

    private int value(ChunkImage c, int kind, int arg, EventRecord r, byte[] binary, long eventRecordId,
                      long timeTicks, List<String> xmlValues) {
        switch (kind) {
            case Slot.EVENT_ID -> {
                c.u16(r.eventId());
                return ValueType.UINT16.code();
            }
            case Slot.QUALIFIERS -> {
                c.u16(r.qualifiers());
                return ValueType.UINT16.code();
            }
            case Slot.VERSION -> {
                c.u8(r.version());
                return ValueType.UINT8.code();
            }
            case Slot.LEVEL -> {
                c.u8(r.level());
                return ValueType.UINT8.code();
            }
            case Slot.TASK -> {
                c.u16(r.task());
                return ValueType.UINT16.code();
            }
            case Slot.OPCODE -> {
                c.u8(r.opcode());
                return ValueType.UINT8.code();
            }
            case Slot.KEYWORDS -> {
                c.u64(r.keywords());
                return ValueType.HEX_INT64.code();
            }
            case Slot.TIME -> {
                c.u64(timeTicks);
                return ValueType.FILETIME.code();
            }
            case Slot.RECORD_ID -> {
                c.u64(eventRecordId);
                return ValueType.UINT64.code();
            }
            case Slot.ACTIVITY -> {
                values.guid(c, r.activityId());
                return ValueType.GUID.code();
            }
            case Slot.RELATED -> {
                values.guid(c, r.relatedActivityId());
                return ValueType.GUID.code();
            }
            case Slot.PID -> {
                c.u32(r.processId().intValue());
                return ValueType.UINT32.code();
            }
            case Slot.TID -> {
                c.u32(r.threadId().intValue());
                return ValueType.UINT32.code();
            }
            case Slot.PROCESSOR -> {
                c.u32(r.processorId());
                return ValueType.UINT32.code();
            }
            case Slot.SESSION -> {
                c.u32(r.sessionId());
                return ValueType.UINT32.code();
            }
            case Slot.KERNEL -> {
                c.u32(r.kernelTime().intValue());
                return ValueType.UINT32.code();
            }
            case Slot.USER -> {
                c.u32(r.userTime().intValue());
                return ValueType.UINT32.code();
            }
            case Slot.PROCESSOR_TIME -> {
                c.u64(r.processorTime());
                return ValueType.UINT64.code();
            }
            case Slot.CHANNEL -> {
                text.write(c, r.channel(), "Channel");
                return ValueType.STRING.code();
            }
            case Slot.COMPUTER -> {
                text.write(c, r.computer(), "Computer");
                return ValueType.STRING.code();
            }
            case Slot.USER_SID -> {
                values.sid(c, r.userSid());
                return ValueType.SID.code();
            }
            case Slot.DATA -> {
                NamedValue nv = r.eventData().get(arg);
                return values.write(c, nv.value(), "an EventData value");
            }
            case Slot.BINARY -> {
                c.bytes(binary);
                return ValueType.BINARY.code();
            }
            case Slot.XML_TEXT -> {
                text.write(c, xmlValues.get(arg), "UserData text");
                return ValueType.STRING.code();
            }
            default -> throw new IllegalStateException("unknown slot kind " + kind);
        }
    }

    private static String describe(int kind, int arg, EventRecord r) {
        if (kind == Slot.DATA) {
            String n = r.eventData().get(arg).name();
            return n == null ? "EventData item " + (arg + 1) : "EventData item '" + n + "'";
        }
        return kind == Slot.XML_TEXT ? "a UserData text value" : "a System value";
    }

    static EventRejectedException recordTooLarge(EventRecord r) {
        return recordTooLarge(r.eventId(), r.providerName());
    }

    static EventRejectedException recordTooLarge(int eventId, String providerName) {
        return new EventRejectedException("event " + eventId + " (provider " + providerName
                + ") does not fit in one .evtx chunk: a record, with its template definition, can hold at most "
                + EvtxLayout.MAX_RECORD_SIZE + " bytes (about " + (EvtxLayout.MAX_RECORD_SIZE / 2 - 2048)
                + " UTF-16 characters of values); shorten or split the event data");
    }
}
