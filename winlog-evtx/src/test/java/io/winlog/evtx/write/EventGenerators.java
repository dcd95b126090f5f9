package io.winlog.evtx.write;

import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.NamedValue;
import io.winlog.api.event.Sid;
import io.winlog.api.event.SystemTime;
import io.winlog.api.event.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators for events the writer must store exactly: every storable value type and its
 * array form, empty values and arrays, NULL, unicode (BMP, supplementary, control characters),
 * huge strings, optional System properties, and UserData.
 *
 * <p>{@code peerSafe} restricts the text to what the Debian peers can print back as parseable
 * XML (no control characters, no U+FFFE/U+FFFF, no lone surrogates) and the types to those
 * python-evtx knows (scalars and WString[]).
 */
public final class EventGenerators {
    private EventGenerators() {
    }

    static final ValueType[] SCALARS = {ValueType.STRING, ValueType.ANSI_STRING, ValueType.INT8, ValueType.UINT8,
        ValueType.INT16, ValueType.UINT16, ValueType.INT32, ValueType.UINT32, ValueType.INT64, ValueType.UINT64,
        ValueType.FLOAT, ValueType.DOUBLE, ValueType.BOOLEAN, ValueType.BINARY, ValueType.GUID, ValueType.SIZE_T,
        ValueType.FILETIME, ValueType.SYSTEMTIME, ValueType.SID, ValueType.HEX_INT32, ValueType.HEX_INT64};

    static Arbitrary<String> text(boolean peerSafe) {
        Arbitrary<Character> chars = peerSafe
                ? Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, Arbitraries.chars().range(' ', '~')),
                        net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u00a0', '\u07ff')),
                        net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u4e00', '\u9fff')),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of('<', '>', '&', '"', '\'', '\t')))
                : Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, Arbitraries.chars().range(' ', '~')),
                        net.jqwik.api.Tuple.of(2, Arbitraries.chars().all()),
                        net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u0000', '\u001f')),
                        net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\ud800', '\udfff')),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of('<', '>', '&', '"', '\'', '\r', '\n')));
        Arbitrary<String> normal = chars.list().ofMaxSize(40).map(EventGenerators::join);
        Arbitrary<String> emoji = Arbitraries.of("\ud83d\ude00", "\ud834\udd1e", "a\ud83d\ude00b").map(s -> s);
        Arbitrary<String> huge = Arbitraries.integers().between(1000, 12000)
                .map(n -> "x".repeat(n) + "\u00e9\u4e2d");
        if (peerSafe) {
            // libevtx 20181227 drops a record with a value that starts with '<' or '>', or that is
            // exactly "&" ("a&", "&b" and "&&" are fine: checked with evtxexport -f xml)
            normal = normal.filter(s -> !s.startsWith("<") && !s.startsWith(">") && !s.equals("&"));
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, normal),
                net.jqwik.api.Tuple.of(2, emoji),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, huge));
    }

    private static String join(List<Character> cs) {
        StringBuilder sb = new StringBuilder(cs.size());
        cs.forEach(sb::append);
        return sb.toString();
    }

    static Arbitrary<String> ansi() {
        return Arbitraries.strings().withChars(' ', '~').withCharRange('\u00a0', '\u00ff').ofMaxLength(30);
    }

    static Arbitrary<Instant> instants() {
        // 1601..9999, 100 ns resolution (what FILETIME holds)
        return Arbitraries.longs().between(0, 2_650_467_743_999_999_999L / 1).map(t -> io.winlog.api.event.FileTime.toInstant(t));
    }

    /**
     * 1970..2100: python-evtx's float conversion breaks near year 9999, and libevtx 20181227
     * drops a record whose TimeCreated is in the first days of 1601.
     */
    static Arbitrary<Instant> peerInstants() {
        return Arbitraries.longs().between(0, 4_102_444_800L * 10_000_000L)
                .map(t -> Instant.ofEpochSecond(t / 10_000_000L, (t % 10_000_000L) * 100));
    }

    static Arbitrary<EventValue> scalar(ValueType t, boolean peerSafe) {
        switch (t) {
            case STRING: return text(peerSafe).map(EventValue::ofString);
            case ANSI_STRING: return ansi().map(EventValue::ofAnsiString);
            case FLOAT: return Arbitraries.floats().map(EventValue::ofFloat);
            case DOUBLE: return Arbitraries.doubles().map(EventValue::ofDouble);
            // python-evtx looks at one byte of a BOOL: raw values like 256 print False
            case BOOLEAN: return (peerSafe ? Arbitraries.integers().between(0, 1) : Arbitraries.integers())
                    .map(EventValue::ofBooleanRaw);
            case BINARY: return Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(EventValue::ofBinary);
            case GUID: return Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong())).map(EventValue::ofGuid);
            case FILETIME: return (peerSafe ? peerInstants() : instants()).map(EventValue::ofFileTime);
            case SYSTEMTIME: return (peerSafe ? peerInstants() : instants()).map(i -> EventValue.ofSystemTime(SystemTime.of(i)));
            case SID: return sids().map(EventValue::ofSid);
            default: return Arbitraries.longs().map(v -> EventValue.ofInteger(t, v));
        }
    }

    static Arbitrary<Sid> sids() {
        return Combinators.combine(Arbitraries.longs().between(0, (1L << 48) - 1),
                        Arbitraries.integers().list().ofMaxSize(Sid.MAX_SUB_AUTHORITIES))
                .as((a, subs) -> Sid.of(1, a, subs.stream().mapToInt(Integer::intValue).toArray()));
    }

    static Arbitrary<EventValue> value(boolean peerSafe) {
        Arbitrary<EventValue> scalars = Arbitraries.of(SCALARS).flatMap(t -> scalar(t, peerSafe));
        List<ValueType> arrayTypes = new ArrayList<>();
        for (ValueType t : SCALARS) {
            if (t != ValueType.BINARY && (!peerSafe || t == ValueType.STRING)) {
                arrayTypes.add(t);
            }
        }
        // python-evtx splits WString[] on byte pairs and breaks on characters with a zero low byte
        Arbitrary<EventValue> arrays = Arbitraries.of(arrayTypes).flatMap(t ->
                (peerSafe && t == ValueType.STRING
                        ? Arbitraries.strings().withChars(' ', '~').ofMaxLength(20).map(EventValue::ofString)
                        : scalar(t, peerSafe)).list().ofMaxSize(5).map(es -> EventValue.ofArray(t.arrayType(), es)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, scalars),
                net.jqwik.api.Tuple.of(3, arrays),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(EventValue.NULL)));
    }

    static Arbitrary<String> dataName() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(5, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("Param 1", "ä-ß", "x<y", "a\"b")));
    }

    static Arbitrary<String> userData(boolean peerSafe) {
        Arbitrary<String> v = text(peerSafe).filter(s -> s.length() < 200);
        // libevtx 20181227 drops a record with an empty attribute value
        Arbitrary<String> attr = peerSafe ? v.filter(s -> !s.isEmpty()) : v;
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), attr, v)
                .as((name, a, t) -> "<" + name + " xmlns=\"http://example.com/ns\" attr=\"" + escape(a, true) + "\">"
                        + (t.isEmpty() ? "<Value/>" : "<Value>" + escape(t, false) + "</Value>") + "<Empty/></" + name + ">");
    }

    static String escape(String s, boolean attr) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attr ? "&quot;" : "\"");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Events of a few fixed shapes (so templates are shared) with generated values. */
    public static Arbitrary<EventRecord> records(boolean peerSafe) {
        Arbitrary<List<NamedValue>> data = Combinators.combine(dataName(), value(peerSafe))
                .as(NamedValue::new).list().ofMaxSize(8);
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 255).injectNull(0.2);
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 65535).injectNull(0.2);
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFF_FFFFL).injectNull(0.3);
        Arbitrary<UUID> guid = Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong())).injectNull(0.5);
        Arbitrary<String> provider = Arbitraries.of("Microsoft-Windows-Security-Auditing", "Service Control Manager",
                "MyApp", "Prov\u00e9der \u4e2d");
        Arbitrary<EventRecord.Builder> ids = Combinators.combine(provider, guid, Arbitraries.integers().between(0, 65535),
                        u16, u8, u8)
                .as((p, g, id, q, ver, lvl) -> EventRecord.builder().providerName(p).providerGuid(g)
                        .eventId(id).qualifiers(q).version(ver).level(lvl));
        Arbitrary<EventRecord.Builder> system = Combinators.combine(ids, u16, u8, Arbitraries.longs().injectNull(0.2),
                        (peerSafe ? peerInstants() : instants()).injectNull(0.05), guid, guid)
                .as((b, task, op, kw, t, a, rel) -> b.task(task).opcode(op).keywords(kw).timeCreated(t)
                        .activityId(a).relatedActivityId(rel));
        Arbitrary<EventRecord.Builder> more = Combinators.combine(system, u32, u32,
                        Arbitraries.of("Security", "System", "Application", "Microsoft-Windows-Sysmon/Operational")
                                .injectNull(0.1),
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(15).injectNull(0.1),
                        sids().injectNull(0.5), Arbitraries.longs().between(0, Long.MAX_VALUE))
                .as((b, pid, tid, ch, comp, sid, rid) -> b.processId(pid)
                        .threadId(tid).channel(ch).computer(comp).userSid(sid).recordId(rid));
        Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200).injectNull(0.7);
        return Combinators.combine(more, data, binary, userData(peerSafe).injectNull(0.85))
                .as((b, d, bin, ud) -> {
                    b.eventData(ud == null ? d : List.of());
                    b.binaryData(ud == null ? bin : null);
                    b.userDataXml(ud);
                    return b.build();
                });
    }
}
