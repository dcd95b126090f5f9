package io.winlog.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The direct XML path ({@link RawRecord#appendXml}, straight from the record's bytes) writes
 * exactly what the general path writes, for every record of every sample it takes, and only
 * records the general path accepts; {@code renderTo} with it gives the record-by-record output,
 * diagnostics and health on one and several threads, with and without recovery.
 */
class DirectXmlEquivalenceTest {
    @Test
    void directXmlIsByteIdenticalOnEverySample() throws IOException {
        SharedData.requireRoot();
        long direct = 0;
        long general = 0;
        for (Path p : SharedData.evtxSamples()) {
            for (boolean recover : new boolean[] {false, true}) {
                DirectXmlCheck c = DirectXmlCheck.run(Files.readAllBytes(p), EvtxReadOptions.defaults().recover(recover));
                direct += c.directRecords;
                general += c.generalRecords;
            }
        }
        // Most records of real logs have the shape the direct path takes.
        assertThat(general).isGreaterThan(34_000);
        assertThat(direct).as("records written directly of %d", general).isGreaterThan(general * 9 / 10); // 96 % today
    }

    @Test
    void renderToWithTheDirectPathMatchesRecordByRecord() throws IOException {
        SharedData.requireRoot();
        for (Path p : SharedData.evtxSamples()) {
            byte[] file = Files.readAllBytes(p);
            for (boolean recover : new boolean[] {false, true}) {
                for (int threads : new int[] {1, 3}) {
                    DirectXmlCheck.renderToMatchesRecordByRecord(file, EvtxReadOptions.defaults().recover(recover), threads);
                }
            }
        }
    }
}
