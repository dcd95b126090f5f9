package io.winlog.cli;

import io.winlog.api.EventReader;
import io.winlog.api.EventRejectedException;
import io.winlog.api.WinlogException;
import io.winlog.api.event.EventRecord;
import io.winlog.evtx.EvtxReader;
import io.winlog.evtx.evt.EvtReader;
import io.winlog.evtx.write.EvtxWriter;
import io.winlog.evtx.write.EvtxWriterOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code winlog convert INPUT OUTPUT.evtx}: reads any log winlog reads (.evtx, .evt; the format
 * is told by the file's signature, not its name) and writes an .evtx file that keeps every
 * record's EventRecordID, time, System properties and typed values.
 *
 * <p>Exit codes: 0 all records converted; 1 some records could not be stored (each is listed,
 * the rest are converted); 2 the input could not be read or the output not written.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a log file (.evtx, .evt) into an .evtx file, keeping every record's id, time, "
                + "System properties and typed values.")
final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INPUT", description = "The log to read (.evtx or .evt).")
    Path input;

    @Parameters(index = "1", paramLabel = "OUTPUT.evtx", description = "The .evtx file to write.")
    Path output;

    @Option(names = {"-f", "--force"}, description = "Replace OUTPUT if it exists.")
    boolean force;

    @Option(names = "--renumber", description = "Give records new EventRecordIDs 1, 2, ... instead of keeping theirs.")
    boolean renumber;

    private final PrintStream out;
    private final PrintStream err;

    ConvertCommand() {
        this(System.out, System.err);
    }

    ConvertCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The formats convert reads, told apart by their signatures. */
    enum InputFormat {
        EVTX, EVT;

        static InputFormat detect(Path p) throws IOException {
            byte[] head = new byte[8];
            int n;
            try (InputStream in = Files.newInputStream(p)) {
                n = in.readNBytes(head, 0, 8);
            }
            if (n == 8 && new String(head, 0, 7, java.nio.charset.StandardCharsets.US_ASCII).equals("ElfFile")) {
                return EVTX;
            }
            if (n == 8 && head[4] == 'L' && head[5] == 'f' && head[6] == 'L' && head[7] == 'e') {
                return EVT;
            }
            return null;
        }
    }

    @Override
    public Integer call() {
        try {
            if (!Files.isRegularFile(input)) {
                err.println("winlog convert: " + input + " does not exist or is not a file");
                return 2;
            }
            if (Files.exists(output) && !force) {
                err.println("winlog convert: " + output + " exists; pass --force to replace it");
                return 2;
            }
            if (Files.isSameFile(input.toAbsolutePath().getParent(), output.toAbsolutePath().getParent())
                    && Files.exists(output) && Files.isSameFile(input, output)) {
                err.println("winlog convert: INPUT and OUTPUT are the same file");
                return 2;
            }
            InputFormat format = InputFormat.detect(input);
            if (format == null) {
                err.println("winlog convert: " + input + " is neither an .evtx (ElfFile) nor an .evt (LfLe) file");
                return 2;
            }
            return convert(format);
        } catch (IOException | WinlogException e) {
            err.println("winlog convert: " + e.getMessage());
            return 2;
        }
    }

    private int convert(InputFormat format) {
        EvtxWriterOptions options = EvtxWriterOptions.builder().keepRecordIds(!renumber).build();
        List<String> rejected = new ArrayList<>();
        long written = 0;
        try (EventReader reader = format == InputFormat.EVTX ? EvtxReader.open(input) : EvtReader.open(input);
             EvtxWriter writer = EvtxWriter.create(output, options)) {
            for (EventRecord r : reader) {
                try {
                    writer.write(r);
                    written++;
                } catch (EventRejectedException e) {
                    rejected.add("record " + r.recordId() + ": " + e.getMessage());
                }
            }
        }
        out.println("converted " + written + " records from " + input + " (" + format.name().toLowerCase()
                + ") to " + output);
        if (!rejected.isEmpty()) {
            err.println("winlog convert: " + rejected.size() + " records could not be stored:");
            rejected.forEach(s -> err.println("  " + s));
            return 1;
        }
        return 0;
    }
}
