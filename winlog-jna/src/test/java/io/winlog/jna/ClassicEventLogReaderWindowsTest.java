package io.winlog.jna;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.EventQuery;
import io.winlog.api.StartPosition;
import io.winlog.api.event.EventRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The classic reader against the real Event Log (Windows CI only). */
@EnabledOnOs(OS.WINDOWS)
class ClassicEventLogReaderWindowsTest {
    @Test
    void readsTheNewestRecordsOfTheSystemLog() {
        List<EventRecord> newest = new ArrayList<>();
        try (ClassicEventLogReader r = ClassicEventLogReader.open(EventQuery.channel("System")
                .withDirection(EventQuery.Direction.REVERSE))) {
            for (EventRecord e = r.next(); e != null && newest.size() < 20; e = r.next()) {
                newest.add(e);
            }
        }
        assertThat(newest).isNotEmpty();
        assertThat(newest).allSatisfy(e -> {
            assertThat(e.channel()).isEqualTo("System");
            assertThat(e.providerName()).isNotBlank();
            assertThat(e.timeCreated()).isNotNull();
        });
        for (int i = 1; i < newest.size(); i++) {
            assertThat(newest.get(i).recordId()).isLessThan(newest.get(i - 1).recordId());
        }
        // Forward from the 5th newest gives the same records back in ascending order.
        long from = newest.get(Math.min(4, newest.size() - 1)).recordId();
        List<Long> forward = new ArrayList<>();
        try (ClassicEventLogReader r = ClassicEventLogReader.open(EventQuery.channel("System")
                .withStart(StartPosition.atRecordId(from)))) {
            for (EventRecord e = r.next(); e != null && forward.size() < 5; e = r.next()) {
                forward.add(e.recordId());
            }
        }
        assertThat(forward.get(0)).isEqualTo(from);
        assertThat(forward).isSorted();
    }

    @Test
    void anUnknownLogNameIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClassicEventLogReader.open(EventQuery.channel("winlog-no-such-log-4711")))
                .isInstanceOf(io.winlog.api.WinlogException.class).hasMessageContaining("no classic event log");
    }
}
