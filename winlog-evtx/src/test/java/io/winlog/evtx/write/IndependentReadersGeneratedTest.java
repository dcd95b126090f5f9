package io.winlog.evtx.write;

import io.winlog.testkit.RequiresTools;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.ValueType;
import io.winlog.testkit.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated events (every value type each peer knows, empty values and arrays, NULL, unicode,
 * huge strings, UserData) written by {@link EvtxWriter} and read back by libevtx and
 * python-evtx: every record and value must come back. python-evtx knows scalars and WString[]
 * only, so it reads the peer-safe file; libevtx also reads a file with the other array types it
 * knows (not Boolean[], SID[], SizeT[]: libevtx 20181227 refuses those; winlog's reader reads
 * them, see {@link EvtxWriterRoundTripTest}).
 */
class IndependentReadersGeneratedTest {

    @Property(tries = 3)
    @RequiresTools({"evtxexport:libevtx-utils", "evtx_dump.py:python3-evtx"})
    void peerSafeEventsReadBackByBothPeers(@ForAll("peerSafe") List<EventRecord> events) throws Exception {
        Path evtxexport = ExternalTools.require("evtxexport", "libevtx-utils");
        Path dir = Files.createTempDirectory("evtx-peers");
        try {
            Path script = IndependentReadersTest.requirePythonEvtx(dir);
            IndependentReadersTest.check(dir, evtxexport, script, "generated", events, true, true);
        } finally {
            EvtxWriterRoundTripTest.deleteAll(dir);
        }
    }

    @Property(tries = 3)
    @RequiresTools("evtxexport:libevtx-utils")
    void everyArrayTypeReadBackByLibevtx(@ForAll("withArrays") List<EventRecord> events) throws Exception {
        Path evtxexport = ExternalTools.require("evtxexport", "libevtx-utils");
        Path dir = Files.createTempDirectory("evtx-peers");
        try {
            IndependentReadersTest.check(dir, evtxexport, null, "generated-arrays", events, true, false);
        } finally {
            EvtxWriterRoundTripTest.deleteAll(dir);
        }
    }

    @Provide
    Arbitrary<List<EventRecord>> peerSafe() {
        return EventGenerators.records(true).list().ofMinSize(50).ofMaxSize(300);
    }

    @Provide
    Arbitrary<List<EventRecord>> withArrays() {
        List<Arbitrary<EventValue>> arrays = new ArrayList<>();
        for (ValueType t : EventGenerators.SCALARS) {
            // libevtx 20181227 cannot render Boolean[], SID[] and SizeT[] ("unable to substitute template value")
            if (t != ValueType.BINARY && t != ValueType.BOOLEAN && t != ValueType.SID && t != ValueType.SIZE_T) {
                arrays.add((t == ValueType.STRING
                        ? Arbitraries.strings().withChars(' ', '~').ofMaxLength(20)
                                .filter(x -> !x.startsWith("<") && !x.startsWith(">")).map(EventValue::ofString)
                        : EventGenerators.scalar(t, true)).list().ofMinSize(1).ofMaxSize(3)
                        .map(es -> EventValue.ofArray(t.arrayType(), es)));
            }
        }
        Arbitrary<List<EventValue>> oneOfEach = net.jqwik.api.Combinators.combine(arrays).as(l -> l);
        return net.jqwik.api.Combinators.combine(EventGenerators.records(true), oneOfEach).as((r, vs) -> {
            if (r.userDataXml() != null) {
                return r;
            }
            EventRecord.Builder b = r.toBuilder();
            for (EventValue v : vs) {
                b.addData("A" + v.type().code(), v);
            }
            return b.build();
        }).list().ofMinSize(20).ofMaxSize(80);
    }
}
