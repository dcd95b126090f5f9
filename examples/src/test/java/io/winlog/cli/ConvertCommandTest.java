package io.winlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.event.EventRecord;
import io.winlog.evtx.EvtxReader;
import io.winlog.evtx.evt.EvtReader;
import io.winlog.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code winlog convert} in-process on real samples: every record kept, exit codes as documented. */
class ConvertCommandTest {

    @Test
    void convertsEvtAndEvtxKeepingEveryRecord(@TempDir Path tmp) {
        Path evt = SharedData.evtDir().resolve("dissect_TestLog.evt");
        Path evtx = SharedData.evtxDir().resolve("omer_new_user_security.evtx");
        Path out1 = tmp.resolve("a.evtx");
        Path out2 = tmp.resolve("b.evtx");
        assertThat(WinlogCli.run("convert", evt.toString(), out1.toString())).isZero();
        assertThat(WinlogCli.run("convert", evtx.toString(), out2.toString())).isZero();
        List<EventRecord> src1 = new ArrayList<>();
        try (var r = EvtReader.open(evt)) {
            r.forEach(src1::add);
        }
        List<EventRecord> got1 = new ArrayList<>();
        try (var r = EvtxReader.open(out1)) {
            r.forEach(got1::add);
        }
        assertThat(got1).extracting(EventRecord::recordId).containsExactlyElementsOf(
                src1.stream().map(EventRecord::recordId).toList());
        assertThat(got1).extracting(EventRecord::timeCreated).containsExactlyElementsOf(
                src1.stream().map(EventRecord::timeCreated).toList());
        List<EventRecord> src2 = new ArrayList<>();
        try (var r = EvtxReader.open(evtx)) {
            r.forEach(src2::add);
        }
        List<EventRecord> got2 = new ArrayList<>();
        try (var r = EvtxReader.open(out2)) {
            r.forEach(got2::add);
        }
        assertThat(got2).isEqualTo(src2.stream().map(r -> r.renderingInfo() == null ? r
                : r.toBuilder().renderingInfo(null).build()).toList());
    }

    @Test
    void refusesToOverwriteAndRejectsUnknownInput(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("x.evtx");
        Files.writeString(out, "existing");
        Path junk = tmp.resolve("junk.bin");
        Files.writeString(junk, "not a log file at all");
        assertThat(WinlogCli.run("convert", junk.toString(), tmp.resolve("y.evtx").toString())).isEqualTo(2);
        assertThat(WinlogCli.run("convert", SharedData.evtDir().resolve("dissect_TestLog.evt").toString(),
                out.toString())).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("existing");
    }
}
