package io.winlog.evtx.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.event.EventRecord;
import io.winlog.testkit.ExternalTools;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed mid-write (a child JVM, {@code destroyForcibly}) leaves a file that winlog's
 * reader, libevtx and python-evtx open, with every completed chunk intact and record numbers
 * 1..n in order; appending to it continues the numbers.
 */
class EvtxWriterDurabilityTest {

    @Test
    void killedWriterLeavesReadableFileWithEveryCompletedChunk(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("crash.evtx");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long chunksWanted = 4;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            while (System.nanoTime() < deadline && child.isAlive()
                    && (!Files.exists(file) || Files.size(file) < 4096 + chunksWanted * 65536)) {
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(Files.size(file)).as("child wrote %d chunks before the kill", chunksWanted)
                .isGreaterThanOrEqualTo(4096 + chunksWanted * 65536);
        byte[] header = new byte[128];
        try (var in = Files.newInputStream(file)) {
            assertThat(in.readNBytes(header, 0, 128)).isEqualTo(128);
        }
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(h.getInt(120) & 1).as("dirty flag after a crash").isEqualTo(1);
        CRC32 crc = new CRC32();
        crc.update(header, 0, 120);
        assertThat(h.getInt(124)).as("file header CRC32").isEqualTo((int) crc.getValue());

        List<EventRecord> records = EvtxWriterRoundTripTest.readAll(file);
        long completeChunks = (Files.size(file) - 4096) / 65536;
        assertThat(records.size()).as("records of %d chunks", completeChunks).isGreaterThan((int) (completeChunks - 1) * 200);
        for (int i = 0; i < records.size(); i++) {
            EventRecord r = records.get(i);
            assertThat(r.recordId()).isEqualTo(i + 1);
            assertThat(r.eventData().get(0).value().asString()).isEqualTo("record " + (i + 1));
        }

        if (ExternalTools.find("evtxexport").isPresent()) {
            Process p = new ProcessBuilder("evtxexport", "-f", "xml", file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("<EventRecordID>").matcher(out);
            int n = 0;
            while (m.find()) {
                n++;
            }
            assertThat(n).as("libevtx reads every record our reader reads").isEqualTo(records.size());
        }
        if (Files.exists(Path.of("/usr/bin/evtx_dump.py"))) {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c",
                    "import Evtx.Evtx as e,sys\nwith e.Evtx(sys.argv[1]) as f: print(sum(1 for r in f.records()))",
                    file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(60, TimeUnit.SECONDS);
            assertThat(out).as("python-evtx reads every record our reader reads").isEqualTo(Integer.toString(records.size()));
        }

        // appending after the crash continues the record numbers and leaves a clean file
        try (EvtxWriter w = EvtxWriter.append(file, EvtxWriterOptions.defaults())) {
            assertThat(w.nextRecordId()).isEqualTo(records.size() + 1L);
            w.write(io.winlog.api.EventSpec.builder(7).strings("after crash").build());
        }
        List<EventRecord> after = EvtxWriterRoundTripTest.readAll(file);
        assertThat(after).hasSize(records.size() + 1);
        assertThat(after.get(after.size() - 1).recordId()).isEqualTo(records.size() + 1L);
        assertThat(after.get(after.size() - 1).eventData().get(0).value().asString()).isEqualTo("after crash");
        try (var in = Files.newInputStream(file)) {
            in.readNBytes(header, 0, 128);
        }
        assertThat(ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(120) & 1).as("clean after close")
                .isZero();
    }

    @Test
    void appendContinuesRecordIds(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("a.evtx");
        try (EvtxWriter w = EvtxWriter.create(file, EvtxWriterOptions.defaults())) {
            for (int i = 0; i < 10; i++) {
                w.write(io.winlog.api.EventSpec.builder(1).strings("first " + i).build());
            }
        }
        try (EvtxWriter w = EvtxWriter.append(file, EvtxWriterOptions.defaults())) {
            assertThat(w.nextRecordId()).isEqualTo(11);
            for (int i = 0; i < 5; i++) {
                w.write(io.winlog.api.EventSpec.builder(2).strings("second " + i).build());
            }
        }
        List<EventRecord> all = EvtxWriterRoundTripTest.readAll(file);
        assertThat(all).extracting(EventRecord::recordId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L,
                11L, 12L, 13L, 14L, 15L);
        assertThat(all.get(14).eventData().get(0).value().asString()).isEqualTo("second 4");
    }
}
