package io.winlog.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code winlog dump}: Print every record of an .evtx or .evt file. (Placeholder until its issue lands.) */
@Command(name = "dump", description = "Print every record of an .evtx or .evt file.")
final class DumpCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("winlog dump: not available in this build yet");
        return 2;
    }
}
