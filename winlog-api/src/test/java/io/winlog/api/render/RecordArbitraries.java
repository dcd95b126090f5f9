package io.winlog.api.render;

import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.FileTime;
import io.winlog.api.event.NamedValue;
import io.winlog.api.event.RenderingInfo;
import io.winlog.api.event.Sid;
import io.winlog.api.event.SystemTime;
import io.winlog.api.event.ValueType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random but valid {@link EventRecord}s for the round-trip properties (test helper). */
final class RecordArbitraries {
    private RecordArbitraries() {
    }

    /** Strings; {@code xmlSafe} keeps to characters XML 1.0 can carry and no CR (XML parsers fold it). */
    static Arbitrary<String> strings(boolean xmlSafe) {
        Arbitrary<String> s = xmlSafe
                ? Arbitraries.strings().withChars("abcXYZ019 -_.:/\\<>&'\"\t\né漢%").withCharRange('\u0100', '\u0200').ofMaxLength(20)
                : Arbitraries.strings().all().ofMaxLength(20);
        return s;
    }

    static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, FileTime.toTicks(Instant.parse("9999-12-31T23:59:59Z"))).map(FileTime::toInstant);
    }

    static Arbitrary<UUID> guids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    static Arbitrary<EventValue> scalar(ValueType t, boolean xmlSafe) {
        switch (t) {
            case STRING: return strings(xmlSafe).map(EventValue::ofString);
            case ANSI_STRING: return strings(xmlSafe).map(EventValue::ofAnsiString);
            case INT8: case UINT8: case INT16: case UINT16: case INT32: case UINT32: case INT64: case UINT64: case SIZE_T:
            case HEX_INT32: case HEX_INT64:
                return Arbitraries.longs().map(v -> EventValue.ofInteger(t, v));
            case FLOAT: return Arbitraries.floats().map(EventValue::ofFloat);
            case DOUBLE: return Arbitraries.doubles().map(EventValue::ofDouble);
            case BOOLEAN: return Arbitraries.of(true, false).map(EventValue::ofBoolean);
            case BINARY: return Arbitraries.bytes().array(byte[].class).ofMaxSize(16).map(EventValue::ofBinary);
            case GUID: return guids().map(EventValue::ofGuid);
            case SID: return Combinators.combine(Arbitraries.longs().between(0, (1L << 48) - 1),
                    Arbitraries.integers().array(int[].class).ofMaxSize(6)).as((a, subs) -> EventValue.ofSid(Sid.of(1, a, subs)));
            case FILETIME: return instants().map(EventValue::ofFileTime);
            case SYSTEMTIME: return instants().map(i -> EventValue.ofSystemTime(SystemTime.of(i)));
            default: throw new IllegalArgumentException(t.toString());
        }
    }

    static final List<ValueType> SCALARS = List.of(ValueType.STRING, ValueType.ANSI_STRING, ValueType.INT8, ValueType.UINT8,
            ValueType.INT16, ValueType.UINT16, ValueType.INT32, ValueType.UINT32, ValueType.INT64, ValueType.UINT64,
            ValueType.SIZE_T, ValueType.HEX_INT32, ValueType.HEX_INT64, ValueType.FLOAT, ValueType.DOUBLE, ValueType.BOOLEAN,
            ValueType.BINARY, ValueType.GUID, ValueType.SID, ValueType.FILETIME, ValueType.SYSTEMTIME);

    static Arbitrary<NamedValue> items(boolean xmlSafe) {
        Arbitrary<String> names = Arbitraries.of("Image", "TargetUserName", "LogonType", "x");
        Arbitrary<String> maybeName = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, names),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(null)));
        return Arbitraries.of(SCALARS).flatMap(t -> Arbitraries.integers().between(0, 3).flatMap(kind -> {
            if (kind == 0) { // an array of 1..3 elements
                return Combinators.combine(maybeName, scalar(t, xmlSafe).list().ofMinSize(1).ofMaxSize(3))
                        .as((n, els) -> new NamedValue(n, EventValue.ofArray(t.arrayType(), els)));
            }
            return Combinators.combine(names, scalar(t, xmlSafe)).as(NamedValue::new);
        }));
    }

    static Arbitrary<EventRecord> records(boolean xmlSafe) {
        Arbitrary<String> str = strings(xmlSafe);
        Arbitrary<EventRecord.Builder> system = Combinators.combine(
                str.injectNull(0.1), guids().injectNull(0.5), Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(0, 0xFFFF).injectNull(0.5), Arbitraries.integers().between(0, 255).injectNull(0.3),
                Arbitraries.integers().between(0, 255).injectNull(0.1), Arbitraries.longs().injectNull(0.1),
                instants().injectNull(0.05)).as((pn, pg, id, q, v, l, kw, t) -> EventRecord.builder().providerName(pn)
                .providerGuid(pg).eventId(id).qualifiers(q).version(v).level(l).task(v == null ? null : id & 0xFF)
                .opcode(v == null ? null : 0).keywords(kw).timeCreated(t));
        return Combinators.combine(system, Arbitraries.longs().greaterOrEqual(0), guids().injectNull(0.7),
                Arbitraries.longs().between(0, 0xFFFFFFFFL).injectNull(0.3), str.injectNull(0.2),
                items(xmlSafe).list().ofMaxSize(6), Arbitraries.bytes().array(byte[].class).ofMaxSize(8).injectNull(0.7),
                Arbitraries.of(0, 1, 2)).as((b, rid, act, pid, comp, data, bin, extra) -> {
                    b.recordId(rid).activityId(act).processId(pid).threadId(pid == null ? null : pid + 1)
                            .channel(extra == 1 ? null : "Security").computer(comp).eventData(data).binaryData(bin);
                    if (extra == 1) {
                        b.processorId(1).kernelTime(61L).userTime(180L).sessionId(2).processorTime(5L);
                    }
                    if (extra == 2 && data.isEmpty()) {
                        b.userDataXml("<Shutdown xmlns=\"urn:x\"><A>1</A><B/></Shutdown>");
                    }
                    if (extra == 2) {
                        b.renderingInfo(new RenderingInfo("en-US", "msg", "Information", null, "Info", "Security", "P",
                                List.of("Audit Success")));
                    }
                    return b.build();
                });
    }
}
