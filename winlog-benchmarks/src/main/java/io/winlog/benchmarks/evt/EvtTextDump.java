package io.winlog.benchmarks.evt;

import io.winlog.evtx.classic.EventLogRecord;
import io.winlog.evtx.evt.EvtEntry;
import io.winlog.evtx.evt.EvtReader;
import io.winlog.evtx.evt.EvtReaderOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Whole-process peer harness for {@code hyperfine}: reads a .evt file and prints every record
 * with the fields {@code evtexport} (libevt) prints (number, both times, identifier, type,
 * category, source, computer, SID, strings, data size), so the two do comparable work.
 * {@code java -cp benchmarks.jar io.winlog.benchmarks.evt.EvtTextDump FILE [--recover]}.
 */
public final class EvtTextDump {
    private EvtTextDump() {
    }

    public static void main(String[] args) throws IOException {
        EvtReaderOptions o = EvtReaderOptions.defaults().withRecover(args.length > 1 && args[1].equals("--recover"));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        long n = 0;
        try (EvtReader r = EvtReader.open(Path.of(args[0]), o)) {
            for (EvtEntry e; (e = r.nextEntry()) != null; n++) {
                EventLogRecord x = e.raw();
                out.write("Event number\t\t\t: " + x.recordNumber() + "\n");
                out.write("Creation time\t\t\t: " + x.timeGeneratedInstant() + "\n");
                out.write("Written time\t\t\t: " + x.timeWrittenInstant() + "\n");
                out.write("Event type\t\t\t: " + x.eventType() + "\n");
                out.write("Computer name\t\t\t: " + x.computerName() + "\n");
                out.write("Source name\t\t\t: " + x.sourceName() + "\n");
                out.write("Event category\t\t\t: " + x.eventCategory() + "\n");
                out.write("Event identifier\t\t: 0x" + Long.toHexString(x.eventIdentifier()) + " (" + x.eventIdentifier() + ")\n");
                if (x.userSid() != null) {
                    out.write("User security identifier\t: " + x.userSid() + "\n");
                }
                out.write("Number of strings\t\t: " + x.strings().size() + "\n");
                int i = 1;
                for (String s : x.strings()) {
                    out.write("String: " + i++ + "\t\t\t: " + s + "\n");
                }
                if (x.data() != null) {
                    out.write("Data size\t\t\t: " + x.data().length + "\n");
                }
                out.write("\n");
            }
        }
        out.flush();
        System.err.println(n + " records");
    }
}
