package io.winlog.jna;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.Bookmark;
import io.winlog.api.StartPosition;
import io.winlog.api.event.EventRecord;
import io.winlog.jna.engine.EvtSampleRecords;
import io.winlog.jna.engine.ScriptedClassicLogApi;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ClassicEventLogTail} on a scripted log that grows, wraps and is cleared between polls. */
class ClassicEventLogTailTest {
    private static final String LOG = "Application";

    private static List<byte[]> all() {
        return EvtSampleRecords.records();
    }

    private static List<Long> ids(List<EventRecord> events) {
        return events.stream().map(EventRecord::recordId).toList();
    }

    private static List<Long> numbers(List<byte[]> records) {
        return records.stream().map(EvtSampleRecords::number).toList();
    }

    @Test
    void returnsOnlyWhatArrivedSinceTheLastPollBoundedPerPoll() {
        List<byte[]> log = all().subList(0, 200);
        ScriptedClassicLogApi api = new ScriptedClassicLogApi(log.subList(0, 100));
        try (ClassicEventLogTail tail = ClassicEventLogTail.builder(LOG).api(api).maxPerPoll(40).bufferBytes(4096).build()) {
            assertThat(tail.poll()).isEmpty(); // future: the 100 existing records are not new
            api.append(log.subList(100, 190));
            List<Long> n = numbers(log);
            assertThat(ids(tail.poll())).isEqualTo(n.subList(100, 140));
            assertThat(ids(tail.poll())).isEqualTo(n.subList(140, 180));
            assertThat(ids(tail.poll())).isEqualTo(n.subList(180, 190));
            assertThat(tail.poll()).isEmpty();
            api.append(log.subList(190, 200));
            List<EventRecord> last = tail.poll();
            assertThat(ids(last)).isEqualTo(n.subList(190, 200));
            assertThat(last).allMatch(e -> LOG.equals(e.channel()));
            assertThat(tail.bookmark()).isEqualTo(Bookmark.of(LOG, n.get(199)));
            assertThat(tail.missedRecords()).isZero();
        }
        assertThat(api.openHandles()).isZero();
    }

    @Test
    void startsFromOldestOrABookmarkAndFilters() {
        List<byte[]> log = all().subList(0, 300);
        List<Long> n = numbers(log);
        try (ClassicEventLogTail tail = ClassicEventLogTail.builder(LOG).api(new ScriptedClassicLogApi(log))
                .start(StartPosition.oldest()).maxPerPoll(1000).build()) {
            assertThat(ids(tail.poll())).isEqualTo(n);
        }
        try (ClassicEventLogTail tail = ClassicEventLogTail.builder(LOG).api(new ScriptedClassicLogApi(log))
                .start(StartPosition.after(Bookmark.of(LOG, n.get(249)))).build()) {
            assertThat(ids(tail.poll())).isEqualTo(n.subList(250, 300));
        }
        List<EventRecord> everything;
        try (ClassicEventLogTail tail = ClassicEventLogTail.builder(LOG).api(new ScriptedClassicLogApi(log))
                .start(StartPosition.oldest()).build()) {
            everything = tail.poll();
        }
        int someId = everything.get(0).eventId();
        try (ClassicEventLogTail tail = ClassicEventLogTail.builder(LOG).api(new ScriptedClassicLogApi(log))
                .start(StartPosition.oldest()).query("*[System[EventID=" + someId + "]]").build()) {
            assertThat(tail.poll()).isEqualTo(everything.stream().filter(e -> e.eventId() == someId).toList());
            assertThat(tail.bookmark()).isEqualTo(Bookmark.of(LOG, n.get(299))); // filtered-out records still advance it
        }
    }

    @Test
    void aWrapBetweenPollsCountsTheLostRecordsAndContinues() {
        List<byte[]> log = all().subList(0, 400);
        List<Long> n = numbers(log);
        ScriptedClassicLogApi api = new ScriptedClassicLogApi(log.subList(0, 100));
        try (ClassicEventLogTail tail = ClassicEventLogTail.builder(LOG).api(api).start(StartPosition.oldest()).build()) {
            assertThat(tail.poll()).hasSize(100);
            api.append(log.subList(100, 400));
            api.overwriteBefore(n.get(150)); // 100..149 overwritten before the tail saw them
            assertThat(ids(tail.poll())).isEqualTo(n.subList(150, 400));
            assertThat(tail.missedRecords()).isEqualTo(50);
        }
    }

    @Test
    void aClearedLogIsFollowedFromItsNewFirstRecord() {
        List<byte[]> log = all().subList(0, 60);
        ScriptedClassicLogApi api = new ScriptedClassicLogApi(log.subList(0, 50));
        try (ClassicEventLogTail tail = ClassicEventLogTail.builder(LOG).api(api).build()) {
            api.replaceAll(List.of()); // cleared
            assertThat(tail.poll()).isEmpty();
            List<byte[]> fresh = renumbered(log.subList(50, 60), 1);
            api.replaceAll(fresh);
            assertThat(ids(tail.poll())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
        // Cleared and refilled between two polls without the tail seeing it empty: numbering went back.
        ScriptedClassicLogApi api2 = new ScriptedClassicLogApi(log.subList(0, 50));
        try (ClassicEventLogTail tail = ClassicEventLogTail.builder(LOG).api(api2).build()) {
            api2.replaceAll(renumbered(log.subList(50, 55), 1));
            assertThat(ids(tail.poll())).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    /** The same real records with RecordNumber (offset 8) rewritten from {@code first}, as after a clear. */
    private static List<byte[]> renumbered(List<byte[]> records, long first) {
        List<byte[]> out = new ArrayList<>();
        long n = first;
        for (byte[] r : records) {
            byte[] c = r.clone();
            ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(8, (int) n++);
            out.add(c);
        }
        return out;
    }
}
