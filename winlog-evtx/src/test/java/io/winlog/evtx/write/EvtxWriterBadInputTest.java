package io.winlog.evtx.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winlog.api.EventRejectedException;
import io.winlog.api.EventSpec;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.ValueType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input the writer must refuse or normalise: it says why, and the file keeps every record
 * written before (never a corrupt file). Also: one template definition per shape per chunk, and
 * the header's dirty/clean flag.
 */
class EvtxWriterBadInputTest {

    private static EventRecord.Builder base(int id) {
        return EventRecord.builder().providerName("P").eventId(id).level(4).timeCreated(Instant.parse("2024-01-01T00:00:00Z"))
                .channel("Application").computer("h");
    }

    @Test
    void rejectsWithClearMessagesAndKeepsTheFileValid(@TempDir Path tmp) {
        Path file = tmp.resolve("bad.evtx");
        try (EvtxWriter w = EvtxWriter.create(file, EvtxWriterOptions.defaults())) {
            w.write(base(1).addData("ok", "before").build());
            // a record larger than a chunk: many values that each fit
            EventRecord.Builder big = base(2);
            for (int i = 0; i < 3; i++) {
                big.addData("v" + i, "x".repeat(30_000));
            }
            assertThatThrownBy(() -> w.write(big.build())).isInstanceOf(EventRejectedException.class)
                    .hasMessageContaining("does not fit in one .evtx chunk").hasMessageContaining("65008");
            assertThatThrownBy(() -> w.write(base(3).addData("huge", "y".repeat(40_000)).build()))
                    .isInstanceOf(EventRejectedException.class).hasMessageContaining("'huge'")
                    .hasMessageContaining("65535");
            assertThatThrownBy(() -> w.write(base(4).userDataXml("<a><b></a>").build()))
                    .isInstanceOf(EventRejectedException.class).hasMessageContaining("not well-formed XML");
            assertThatThrownBy(() -> w.write(base(5).userDataXml("<!DOCTYPE x [<!ENTITY e \"z\">]><x>&e;</x>").build()))
                    .isInstanceOf(EventRejectedException.class);
            assertThatThrownBy(() -> w.write(base(6).level(300).build()))
                    .isInstanceOf(EventRejectedException.class).hasMessageContaining("Level must be 0..255");
            assertThatThrownBy(() -> w.write(base(7).addData("h", EventValue.ofInteger(ValueType.EVT_HANDLE, 1)).build()))
                    .isInstanceOf(EventRejectedException.class).hasMessageContaining("EvtHandle");
            assertThatThrownBy(() -> w.write(base(8).addData("b", EventValue.ofArray(ValueType.BINARY_ARRAY,
                    List.of(EventValue.ofBinary(new byte[] {1})))).build()))
                    .isInstanceOf(EventRejectedException.class).hasMessageContaining("Binary[]");
            assertThatThrownBy(() -> w.write(base(9).timeCreated(Instant.parse("1500-01-01T00:00:00Z")).build()))
                    .isInstanceOf(EventRejectedException.class).hasMessageContaining("FILETIME range");
            String deep = "<a>".repeat(100) + "</a>".repeat(100);
            assertThatThrownBy(() -> w.write(base(10).userDataXml(deep).build()))
                    .isInstanceOf(EventRejectedException.class).hasMessageContaining("deeper than 64");
            w.write(base(11).addData("ok", "after").build());
        }
        List<EventRecord> back = EvtxWriterRoundTripTest.readAll(file);
        assertThat(back).extracting(EventRecord::recordId).containsExactly(1L, 2L);
        assertThat(back.get(1).eventData().get(0).value().asString()).isEqualTo("after");
    }

    @Test
    void textPolicies(@TempDir Path tmp) {
        String bad = "a\uD800b\u0000c\u0001";
        Path replace = tmp.resolve("r.evtx");
        try (EvtxWriter w = EvtxWriter.create(replace, EvtxWriterOptions.defaults())) {
            w.write(base(1).addData("s", bad).build());
        }
        assertThat(EvtxWriterRoundTripTest.readAll(replace).get(0).eventData().get(0).value().asString())
                .isEqualTo("a\uFFFDb\uFFFDc\u0001"); // control characters are kept, as Windows stores them
        Path reject = tmp.resolve("j.evtx");
        try (EvtxWriter w = EvtxWriter.create(reject,
                EvtxWriterOptions.builder().invalidTextPolicy(InvalidTextPolicy.REJECT).build())) {
            assertThatThrownBy(() -> w.write(base(1).addData("s", bad).build()))
                    .isInstanceOf(EventRejectedException.class).hasMessageContaining("lone UTF-16 surrogate");
        }
        assertThat(EvtxWriterRoundTripTest.readAll(reject)).isEmpty();
    }

    @Test
    void eventSpecMapsToTheClassicEvent(@TempDir Path tmp) {
        Path file = tmp.resolve("spec.evtx");
        EvtxWriterOptions o = EvtxWriterOptions.builder().providerName("MySvc").channel("Application").computer("pc")
                .build();
        try (EvtxWriter w = EvtxWriter.create(file, o)) {
            w.write(EventSpec.builder(0xC0000000L | 1001).type(io.winlog.api.EventType.AUDIT_FAILURE).category(7)
                    .strings("a", "b").data(new byte[] {1, 2}).userSid(io.winlog.api.event.Sid.parse("S-1-5-18"))
                    .time(Instant.parse("2024-05-06T07:08:09.1234567Z")).build());
        }
        EventRecord r = EvtxWriterRoundTripTest.readAll(file).get(0);
        assertThat(r.providerName()).isEqualTo("MySvc");
        assertThat(r.eventId()).isEqualTo(1001);
        assertThat(r.qualifiers()).isEqualTo(0xC000);
        assertThat(r.level()).isZero();
        assertThat(r.task()).isEqualTo(7);
        assertThat(r.keywords()).isEqualTo(0x0090_0000_0000_0000L);
        assertThat(r.timeCreated()).isEqualTo(Instant.parse("2024-05-06T07:08:09.1234567Z"));
        assertThat(r.channel()).isEqualTo("Application");
        assertThat(r.computer()).isEqualTo("pc");
        assertThat(r.userSid().toString()).isEqualTo("S-1-5-18");
        assertThat(r.eventData()).extracting(nv -> nv.value().asString()).containsExactly("a", "b");
        assertThat(r.binaryData()).containsExactly(1, 2);
    }

    @Test
    void oneTemplatePerShapePerChunkAndDirtyFlag(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("t.evtx");
        try (EvtxWriter w = EvtxWriter.create(file, EvtxWriterOptions.defaults())) {
            for (int i = 0; i < 100; i++) {
                w.write(base(i).addData("n", EventValue.ofUInt32(i)).addData("s", "v" + i).build());
            }
            w.flush();
            assertThat(header(file).getInt(120) & 1).as("dirty while open").isEqualTo(1);
        }
        ByteBuffer h = header(file);
        assertThat(h.getInt(120)).as("clean after close").isZero();
        assertThat(h.getShort(42)).as("chunk count").isEqualTo((short) 1);
        assertThat(h.getLong(24)).as("next record id").isEqualTo(101);
        byte[] chunk = new byte[512];
        try (var in = Files.newInputStream(file)) {
            in.skipNBytes(4096);
            in.readNBytes(chunk, 0, 512);
        }
        ByteBuffer c = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        int templates = 0;
        for (int i = 0; i < 32; i++) {
            if (c.getInt(384 + 4 * i) != 0) {
                templates++;
            }
        }
        assertThat(templates).as("template table entries for 100 events of one shape").isEqualTo(1);
        // typed values: the reader sees UInt32, not a string
        assertThat(EvtxWriterRoundTripTest.readAll(file).get(5).eventData().get(0).value())
                .isEqualTo(EventValue.ofUInt32(5));
    }

    private static ByteBuffer header(Path file) throws IOException {
        byte[] b = new byte[128];
        try (var in = Files.newInputStream(file)) {
            in.readNBytes(b, 0, 128);
        }
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }
}
