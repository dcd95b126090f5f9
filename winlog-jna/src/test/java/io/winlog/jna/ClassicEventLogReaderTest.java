package io.winlog.jna;

import io.winlog.testkit.RequiresSharedData;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winlog.api.AccessDeniedException;
import io.winlog.api.Bookmark;
import io.winlog.api.EventQuery;
import io.winlog.api.InvalidQueryException;
import io.winlog.api.PlatformNotSupportedException;
import io.winlog.api.StartPosition;
import io.winlog.api.WinlogException;
import io.winlog.api.event.EventRecord;
import io.winlog.evtx.classic.EventLogRecordCodec;
import io.winlog.jna.binding.WinConstants;
import io.winlog.jna.engine.ClassicLogApi;
import io.winlog.jna.engine.ClassicLogNames;
import io.winlog.jna.engine.EvtSampleRecords;
import io.winlog.jna.engine.InMemoryRegistry;
import io.winlog.jna.engine.ScriptedClassicLogApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@link ClassicEventLogReader} and its engine on a scripted ReadEventLog fed real
 * EVENTLOGRECORD bytes from the .evt samples, split into ReadEventLog-sized buffers.
 */
class ClassicEventLogReaderTest {
    private static final String LOG = "System";

    private static List<byte[]> all() {
        return EvtSampleRecords.records();
    }

    private static List<Long> numbers(List<byte[]> records) {
        return records.stream().map(EvtSampleRecords::number).toList();
    }

    private static List<Long> ids(List<EventRecord> events) {
        return events.stream().map(EventRecord::recordId).toList();
    }

    private static ClassicEventLogReader reader(ScriptedClassicLogApi api, EventQuery q, int bufferBytes) {
        return ClassicEventLogReader.builder(q).api(api).bufferBytes(bufferBytes).build();
    }

    private static List<EventRecord> readAll(ClassicEventLogReader r) {
        List<EventRecord> out = new ArrayList<>();
        for (EventRecord e = r.next(); e != null; e = r.next()) {
            out.add(e);
        }
        return out;
    }

    @Test
    void theSampleGivesThousandsOfConsecutiveRealRecords() {
        assertThat(all()).hasSizeGreaterThan(1000);
        List<Long> n = numbers(all());
        for (int i = 1; i < n.size(); i++) {
            assertThat(n.get(i)).isEqualTo(n.get(i - 1) + 1);
        }
    }

    @Test
    void forwardReturnsEveryRecordOnceInOrderAcrossManyBuffers() {
        ScriptedClassicLogApi api = new ScriptedClassicLogApi(all());
        List<EventRecord> got;
        try (ClassicEventLogReader r = reader(api, EventQuery.channel(LOG), 8 * 1024)) {
            got = readAll(r);
            assertThat(r.next()).isNull(); // stays at the end
            assertThat(r.bookmark()).isEqualTo(Bookmark.of(LOG, numbers(all()).get(all().size() - 1)));
        }
        assertThat(ids(got)).isEqualTo(numbers(all()));
        assertThat(api.reads).isGreaterThan(50);
        assertThat(api.openHandles()).isZero();
        // Each event is exactly the codec's decoding of the bytes, with the log as channel.
        for (int i = 0; i < got.size(); i++) {
            EventRecord expected = EventLogRecordCodec.decode(all().get(i)).toEventRecord().toBuilder().channel(LOG).build();
            assertThat(got.get(i)).isEqualTo(expected);
        }
    }

    @Test
    void reverseReturnsEveryRecordOnceNewestFirst() {
        ScriptedClassicLogApi api = new ScriptedClassicLogApi(all());
        List<EventRecord> got;
        try (ClassicEventLogReader r = reader(api, EventQuery.channel(LOG).withDirection(EventQuery.Direction.REVERSE), 8 * 1024)) {
            got = readAll(r);
        }
        List<Long> expected = new ArrayList<>(numbers(all()));
        Collections.reverse(expected);
        assertThat(ids(got)).isEqualTo(expected);
    }

    @Test
    void theBufferGrowsWhenARecordDoesNotFit() {
        ScriptedClassicLogApi api = new ScriptedClassicLogApi(all());
        int largest = all().stream().mapToInt(b -> b.length).max().orElseThrow();
        try (ClassicEventLogReader r = reader(api, EventQuery.channel(LOG), 1)) {
            assertThat(ids(readAll(r))).isEqualTo(numbers(all()));
        }
        assertThat(api.insufficientBuffer).isPositive();
        assertThat(api.largestBuffer).isGreaterThanOrEqualTo(largest).isLessThanOrEqualTo(ClassicLogApi.MAX_READ_BYTES);
    }

    @Test
    void aBufferSizeThatDoesNotGrowIsAnErrorNotALoop() {
        ScriptedClassicLogApi api = new ScriptedClassicLogApi(all());
        api.inject(ClassicLogApi.ReadResult.failed(WinConstants.ERROR_INSUFFICIENT_BUFFER, 100));
        try (ClassicEventLogReader r = reader(api, EventQuery.channel(LOG), 4096)) {
            assertThatThrownBy(r::next).isInstanceOf(WinlogException.class).hasMessageContaining("100-byte buffer");
        }
        ScriptedClassicLogApi huge = new ScriptedClassicLogApi(all());
        huge.inject(ClassicLogApi.ReadResult.failed(WinConstants.ERROR_INSUFFICIENT_BUFFER, -1));
        try (ClassicEventLogReader r = reader(huge, EventQuery.channel(LOG), 4096)) {
            assertThatThrownBy(r::next).isInstanceOf(WinlogException.class).hasMessageContaining("4294967295-byte");
        }
    }

    @Test
    void anEmptyLogEndsAtOnce() {
        ScriptedClassicLogApi api = new ScriptedClassicLogApi(List.of());
        try (ClassicEventLogReader r = reader(api, EventQuery.channel(LOG), 4096)) {
            assertThat(r.next()).isNull();
            assertThat(r.next()).isNull();
        }
        assertThat(api.reads).isEqualTo(1); // ERROR_HANDLE_EOF once, then the reader knows it is done
    }

    @Test
    void aWrapDuringReadingReopensAndContinuesAfterTheLastRecord() {
        List<Long> n = numbers(all());
        ScriptedClassicLogApi api = new ScriptedClassicLogApi(all());
        // Before the 4th ReadEventLog (3 x 8 KiB read, well past record 10) the log wraps over its first
        // 10 records, and the handle sees ERROR_EVENTLOG_FILE_CHANGED.
        api.beforeRead(4, () -> api.overwriteBefore(n.get(10)));
        List<EventRecord> got;
        try (ClassicEventLogReader r = reader(api, EventQuery.channel(LOG), 8 * 1024)) {
            got = readAll(r);
            assertThat(r.missedRecords()).isZero();
        }
        assertThat(ids(got)).isEqualTo(n);
        assertThat(api.opens).isEqualTo(2);
        assertThat(api.closes).isEqualTo(2);
    }

    @Test
    void recordsOverwrittenBeforeTheyWereReadAreCountedAsMissed() {
        List<Long> n = numbers(all());
        ScriptedClassicLogApi api = new ScriptedClassicLogApi(all());
        api.beforeRead(2, () -> api.overwriteBefore(n.get(500)));
        List<EventRecord> got;
        long missed;
        try (ClassicEventLogReader r = reader(api, EventQuery.channel(LOG), 8 * 1024)) {
            got = readAll(r);
            missed = r.missedRecords();
        }
        List<Long> ids = ids(got);
        long firstBatchEnd = ids.get(ids.indexOf(n.get(500)) - 1);
        assertThat(firstBatchEnd).isLessThan(n.get(500) - 1);
        assertThat(missed).isEqualTo(n.get(500) - firstBatchEnd - 1);
        assertThat(ids).doesNotHaveDuplicates().isSorted();
        assertThat(ids.subList(ids.indexOf(n.get(500)), ids.size())).isEqualTo(n.subList(500, n.size()));
    }

    @Test
    void aLogThatKeepsChangingIsReportedNotRetriedForever() {
        ScriptedClassicLogApi api = new ScriptedClassicLogApi(all());
        for (int i = 0; i < 10; i++) {
            api.inject(ClassicLogApi.ReadResult.failed(WinConstants.ERROR_EVENTLOG_FILE_CHANGED, 0));
        }
        try (ClassicEventLogReader r = reader(api, EventQuery.channel(LOG), 8 * 1024)) {
            assertThatThrownBy(r::next).isInstanceOf(WinlogException.class).hasMessageContaining("changed (cleared or wrapped)")
                    .extracting(e -> ((WinlogException) e).win32Error()).isEqualTo(1503);
        }
    }

    @Test
    void accessDeniedSaysWhatToDo() {
        ScriptedClassicLogApi api = new ScriptedClassicLogApi(all());
        api.openError = WinConstants.ERROR_ACCESS_DENIED;
        assertThatThrownBy(() -> reader(api, EventQuery.channel("Security"), 4096))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("elevated").hasMessageContaining("Event Log Readers").hasMessageContaining("Security");

        ScriptedClassicLogApi atRead = new ScriptedClassicLogApi(all());
        atRead.inject(ClassicLogApi.ReadResult.failed(WinConstants.ERROR_ACCESS_DENIED, 0));
        try (ClassicEventLogReader r = reader(atRead, EventQuery.channel("Application"), 4096)) {
            assertThatThrownBy(r::next).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("Event Log Readers").hasMessageContaining("Application");
        }
    }

    @Test
    void anUnknownLogIsRefusedInsteadOfSilentlyReadingApplication() {
        ScriptedClassicLogApi api = new ScriptedClassicLogApi(all());
        InMemoryRegistry registry = new InMemoryRegistry();
        registry.createKey(ClassicLogNames.registryKey("System"));
        assertThatThrownBy(() -> ClassicEventLogReader.builder(EventQuery.channel("Sytsem")).api(api).registry(registry).build())
                .isInstanceOf(WinlogException.class).hasMessageContaining("no classic event log named \"Sytsem\"")
                .hasMessageContaining("Application");
        assertThat(api.opens).isZero();
        try (ClassicEventLogReader r = ClassicEventLogReader.builder(EventQuery.channel("system")).api(api).registry(registry).build()) {
            assertThat(r.next()).isNotNull();
        }
    }

    @Test
    void startAtARecordIdInBothDirections() {
        List<Long> n = numbers(all());
        long mid = n.get(n.size() / 2);
        try (ClassicEventLogReader r = reader(new ScriptedClassicLogApi(all()), EventQuery.channel(LOG).withStart(StartPosition.atRecordId(mid)), 8192)) {
            assertThat(ids(readAll(r))).isEqualTo(n.subList(n.size() / 2, n.size()));
        }
        try (ClassicEventLogReader r = reader(new ScriptedClassicLogApi(all()), EventQuery.channel(LOG)
                .withStart(StartPosition.atRecordId(mid)).withDirection(EventQuery.Direction.REVERSE), 8192)) {
            List<Long> expected = new ArrayList<>(n.subList(0, n.size() / 2 + 1));
            Collections.reverse(expected);
            assertThat(ids(readAll(r))).isEqualTo(expected);
        }
        // Before the oldest: starts at the oldest; past the newest: nothing.
        try (ClassicEventLogReader r = reader(new ScriptedClassicLogApi(all()), EventQuery.channel(LOG).withStart(StartPosition.atRecordId(1)), 8192)) {
            assertThat(ids(readAll(r))).isEqualTo(n);
        }
        try (ClassicEventLogReader r = reader(new ScriptedClassicLogApi(all()), EventQuery.channel(LOG)
                .withStart(StartPosition.atRecordId(n.get(n.size() - 1) + 1)), 8192)) {
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void startAfterABookmarkAndResumeWhereAReaderStopped() {
        List<Long> n = numbers(all());
        Bookmark saved;
        List<EventRecord> first = new ArrayList<>();
        try (ClassicEventLogReader r = reader(new ScriptedClassicLogApi(all()), EventQuery.channel(LOG), 8192)) {
            for (int i = 0; i < 777; i++) {
                first.add(r.next());
            }
            saved = Bookmark.parse(r.bookmark().toXml());
        }
        try (ClassicEventLogReader r = reader(new ScriptedClassicLogApi(all()), EventQuery.channel(LOG).withStart(StartPosition.after(saved)), 8192)) {
            List<Long> rest = ids(readAll(r));
            assertThat(ids(first)).isEqualTo(n.subList(0, 777));
            assertThat(rest).isEqualTo(n.subList(777, n.size()));
        }
        // Log names are case-insensitive; reverse goes to the record before the bookmark.
        try (ClassicEventLogReader r = reader(new ScriptedClassicLogApi(all()), EventQuery.channel(LOG)
                .withStart(StartPosition.after(Bookmark.of("SYSTEM", n.get(10)))).withDirection(EventQuery.Direction.REVERSE), 8192)) {
            assertThat(ids(readAll(r))).containsExactly(n.get(9), n.get(8), n.get(7), n.get(6), n.get(5), n.get(4), n.get(3),
                    n.get(2), n.get(1), n.get(0));
        }
        // A bookmark the log has overwritten: start at the oldest, and say how many were lost.
        ScriptedClassicLogApi wrapped = new ScriptedClassicLogApi(all());
        wrapped.overwriteBefore(n.get(300));
        try (ClassicEventLogReader r = reader(wrapped, EventQuery.channel(LOG).withStart(StartPosition.after(Bookmark.of(LOG, n.get(99)))), 8192)) {
            assertThat(ids(readAll(r))).isEqualTo(n.subList(300, n.size()));
            assertThat(r.missedRecords()).isEqualTo(200);
        }
        assertThatThrownBy(() -> reader(new ScriptedClassicLogApi(all()), EventQuery.channel(LOG)
                .withStart(StartPosition.after(Bookmark.of("Security", 5))), 8192))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no position in log \"System\"");
    }

    @Test
    void futureHasNothingToReadNow() {
        ScriptedClassicLogApi api = new ScriptedClassicLogApi(all());
        try (ClassicEventLogReader r = reader(api, EventQuery.channel(LOG).withStart(StartPosition.future()), 8192)) {
            assertThat(r.next()).isNull();
        }
        assertThat(api.reads).isZero();
    }

    @Test
    void theXPathFilterSelectsExactlyTheMatchingRecords() {
        List<EventRecord> everything;
        try (ClassicEventLogReader r = reader(new ScriptedClassicLogApi(all()), EventQuery.channel(LOG), 65536)) {
            everything = readAll(r);
        }
        int commonId = everything.stream().collect(java.util.stream.Collectors.groupingBy(EventRecord::eventId,
                java.util.stream.Collectors.counting())).entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .orElseThrow().getKey();
        String query = "*[System[(Level=1 or Level=2) or EventID=" + commonId + "]]";
        try (ClassicEventLogReader r = reader(new ScriptedClassicLogApi(all()), EventQuery.channel(LOG).withQuery(query), 65536)) {
            List<EventRecord> got = readAll(r);
            List<EventRecord> expected = everything.stream()
                    .filter(e -> (e.level() != null && (e.level() == 1 || e.level() == 2)) || e.eventId() == commonId).toList();
            assertThat(got).isEqualTo(expected).isNotEmpty().hasSizeLessThan(everything.size());
            assertThat(got.stream().anyMatch(e -> e.level() != null && e.level() == 2)).isTrue();
        }
        assertThatThrownBy(() -> reader(new ScriptedClassicLogApi(all()), EventQuery.channel(LOG).withQuery("*[System[EventID=]]"), 8192))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void withoutWindowsOpenSaysSo() {
        assertThatThrownBy(() -> ClassicEventLogReader.open(EventQuery.channel("System")))
                .isInstanceOf(PlatformNotSupportedException.class).hasMessageContaining("needs Windows");
        assertThatThrownBy(() -> ClassicEventLogTail.builder("Application").build())
                .isInstanceOf(PlatformNotSupportedException.class);
    }

    /** Any buffer size, direction and wrap point: every record the log still holds, once, in order. */
    @Property(tries = 60)
    @AddLifecycleHook(RequiresSharedData.class)
    void everyRecordOnceWhateverTheBufferAndWrap(@ForAll @IntRange(min = 1, max = 40_000) int bufferBytes,
                                                   @ForAll boolean forward,
                                                   @ForAll @IntRange(min = 1, max = 40) int wrapAtRead,
                                                   @ForAll @IntRange(min = 0, max = 399) int overwritten) {
        List<byte[]> log = all().subList(0, 400);
        List<Long> n = numbers(log);
        ScriptedClassicLogApi api = new ScriptedClassicLogApi(log);
        api.beforeRead(wrapAtRead, () -> api.overwriteBefore(n.get(overwritten)));
        EventQuery q = EventQuery.channel(LOG).withDirection(forward ? EventQuery.Direction.FORWARD : EventQuery.Direction.REVERSE);
        List<Long> got;
        long missed;
        try (ClassicEventLogReader r = reader(api, q, bufferBytes)) {
            got = ids(readAll(r));
            missed = r.missedRecords();
        }
        assertThat(got).doesNotHaveDuplicates();
        assertThat(forward ? got : reversed(got)).isSorted();
        // Nothing the log still held at the end is lost, and the rest is accounted for.
        assertThat(got).containsAll(n.subList(overwritten, n.size()));
        if (forward) {
            // Records overwritten before the first read were never part of what this reader saw.
            long goneBeforeStart = got.get(0) - n.get(0);
            assertThat(got.size() + missed + goneBeforeStart).isEqualTo(n.size());
        }
        assertThat(api.openHandles()).isZero();
    }

    private static List<Long> reversed(List<Long> l) {
        List<Long> c = new ArrayList<>(l);
        Collections.reverse(c);
        return c;
    }
}
