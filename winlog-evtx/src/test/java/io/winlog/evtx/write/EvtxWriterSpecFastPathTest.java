package io.winlog.evtx.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.EventRejectedException;
import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import io.winlog.api.event.Sid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The {@code write(EventSpec)} fast path (template by shape, values straight from the spec)
 * writes byte for byte the file the general path writes for the {@code EventRecord} that
 * {@link EventSpecMapper} makes of each spec, and refuses the same events with the same
 * messages: jqwik-generated classic events (0..40 strings of any text, huge strings that fill
 * chunks, binary data, SIDs, every event type, qualifiers, times, each text policy).
 */
class EvtxWriterSpecFastPathTest {

    @Property(tries = 40)
    void fastPathWritesTheGeneralPathsBytes(@ForAll("specs") @Size(max = 80) List<EventSpec> specs,
                                            @ForAll InvalidTextPolicy policy, @ForAll boolean guid,
                                            @ForAll boolean flushOften) throws IOException {
        EvtxWriterOptions.Builder b = EvtxWriterOptions.builder().computer("host-\u00e9").invalidTextPolicy(policy)
                .clock(Clock.fixed(Instant.parse("2025-03-04T05:06:07.1234567Z"), ZoneOffset.UTC));
        if (guid) {
            b.providerGuid(UUID.fromString("54849625-5478-4994-a5ba-3e3b0328c30d"));
        }
        if (flushOften) {
            b.flushEveryRecords(7);
        }
        assertSameFile(specs, b.build());
    }

    @Test
    void manyChunksOfOneShape() throws IOException {
        List<EventSpec> specs = new ArrayList<>();
        Sid sid = Sid.parse("S-1-5-21-3623811015-3361044348-30300820-1013");
        for (int i = 0; i < 3000; i++) {
            EventSpec.Builder s = EventSpec.builder(0xC000_0000L | (1000 + (i & 3))).type(EventType.values()[i % 5])
                    .category(i & 7).strings("service started", "pid " + i)
                    .time(Instant.parse("2024-01-01T00:00:00Z").plusMillis(i));
            if (i % 3 == 0) {
                s.userSid(sid);
            }
            if (i % 5 == 0) {
                s.data(new byte[] {1, 2, 3, (byte) i});
            }
            specs.add(s.build());
        }
        // a string over the 16-bit value limit: refused by both paths, with the same message
        specs.add(1500, EventSpec.builder(7).strings("x".repeat(40_000)).build());
        assertSameFile(specs, EvtxWriterOptions.builder().computer("bench").build());
    }

    private static void assertSameFile(List<EventSpec> specs, EvtxWriterOptions o) throws IOException {
        Path dir = Files.createTempDirectory("evtx-fast");
        try {
            Path fast = dir.resolve("fast.evtx");
            Path general = dir.resolve("general.evtx");
            EventSpecMapper mapper = new EventSpecMapper(o);
            List<String> fastOutcome = new ArrayList<>();
            List<String> generalOutcome = new ArrayList<>();
            try (EvtxWriter w = EvtxWriter.create(fast, o)) {
                for (EventSpec s : specs) {
                    fastOutcome.add(outcome(() -> w.write(s)));
                }
            }
            try (EvtxWriter w = EvtxWriter.create(general, o)) {
                for (EventSpec s : specs) {
                    generalOutcome.add(outcome(() -> w.write(mapper.map(s))));
                }
            }
            assertThat(fastOutcome).isEqualTo(generalOutcome);
            byte[] a = Files.readAllBytes(fast);
            byte[] g = Files.readAllBytes(general);
            assertThat(a.length).isEqualTo(g.length);
            assertThat(firstDifference(a, g)).as("first differing byte offset").isEqualTo(-1);
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static String outcome(Runnable r) {
        try {
            r.run();
            return "ok";
        } catch (EventRejectedException e) {
            return "rejected: " + e.getMessage();
        }
    }

    private static int firstDifference(byte[] a, byte[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return -1;
    }

    @Provide
    Arbitrary<List<EventSpec>> specs() {
        return spec().list();
    }

    private static Arbitrary<EventSpec> spec() {
        Arbitrary<List<String>> strings = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, EventGenerators.text(false).list().ofMaxSize(4)),
                net.jqwik.api.Tuple.of(1, EventGenerators.text(false).list().ofMinSize(5).ofMaxSize(40)));
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(100).injectNull(0.6);
        Arbitrary<Sid> sid = EventGenerators.sids().injectNull(0.6);
        Arbitrary<Instant> time = EventGenerators.instants().injectNull(0.3);
        Arbitrary<Long> id = Arbitraries.longs().between(0, 0xFFFF_FFFFL);
        return Combinators.combine(id, Arbitraries.of(EventType.class), Arbitraries.integers().between(0, 0xFFFF),
                        strings, data, sid, time)
                .as((i, type, cat, str, d, s, t) -> EventSpec.builder(i).type(type).category(cat).strings(str)
                        .data(d).userSid(s).time(t).build());
    }
}
