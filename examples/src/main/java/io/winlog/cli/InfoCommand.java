package io.winlog.cli;

import io.winlog.api.WinlogException;
import io.winlog.evtx.ChunkHealth;
import io.winlog.evtx.Diagnostic;
import io.winlog.evtx.EvtxReadOptions;
import io.winlog.evtx.EvtxReader;
import io.winlog.evtx.EvtxRecord;
import io.winlog.evtx.LogFiles;
import io.winlog.evtx.chunk.EvtxFileHeader;
import io.winlog.evtx.evt.EvtEntry;
import io.winlog.evtx.evt.EvtFileHeader;
import io.winlog.evtx.evt.EvtReader;
import io.winlog.evtx.evt.EvtReaderOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code winlog info}: header facts and per-chunk health of an .evtx file (header facts and record
 * counts of an .evt file). Reads the whole file, recovering slack records, to count them.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print header facts and per-chunk health of a log file.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .evtx or .evt file")
    Path file;

    private final PrintStream out;
    private final PrintStream err;

    InfoCommand() {
        this(System.out, System.err);
    }

    InfoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            if (LogFiles.detect(file) == LogFiles.Format.EVTX) {
                evtx();
            } else {
                evt();
            }
            return 0;
        } catch (WinlogException e) {
            err.println("winlog info: " + e.getMessage());
            return 2;
        }
    }

    private void evtx() {
        List<Diagnostic> fileDiags = new ArrayList<>();
        try (EvtxReader r = EvtxReader.open(file, EvtxReadOptions.defaults().recover(true).diagnostics(d -> {
            if (d.chunkIndex() < 0) {
                fileDiags.add(d);
            }
        }))) {
            long records = 0;
            long recovered = 0;
            for (EvtxRecord rec; (rec = r.nextRecord()) != null; ) {
                if (rec.recovered()) {
                    recovered++;
                } else {
                    records++;
                }
            }
            EvtxFileHeader h = r.header();
            out.println("file:               " + file);
            out.println("format:             .evtx version " + h.version());
            out.println("flags:              0x" + Long.toHexString(h.flags()) + (h.isDirty() ? " DIRTY" : "")
                    + (h.isFull() ? " FULL" : "") + (h.flags() == 0 ? " (clean)" : ""));
            out.println("header CRC32:       " + (h.checksumValid() ? "ok" : "MISMATCH") + " (0x"
                    + Long.toHexString(h.checksum()) + ")");
            out.println("chunks:             " + h.chunkCount() + " in header, " + r.chunksOnDisk() + " on disk");
            out.println("oldest/current:     chunk " + h.firstChunk() + " / chunk " + h.lastChunk());
            out.println("next record id:     " + h.nextRecordId());
            out.println("records:            " + records + " (+" + recovered + " recovered from slack/damaged areas)");
            for (Diagnostic d : fileDiags) {
                out.println("note:               " + d.message());
            }
            out.println();
            out.printf("%5s %10s %-10s %21s %21s %7s %6s %9s %5s%n", "chunk", "offset", "status", "record numbers",
                    "EventRecordIDs", "records", "failed", "recovered", "tmpl");
            for (ChunkHealth c : r.chunkHealth()) {
                if (c.status() == ChunkHealth.Status.EMPTY) {
                    out.printf("%5d %10d %-10s%n", c.index(), c.fileOffset(), "empty");
                    continue;
                }
                out.printf("%5d %10d %-10s %21s %21s %7d %6d %9d %5d%n", c.index(), c.fileOffset(),
                        c.status().name().toLowerCase(java.util.Locale.ROOT),
                        c.firstRecordNumber() + "-" + c.lastRecordNumber(), c.firstRecordId() + "-" + c.lastRecordId(),
                        c.records(), c.failedRecords(), c.recoveredRecords(), c.templates());
                for (String issue : c.issues()) {
                    out.println("        " + issue);
                }
            }
        }
    }

    private void evt() {
        try (EvtReader r = EvtReader.open(file, EvtReaderOptions.defaults().withRecover(true))) {
            long live = 0;
            long recovered = 0;
            for (EvtEntry e; (e = r.nextEntry()) != null; ) {
                if (e.recovered()) {
                    recovered++;
                } else {
                    live++;
                }
            }
            EvtFileHeader h = r.header();
            out.println("file:               " + file);
            out.println("format:             .evt version " + h.version());
            out.println("flags:              " + h.flagNames());
            out.println("header:             " + (r.isHeaderStale() ? "stale (file not closed cleanly)" : "current"));
            out.println("file size:          " + r.fileSize());
            out.println("records:            " + live + " (+" + recovered + " recovered)");
        }
    }
}
