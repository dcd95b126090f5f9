package io.winlog.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code winlog info}: Print header facts and per-chunk health of a log file. (Placeholder until its issue lands.) */
@Command(name = "info", description = "Print header facts and per-chunk health of a log file.")
final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("winlog info: not available in this build yet");
        return 2;
    }
}
