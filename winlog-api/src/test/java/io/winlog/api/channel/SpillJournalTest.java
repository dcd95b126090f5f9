package io.winlog.api.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winlog.api.WinlogException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on its own: recovery from torn tails, torn acks, garbage, and exclusive use. */
class SpillJournalTest {

    private static List<String> readAll(SpillJournal j) throws IOException {
        List<String> out = new ArrayList<>();
        byte[] b;
        while ((b = j.next()) != null) {
            out.add(new String(b, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void append(SpillJournal j, String... values) throws IOException {
        for (String v : values) {
            j.append(v.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void acknowledgedRecordsAreNotReplayed(@TempDir Path dir) throws IOException {
        try (SpillJournal j = SpillJournal.open(dir, false)) {
            append(j, "a", "b", "c");
            assertThat(j.next()).asString(StandardCharsets.UTF_8).isEqualTo("a");
            j.acknowledge();
            assertThat(j.next()).asString(StandardCharsets.UTF_8).isEqualTo("b"); // read, not acknowledged...
        } // ...but close acknowledges what was read
        try (SpillJournal j = SpillJournal.open(dir, false)) {
            assertThat(j.recoveredRecords()).isEqualTo(1);
            assertThat(readAll(j)).containsExactly("c");
            j.reset();
        }
        try (SpillJournal j = SpillJournal.open(dir, false)) {
            assertThat(j.recoveredRecords()).isZero();
            assertThat(j.openProblems()).isEmpty();
        }
    }

    @Property(tries = 60)
    void tornTailIsCutOffAndEverythingBeforeSurvives(@ForAll @IntRange(min = 1, max = 30) int records,
                                                      @ForAll @IntRange(min = 1, max = 40) int cut) throws IOException {
        Path dir = Files.createTempDirectory("winlog-journal");
        try {
            List<String> written = new ArrayList<>();
            try (SpillJournal j = SpillJournal.open(dir, false)) {
                for (int i = 0; i < records; i++) {
                    written.add("record-" + i + "-" + "x".repeat(i));
                    append(j, written.get(i));
                }
            }
            Path file = dir.resolve(SpillJournal.JOURNAL_FILE);
            long size = Files.size(file);
            long newSize = Math.max(SpillJournal.HEADER, size - cut);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(newSize); // as if killed mid-append
            }
            try (SpillJournal j = SpillJournal.open(dir, false)) {
                List<String> survived = readAll(j);
                assertThat(survived).isEqualTo(written.subList(0, survived.size()));
                assertThat(survived.size()).isGreaterThanOrEqualTo(records - 1 - cut / 8);
                long boundary = SpillJournal.HEADER;
                java.util.Set<Long> boundaries = new java.util.HashSet<>(List.of(boundary));
                for (String w : written) {
                    boundary += SpillJournal.RECORD_HEADER + w.getBytes(StandardCharsets.UTF_8).length;
                    boundaries.add(boundary);
                }
                if (boundaries.contains(newSize)) { // cut exactly between records: nothing torn to report
                    assertThat(j.openProblems()).isEmpty();
                } else {
                    assertThat(j.openProblems()).as("cut at %d", newSize).singleElement()
                            .satisfies(p -> assertThat(p.offset()).isGreaterThanOrEqualTo(SpillJournal.HEADER).isLessThan(newSize));
                }
                append(j, "after"); // appends continue after the cut
            }
            try (SpillJournal j = SpillJournal.open(dir, false)) {
                List<String> again = readAll(j);
                assertThat(again.get(again.size() - 1)).isEqualTo("after");
            }
        } finally {
            ChannelPropertiesTest.deleteRecursively(dir);
        }
    }

    @Test
    void tornAckFallsBackToThePreviousAcknowledgement(@TempDir Path dir) throws IOException {
        try (SpillJournal j = SpillJournal.open(dir, false)) {
            append(j, "a", "b", "c");
            j.next();
            j.acknowledge(); // slot k: after "a"
            j.next();
            j.acknowledge(); // slot k+1: after "b"
        }
        // Tear the newest slot: the highest counter is in slot (counter & 1); corrupt both bytes of its offset.
        Path ack = dir.resolve(SpillJournal.ACK_FILE);
        byte[] bytes = Files.readAllBytes(ack);
        long c0 = ByteBuffer.wrap(bytes, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        long c1 = ByteBuffer.wrap(bytes, 32, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        int newest = c0 > c1 ? 0 : 32;
        bytes[newest + 16] ^= 0x55;
        Files.write(ack, bytes);
        try (SpillJournal j = SpillJournal.open(dir, false)) {
            assertThat(j.openProblems()).hasSize(1);
            assertThat(readAll(j)).as("redelivery, never loss").containsExactly("b", "c");
        }
    }

    @Test
    void garbageJournalIsSetAsideAsANewOne(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve(SpillJournal.JOURNAL_FILE), "this is not a journal at all".getBytes(StandardCharsets.US_ASCII));
        try (SpillJournal j = SpillJournal.open(dir, false)) {
            assertThat(j.openProblems()).hasSize(1);
            assertThat(j.openProblems().get(0)).hasMessageContaining("no valid header");
            assertThat(j.recoveredRecords()).isZero();
            append(j, "fresh");
            assertThat(readAll(j)).containsExactly("fresh");
        }
    }

    @Test
    void corruptRecordMidFileIsReportedWithItsOffset(@TempDir Path dir) throws IOException {
        try (SpillJournal j = SpillJournal.open(dir, false)) {
            append(j, "aaaa", "bbbb", "cccc");
        }
        Path file = dir.resolve(SpillJournal.JOURNAL_FILE);
        byte[] bytes = Files.readAllBytes(file);
        int second = SpillJournal.HEADER + SpillJournal.RECORD_HEADER + 4;
        bytes[second + SpillJournal.RECORD_HEADER] ^= 1; // flip a payload bit of "bbbb"
        Files.write(file, bytes);
        try (SpillJournal j = SpillJournal.open(dir, false)) {
            assertThat(j.recoveredRecords()).isEqualTo(1);
            assertThat(j.openProblems()).singleElement().satisfies(p -> assertThat(p.offset()).isEqualTo(second));
            assertThat(readAll(j)).containsExactly("aaaa");
        }
    }

    @Test
    void compactionKeepsExactlyTheUnreadRecords(@TempDir Path dir) throws IOException {
        try (SpillJournal j = SpillJournal.open(dir, true)) {
            append(j, "a", "b", "c", "d");
            assertThat(j.next()).asString(StandardCharsets.UTF_8).isEqualTo("a");
            assertThat(j.next()).asString(StandardCharsets.UTF_8).isEqualTo("b");
            long before = j.end();
            long shift = j.compact();
            assertThat(shift).isEqualTo(2L * (SpillJournal.RECORD_HEADER + 1));
            assertThat(j.end()).isEqualTo(before - shift);
            assertThat(Files.size(dir.resolve(SpillJournal.JOURNAL_FILE))).isEqualTo(SpillJournal.HEADER + 2L * (SpillJournal.RECORD_HEADER + 1));
            append(j, "e");
            assertThat(j.next()).asString(StandardCharsets.UTF_8).isEqualTo("c");
        } // close acknowledges "c"
        try (SpillJournal j = SpillJournal.open(dir, false)) {
            assertThat(j.openProblems()).isEmpty();
            assertThat(readAll(j)).containsExactly("d", "e");
        }
    }

    @Test
    void killAfterTheCompactionRenameBeforeItsAckReplaysTheUnreadRecords(@TempDir Path dir) throws IOException {
        Path ack = dir.resolve(SpillJournal.ACK_FILE);
        byte[] oldAck;
        try (SpillJournal j = SpillJournal.open(dir, false)) {
            append(j, "a", "b", "c");
            j.next();
            j.acknowledge();
            oldAck = Files.readAllBytes(ack); // "a" acknowledged, in the old generation
            j.compact();
        }
        Files.write(ack, oldAck); // as if the kill came between the rename and the new ack
        try (SpillJournal j = SpillJournal.open(dir, false)) {
            assertThat(j.recoveredRecords()).isEqualTo(2);
            assertThat(readAll(j)).as("the old ack's generation does not apply to the new file").containsExactly("b", "c");
        }
    }

    @Test
    void killBeforeTheCompactionRenameKeepsTheOldJournal(@TempDir Path dir) throws IOException {
        try (SpillJournal j = SpillJournal.open(dir, false)) {
            append(j, "a", "b");
            j.next();
        }
        Files.write(dir.resolve(SpillJournal.COMPACT_FILE), "half-written copy".getBytes(StandardCharsets.US_ASCII));
        try (SpillJournal j = SpillJournal.open(dir, false)) {
            assertThat(Files.exists(dir.resolve(SpillJournal.COMPACT_FILE))).as("leftover copy deleted").isFalse();
            assertThat(j.openProblems()).isEmpty();
            assertThat(readAll(j)).containsExactly("b");
        }
    }

    @Test
    void groupCommitCoversEveryWaitingAppender(@TempDir Path dir) throws Exception {
        try (SpillJournal j = SpillJournal.open(dir, true)) {
            java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
            List<Thread> threads = new ArrayList<>();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 3; t++) {
                int id = t;
                Thread th = new Thread(() -> {
                    try {
                        for (int i = 0; i < 50; i++) {
                            long mark;
                            lock.lock(); // the spill lock of a subscriber
                            try {
                                j.append(("t" + id + "-" + i).getBytes(StandardCharsets.UTF_8));
                                mark = j.writtenMark();
                            } finally {
                                lock.unlock();
                            }
                            j.awaitDurable(mark);
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join();
            }
            assertThat(errors).isEmpty();
            List<String> all = readAll(j);
            assertThat(all).hasSize(150);
            for (int t = 0; t < 3; t++) {
                String prefix = "t" + t + "-";
                assertThat(all.stream().filter(s -> s.startsWith(prefix)).toList())
                        .isEqualTo(java.util.stream.IntStream.range(0, 50).mapToObj(i -> prefix + i).toList());
            }
        }
    }

    @Property(tries = 30)
    void readAheadReturnsEveryRecordWhateverItsSizeAndPlace(@ForAll @IntRange(min = 1, max = 200) int records,
                                                           @ForAll @IntRange(min = 0, max = 3000) int size,
                                                           @ForAll boolean oneHuge) throws IOException {
        Path dir = Files.createTempDirectory("winlog-journal");
        try {
            List<String> written = new ArrayList<>();
            int read = 0;
            try (SpillJournal j = SpillJournal.open(dir, false)) {
                for (int i = 0; i < records; i++) {
                    // Sizes vary so records straddle the read-ahead chunk boundaries; one may exceed a chunk.
                    int n = oneHuge && i == records / 2 ? SpillJournal.READ_AHEAD + 17 : (size * (i + 1)) % 3001;
                    written.add(i + ":" + "y".repeat(n));
                    append(j, written.get(i));
                    if (i % 7 == 3) { // reads interleaved with appends: the buffer must not hide new records
                        assertThat(j.next()).asString(StandardCharsets.UTF_8).isEqualTo(written.get(read++));
                    }
                }
            } // acknowledges what was read
            try (SpillJournal j = SpillJournal.open(dir, false)) {
                // Open validates every unread record through the same chunked reader (CRC, bounds).
                assertThat(j.openProblems()).isEmpty();
                assertThat(j.recoveredRecords()).isEqualTo(records - read);
                byte[] b;
                while ((b = j.next()) != null) {
                    assertThat(b).asString(StandardCharsets.UTF_8).isEqualTo(written.get(read++));
                }
                assertThat(read).isEqualTo(records);
            }
        } finally {
            ChannelPropertiesTest.deleteRecursively(dir);
        }
    }

    @Test
    void oneSubscriberPerDirectory(@TempDir Path dir) throws IOException {
        try (SpillJournal j = SpillJournal.open(dir, false)) {
            assertThatThrownBy(() -> SpillJournal.open(dir, false)).isInstanceOf(WinlogException.class)
                    .hasMessageContaining("in use by another subscriber");
        }
        SpillJournal.open(dir, true).close(); // free again, also with sync
    }
}
