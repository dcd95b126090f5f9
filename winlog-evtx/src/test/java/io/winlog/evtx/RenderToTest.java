package io.winlog.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winlog.api.CorruptInputException;
import io.winlog.evtx.binxml.Utf8Buffer;
import io.winlog.testkit.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link EvtxReader#renderTo}: the same bytes, health and diagnostics as reading record by record,
 * on one thread and on several, also after records were taken with {@code nextRecord()}, and strict
 * mode still stops at the first damage.
 */
class RenderToTest {
    private static RecordRenderer generalXmlLines() {
        return (rec, out) -> {
            rec.appendXml(out);
            out.ascii('\n');
        };
    }

    private static byte[] recordByRecord(Path p, EvtxReadOptions o, List<Diagnostic> diags, List<ChunkHealth> health) {
        Utf8Buffer b = new Utf8Buffer(1 << 16);
        try (EvtxReader r = EvtxReader.open(p, o.diagnostics(diags::add))) {
            for (EvtxRecord rec; (rec = r.nextRecord()) != null; ) {
                generalXmlLines().render(rec, b);
            }
            health.addAll(r.chunkHealth());
        }
        return Arrays.copyOf(b.array(), b.length());
    }

    @Test
    void renderToMatchesRecordByRecordOnEverySampleOnOneAndThreeThreads() throws IOException {
        SharedData.requireRoot();
        for (Path p : SharedData.evtxSamples()) {
            for (boolean recover : new boolean[] {false, true}) {
                List<Diagnostic> expectedDiags = new ArrayList<>();
                List<ChunkHealth> expectedHealth = new ArrayList<>();
                byte[] expected = recordByRecord(p, EvtxReadOptions.defaults().recover(recover), expectedDiags,
                        expectedHealth);
                for (int threads : new int[] {1, 3}) {
                    List<Diagnostic> diags = new ArrayList<>();
                    List<Integer> progress = new ArrayList<>();
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try (EvtxReader r = EvtxReader.open(p, EvtxReadOptions.defaults().recover(recover).threads(threads)
                            .diagnostics(diags::add))) {
                        // Take two records first: renderTo continues where nextRecord() stopped.
                        Utf8Buffer head = new Utf8Buffer(4096);
                        long n = 0;
                        for (int i = 0; i < 2; i++) {
                            EvtxRecord rec = r.nextRecord();
                            if (rec != null) {
                                generalXmlLines().render(rec, head);
                                n++;
                            }
                        }
                        head.writeTo(out);
                        n += r.renderTo(out, RenderToTest::generalXmlLines, progress::add);
                        assertThat(r.chunkHealth()).as(p + " threads " + threads).isEqualTo(expectedHealth);
                        assertThat(n).isEqualTo(expectedHealth.stream().mapToLong(h -> h.records() + h.recoveredRecords())
                                .sum());
                    }
                    assertThat(out.toByteArray()).as(p + " threads " + threads + " recover " + recover).isEqualTo(expected);
                    assertThat(diags).as(p.toString()).isEqualTo(expectedDiags);
                    assertThat(progress).isSorted();
                }
            }
        }
    }

    @Test
    void strictModeStopsAtTheSameDamageAsRecordByRecord() throws IOException {
        Path p = SharedData.evtxDir().resolve("omer_bad_chunk_magic.evtx");
        assertThat(strictRender(Files.readAllBytes(p))).as("the damage is in chunk 0").isEmpty();
        // Damage chunk 7 of a clean file: chunks 0-6 are written on every thread count, nothing after.
        byte[] image = Files.readAllBytes(SharedData.evtxDir().resolve("omer_security.evtx"));
        image[4096 + 7 * 65536] ^= (byte) 0xFF;
        byte[] beforeDamage = strictRender(image);
        ByteArrayOutputStream chunks0to6 = new ByteArrayOutputStream();
        try (EvtxReader r = EvtxReader.open(Arrays.copyOf(image, 4096 + 7 * 65536), EvtxReadOptions.defaults())) {
            r.renderTo(chunks0to6, RenderToTest::generalXmlLines, null);
        }
        assertThat(chunks0to6.size()).isPositive();
        assertThat(beforeDamage).isEqualTo(chunks0to6.toByteArray());
    }

    /**
     * Renders {@code image} in strict mode on 1, 2 and 3 threads: each throws the exception that
     * reading record by record throws, after writing the same bytes; returns those bytes.
     */
    private static byte[] strictRender(byte[] image) {
        String expected;
        try (EvtxReader r = EvtxReader.open(image, EvtxReadOptions.defaults().strict(true))) {
            expected = org.assertj.core.api.Assertions.catchThrowableOfType(() -> {
                while (r.nextRecord() != null) {
                    // read until the damage
                }
            }, CorruptInputException.class).getMessage();
        }
        byte[] beforeDamage = null;
        for (int threads : new int[] {1, 2, 3}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThatThrownBy(() -> {
                try (EvtxReader r = EvtxReader.open(image, EvtxReadOptions.defaults().strict(true).threads(threads))) {
                    r.renderTo(out, RenderToTest::generalXmlLines, null);
                }
            }).isInstanceOf(CorruptInputException.class).hasMessage(expected);
            if (beforeDamage == null) {
                beforeDamage = out.toByteArray();
            }
            assertThat(out.toByteArray()).as("threads " + threads).isEqualTo(beforeDamage);
        }
        return beforeDamage;
    }
}
