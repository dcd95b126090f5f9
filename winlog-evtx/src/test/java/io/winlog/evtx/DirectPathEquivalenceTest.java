package io.winlog.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.evtx.DirectPathCheck.Format;
import io.winlog.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The direct paths ({@link RawRecord#appendXml} and {@link RawRecord#appendJson}, straight from
 * the record's bytes) write exactly what the general paths write, for every record of every
 * sample they take, and only records the general path accepts; {@code renderTo} with them gives
 * the record-by-record output, diagnostics and health on one and several threads, with and
 * without recovery.
 */
class DirectPathEquivalenceTest {
    @ParameterizedTest
    @EnumSource(Format.class)
    void directPathIsByteIdenticalOnEverySample(Format format) throws IOException {
        SharedData.requireRoot();
        long direct = 0;
        long general = 0;
        for (Path p : SharedData.evtxSamples()) {
            for (boolean recover : new boolean[] {false, true}) {
                DirectPathCheck c = DirectPathCheck.run(format, Files.readAllBytes(p),
                        EvtxReadOptions.defaults().recover(recover));
                direct += c.directRecords;
                general += c.generalRecords;
            }
        }
        System.out.printf("direct %s: %d of %d records%n", format, direct, general);
        // Most records of real logs have the shapes the direct paths take.
        assertThat(general).isGreaterThan(34_000);
        assertThat(direct).as("records written directly of %d", general).isGreaterThan(general * 9 / 10);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void renderToWithTheDirectPathMatchesRecordByRecord(Format format) throws IOException {
        SharedData.requireRoot();
        for (Path p : SharedData.evtxSamples()) {
            byte[] file = Files.readAllBytes(p);
            for (boolean recover : new boolean[] {false, true}) {
                for (int threads : new int[] {1, 3}) {
                    DirectPathCheck.renderToMatchesRecordByRecord(format, file, EvtxReadOptions.defaults().recover(recover),
                            threads);
                }
            }
        }
    }
}
