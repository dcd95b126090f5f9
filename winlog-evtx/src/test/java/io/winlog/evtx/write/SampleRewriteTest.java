package io.winlog.evtx.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.event.EventRecord;
import io.winlog.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real .evtx sample, read by winlog's reader and rewritten by {@link EvtxWriter}, reads
 * back as the same records: ids, times, System properties, typed EventData values, UserData and
 * other elements (the writer does not write RenderingInfo, so that is compared without it).
 */
class SampleRewriteTest {

    static Stream<Path> samples() {
        SharedData.requireRoot();
        return SharedData.evtxSamples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void rewrittenSampleReadsBackEqual(Path sample, @TempDir Path tmp) throws IOException {
        List<EventRecord> original = EvtxWriterRoundTripTest.readAll(sample);
        Path out = tmp.resolve("copy.evtx");
        try (EvtxWriter w = EvtxWriter.create(out, EvtxWriterOptions.defaults())) {
            for (EventRecord r : original) {
                w.write(r);
            }
        }
        List<EventRecord> back = EvtxWriterRoundTripTest.readAll(out);
        assertThat(back).hasSize(original.size());
        for (int i = 0; i < original.size(); i++) {
            EventRecord expected = withoutRendering(original.get(i));
            if (!back.get(i).equals(expected)) {
                assertThat(back.get(i)).as("%s record %d", sample.getFileName(), i)
                        .usingRecursiveComparison().isEqualTo(expected);
            }
        }
        assertThat(Files.size(out) % 65536).isEqualTo(4096);
    }

    static EventRecord withoutRendering(EventRecord r) {
        return r.renderingInfo() == null ? r : r.toBuilder().renderingInfo(null).build();
    }
}
