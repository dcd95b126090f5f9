package io.winlog.cli;

import io.winlog.api.CorruptInputException;
import io.winlog.api.EventReader;
import io.winlog.api.WinlogException;
import io.winlog.api.event.EventRecord;
import io.winlog.evtx.Diagnostic;
import io.winlog.evtx.EvtxReadOptions;
import io.winlog.evtx.EvtxReader;
import io.winlog.evtx.LogFiles;
import io.winlog.evtx.RecordRenderer;
import io.winlog.evtx.binxml.Utf8Buffer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code winlog dump}: prints every record of an .evtx or .evt file as XML (Windows' EvtRender
 * shape), JSONL (the reference keys) or one line of text.
 *
 * <p>Exit codes: 0 when the file was read (damaged parts skipped, diagnostics on stderr); 2 when
 * it is not an event log or cannot be read; 3 when {@code --strict} met damage.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Print every record of an .evtx or .evt file.")
final class DumpCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { xml, jsonl, text }

    @Parameters(index = "0", paramLabel = "FILE", description = "the .evtx or .evt file")
    Path file;

    @Option(names = "--format", defaultValue = "xml", description = "xml, jsonl or text (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--xpath", paramLabel = "QUERY",
            description = "only records matching this event XPath, e.g. \"*[System[EventID=4624]]\"")
    String xpath;

    @Option(names = "--recover", description = "also print records recovered from slack space and damaged chunks")
    boolean recover;

    @Option(names = "--threads", paramLabel = "N",
            description = "decode chunks on N threads (.evtx; default: one per core, at most 4)")
    Integer threads;

    /** Default decoding threads: chunks are independent, and output order is kept either way. */
    static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    @Option(names = "--strict", description = "stop at the first damage (exit 3) instead of skipping it")
    boolean strict;

    @Option(names = "--progress", negatable = true,
            description = "draw a progress bar on stderr (default: when stderr is a terminal and the file has 64+ chunks)")
    Boolean progress;

    @Option(names = {"-v", "--verbose"}, description = "also print informational diagnostics (dirty flag, CRC not set)")
    boolean verbose;

    private final PrintStream err;
    private final PrintStream out;

    DumpCommand() {
        this(System.out, System.err);
    }

    DumpCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        int threads = this.threads != null ? this.threads : defaultThreads();
        if (threads < 1 || threads > 256) {
            err.println("winlog dump: --threads must be 1..256");
            return 2;
        }
        int[] errors = {0};
        EvtxReadOptions options = EvtxReadOptions.defaults().strict(strict).recover(recover).threads(threads)
                .diagnostics(d -> {
                    if (d.severity() == Diagnostic.Severity.ERROR) {
                        errors[0]++;
                    }
                    if (verbose || d.severity() == Diagnostic.Severity.ERROR) {
                        err.println("winlog dump: " + file + ": " + d);
                    }
                });
        Predicate<EventRecord> filter;
        try {
            filter = xpath == null ? r -> true : CliRender.filter(xpath);
        } catch (WinlogException e) {
            err.println("winlog dump: bad --xpath: " + e.getMessage());
            return 2;
        }
        OutputFailureGuard guarded = new OutputFailureGuard(out);
        Writer w = new BufferedWriter(new OutputStreamWriter(guarded, StandardCharsets.UTF_8), 1 << 16);
        try (EventReader reader = LogFiles.open(file, options); ProgressBar bar = progressBar(reader)) {
            if (reader instanceof EvtxReader evtx) {
                // The fast path: chunks are decoded and rendered to UTF-8 bytes where they are
                // decoded (on --threads workers), then written in file order, one write per chunk.
                evtx.renderTo(guarded, () -> renderer(filter), bar == null ? null : bar::stepTo);
                guarded.flush();
            } else {
                StringBuilder sb = new StringBuilder(4096);
                for (EventRecord e; (e = reader.next()) != null; ) {
                    if (!filter.test(e)) {
                        continue;
                    }
                    sb.setLength(0);
                    switch (format) {
                        case xml: CliRender.xml(e, sb); break;
                        case jsonl: CliRender.json(e, e.recordId(), e.timeCreated(), sb); break;
                        default: CliRender.text(e, sb); break;
                    }
                    sb.append('\n');
                    w.append(sb);
                }
            }
            w.flush();
        } catch (CorruptInputException e) {
            flushQuietly(w);
            err.println("winlog dump: " + e.getMessage());
            return strict && !e.getMessage().contains("not a") ? 3 : 2;
        } catch (WinlogException e) {
            flushQuietly(w);
            err.println("winlog dump: " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("winlog dump: cannot write output: " + e.getMessage());
            return 2;
        }
        if (errors[0] > 0) {
            err.println("winlog dump: " + file + ": " + errors[0] + " damaged part(s) skipped (see above)");
        }
        return 0;
    }

    /**
     * One renderer per decoding thread: the line for a record in the chosen format (XML and JSONL
     * straight from the record bytes where they can; with --xpath, and for text, through the
     * event model), nothing when the filter rejects it.
     */
    private RecordRenderer renderer(Predicate<EventRecord> filter) {
        if (format == Format.xml && xpath == null) {
            return RecordRenderer.xmlLines(); // straight from the record bytes where it can
        }
        if (format == Format.jsonl && xpath == null) {
            return RecordRenderer.jsonLines(); // likewise
        }
        StringBuilder[] sb = {new StringBuilder(4096)};
        return (rec, buf) -> {
            if (xpath != null && !filter.test(rec.event())) {
                return;
            }
            switch (format) {
                case xml:
                    rec.appendXml(buf);
                    break;
                case jsonl:
                    sb[0].setLength(0);
                    CliRender.json(rec.event(), rec.headerRecordNumber(), rec.headerTimestamp(), sb[0]);
                    sb[0] = buf.appendReusable(sb[0]);
                    break;
                default:
                    sb[0].setLength(0);
                    CliRender.text(rec.event(), sb[0]);
                    sb[0] = buf.appendReusable(sb[0]);
                    break;
            }
            buf.ascii('\n');
        };
    }

    /** A progress bar over chunks on stderr, for .evtx files when stderr is a terminal (or --progress). */
    private ProgressBar progressBar(EventReader reader) {
        boolean wanted = progress != null ? progress : StderrTerminal.isTerminal();
        if (!wanted || err != System.err || !(reader instanceof EvtxReader evtx)
                || (progress == null && evtx.chunksOnDisk() < 64)) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("dump").setInitialMax(evtx.chunksOnDisk()).setUnit(" chunks", 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build();
    }

    private static void flushQuietly(Writer w) {
        try {
            w.flush();
        } catch (IOException ignored) {
            // the error being reported matters more
        }
    }
}
