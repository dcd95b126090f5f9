package io.winlog.evtx.evt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winlog.api.CorruptInputException;
import io.winlog.api.WinlogException;
import io.winlog.api.event.EventRecord;
import io.winlog.evtx.classic.EventLogRecordCodec;
import io.winlog.testkit.SharedData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class EvtReaderTest {

    /** A minimal valid record of exactly {@code size} bytes (multiple of 4, >= 72) with one string. */
    static byte[] record(int size, long timeSeed) {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(size).putInt(EventLogRecordCodec.SIGNATURE).putInt(0).putInt((int) timeSeed).putInt((int) timeSeed)
                .putInt(0x4000_0000 | (int) (timeSeed & 0xFFFF)).putShort((short) 4).putShort((short) 1)
                .putShort((short) 2).putShort((short) 0).putInt(0).putInt(0x38 + 8).putInt(0).putInt(0).putInt(0)
                .putInt(0);
        b.put("S\0".getBytes(StandardCharsets.UTF_16LE)).put("C\0".getBytes(StandardCharsets.UTF_16LE));
        // One string filling the rest up to the length copy: 'x' * n, NUL, zero padding.
        int room = size - 4 - b.position();
        int chars = Math.max(0, room / 2 - 1);
        for (int i = 0; i < chars; i++) {
            b.putShort((short) 'x');
        }
        b.putInt(size - 4, size);
        return b.array();
    }

    static List<EvtEntry> readAll(byte[] image, EvtReaderOptions o) {
        List<EvtEntry> out = new ArrayList<>();
        try (EvtReader r = EvtReader.of(ByteBuffer.wrap(image), o)) {
            for (EvtEntry e; (e = r.nextEntry()) != null; ) {
                out.add(e);
            }
        }
        return out;
    }

    @Property(tries = 200)
    void readsExactlyTheLiveRecordsOfASimulatedLog(@ForAll @IntRange(min = 0, max = 400) int writes,
                                                   @ForAll @IntRange(min = 0, max = 1 << 20) int seed,
                                                   @ForAll @IntRange(min = 0, max = 3) int sizeChoice) {
        int fileSize = new int[] {0x30 + 200, 984, 4096, 0x10000}[sizeChoice];
        Random rnd = new Random(seed);
        EvtFileSimulator sim = new EvtFileSimulator(fileSize);
        int maxRecord = Math.min(400, fileSize - 0x30 - 0x28) & ~3;
        for (int i = 0; i < writes; i++) {
            int size = 72 + 4 * rnd.nextInt((maxRecord - 72) / 4 + 1);
            sim.append(record(size, i));
        }
        List<Long> expected = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (long[] l : sim.live()) {
            expected.add(l[0]);
            offsets.add(l[1]);
        }
        for (byte[] image : List.of(sim.closedImage(), sim.dirtyImage(0x30, 0x30, 1, 0))) {
            List<CorruptInputException> diags = new ArrayList<>();
            List<EvtEntry> got = readAll(image, EvtReaderOptions.strict().withDiagnostics(diags::add));
            assertThat(got).extracting(e -> e.raw().recordNumber()).containsExactlyElementsOf(expected);
            assertThat(got).extracting(EvtEntry::fileOffset).containsExactlyElementsOf(offsets);
            assertThat(diags).isEmpty();
            // Recovered records are older ones, each decodes to what was written then.
            for (EvtEntry e : readAll(image, EvtReaderOptions.defaults().withRecover(true))) {
                if (e.recovered()) {
                    assertThat(e.raw().recordNumber()).isLessThan(expected.isEmpty() ? sim.nextRecordNumber() : expected.get(0));
                    assertThat(e.raw().eventId()).isEqualTo((int) ((e.raw().recordNumber() - 1) & 0xFFFF));
                }
            }
        }
    }

    @Test
    void recordWrappingPastTheEndIsReassembled() {
        EvtFileSimulator sim = new EvtFileSimulator(0x30 + 1000);
        sim.append(record(400, 0));
        sim.append(record(400, 1));
        int at = sim.append(record(400, 2)); // 800 used of 1000: evicts record 1, wraps
        assertThat(at + 400).isGreaterThan(0x30 + 1000);
        List<EvtEntry> got = readAll(sim.closedImage(), EvtReaderOptions.strict());
        assertThat(got).extracting(e -> e.raw().recordNumber()).containsExactly(2L, 3L);
        assertThat(got.get(1).fileOffset()).isEqualTo(at);
        assertThat(got.get(1).raw().strings().get(0)).matches("x+");
    }

    @Test
    void emptyLog() {
        EvtFileSimulator sim = new EvtFileSimulator(0x30 + 0x28 + 100);
        try (EvtReader r = EvtReader.of(ByteBuffer.wrap(sim.closedImage()), EvtReaderOptions.strict())) {
            assertThat(r.next()).isNull();
            assertThat(r.eofRecord()).hasValueSatisfying(e -> assertThat(e.offset()).isEqualTo(0x30));
            assertThat(r.isHeaderStale()).isFalse();
        }
    }

    @Test
    void dirtyHeaderIsOverruledByTheNewestEofRecord() {
        EvtFileSimulator sim = new EvtFileSimulator(4096);
        for (int i = 0; i < 30; i++) {
            sim.append(record(200, i));
        }
        byte[] image = sim.dirtyImage(0x30, 0x30, 1, 0);
        try (EvtReader r = EvtReader.of(ByteBuffer.wrap(image), EvtReaderOptions.strict())) {
            assertThat(r.header().isDirty()).isTrue();
            assertThat(r.isHeaderStale()).isTrue();
            assertThat(r.eofRecord().orElseThrow().currentRecordNumber()).isEqualTo(31);
            List<Long> numbers = new ArrayList<>();
            for (EventRecord e : r) {
                numbers.add(e.recordId());
            }
            Deque<long[]> live = sim.live();
            assertThat(numbers).hasSize(live.size()).endsWith(30L);
        }
    }

    @Test
    void damagedRecordInTheMiddleIsSkippedLenientlyAndThrownStrictly() {
        EvtFileSimulator sim = new EvtFileSimulator(4096);
        int damagedAt = 0;
        for (int i = 0; i < 10; i++) {
            int at = sim.append(record(120, i));
            if (i == 4) {
                damagedAt = at;
            }
        }
        byte[] image = sim.closedImage();
        image[damagedAt + 5] ^= 0x40; // break the 'LfLe' of record 5
        List<CorruptInputException> diags = new ArrayList<>();
        List<EvtEntry> got = readAll(image, EvtReaderOptions.defaults().withDiagnostics(diags::add));
        assertThat(got).extracting(e -> e.raw().recordNumber()).containsExactly(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 10L);
        assertThat(diags).isNotEmpty();
        assertThat(diags.get(0).offset()).isEqualTo(damagedAt);
        int at = damagedAt;
        assertThatThrownBy(() -> readAll(image, EvtReaderOptions.strict()))
                .isInstanceOf(CorruptInputException.class)
                .satisfies(e -> assertThat(((CorruptInputException) e).offset()).isEqualTo(at));
    }

    @Test
    void recordWithLostLengthCopyIsKeptWhenTheNextOneFollows() {
        EvtFileSimulator sim = new EvtFileSimulator(4096);
        int at = 0;
        for (int i = 0; i < 5; i++) {
            int o = sim.append(record(120, i));
            if (i == 2) {
                at = o;
            }
        }
        byte[] image = sim.closedImage();
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 120 - 4, 0);
        List<CorruptInputException> diags = new ArrayList<>();
        List<EvtEntry> got = readAll(image, EvtReaderOptions.defaults().withDiagnostics(diags::add));
        assertThat(got).extracting(e -> e.raw().recordNumber()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(got.get(2).raw().isDamaged()).isTrue();
        assertThat(diags).singleElement().extracting(CorruptInputException::offset).isEqualTo((long) at + 116);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "a mapped file stays locked on Windows until the mapping is "
            + "garbage-collected, so @TempDir could not delete it")
    void largeFilesAreMemoryMappedAndReadTheSame(@TempDir Path dir) throws Exception {
        // Above 64 MiB the reader maps the file instead of copying it onto the heap.
        EvtFileSimulator sim = new EvtFileSimulator((64 << 20) + 4096);
        for (int i = 0; i < 50; i++) {
            sim.append(record(72 + 4 * i, i));
        }
        Path f = dir.resolve("big.evt");
        Files.write(f, sim.closedImage());
        List<Long> numbers = new ArrayList<>();
        try (EvtReader r = EvtReader.open(f, EvtReaderOptions.strict())) {
            for (EvtEntry e; (e = r.nextEntry()) != null; ) {
                numbers.add(e.raw().recordNumber());
            }
            assertThat(r.fileSize()).isEqualTo((64 << 20) + 4096);
        }
        assertThat(numbers).hasSize(50).startsWith(1L).endsWith(50L);
    }

    @Test
    void notAnEvtFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.evtx");
        byte[] b = new byte[4096];
        System.arraycopy("ElfFile\0".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 8);
        Files.write(f, b);
        assertThatThrownBy(() -> EvtReader.open(f)).isInstanceOf(CorruptInputException.class)
                .hasMessageContaining("not a Windows event log (.evt) file");
        Files.write(f, new byte[10]);
        assertThatThrownBy(() -> EvtReader.open(f)).isInstanceOf(CorruptInputException.class)
                .hasMessageContaining("fewer than the 48-byte");
        assertThatThrownBy(() -> EvtReader.open(dir.resolve("missing.evt"))).isInstanceOf(WinlogException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void headerFactsOfTheRealSamples() {
        Path plaso = SharedData.evtDir().resolve("plaso_SysEvent.Evt");
        try (EvtReader r = EvtReader.open(plaso)) {
            EvtFileHeader h = r.header();
            assertThat(h.version()).isEqualTo("1.1");
            assertThat(h.flagNames()).isEqualTo("DIRTY|WRAPPED|ARCHIVE_SET");
            assertThat(h.startOffset()).isEqualTo(1966384);
            assertThat(h.endOffset()).isEqualTo(1802736);
            assertThat(h.currentRecordNumber()).isEqualTo(7430);
            assertThat(h.oldestRecordNumber()).isEqualTo(1392);
            assertThat(h.maxSize()).isEqualTo(2031616);
            assertThat(r.isHeaderStale()).isTrue();
            EvtEofRecord eof = r.eofRecord().orElseThrow();
            assertThat(eof.offset()).isEqualTo(1807988);
            assertThat(eof.currentRecordNumber()).isEqualTo(7455);
            assertThat(r.liveStartOffset()).isEqualTo(1966384);
            assertThat(r.headerFacts()).containsEntry("flags", "DIRTY|WRAPPED|ARCHIVE_SET")
                    .containsEntry("end-of-file record at", 1807988L)
                    .containsEntry("live records (by eof)", 7455L - 1392L)
                    .containsEntry("header stale", true);
        }
        try (EvtReader r = EvtReader.open(SharedData.evtDir().resolve("dissect_TestLog.evt"))) {
            assertThat(r.header().flagNames()).isEqualTo("-");
            assertThat(r.isHeaderStale()).isFalse();
            assertThat(r.fileSize()).isEqualTo(984);
        }
    }
}
