package io.winlog.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code winlog convert}: Convert a log file (.evtx, .evt) into an .evtx file. (Placeholder until its issue lands.) */
@Command(name = "convert", description = "Convert a log file (.evtx, .evt) into an .evtx file.")
final class ConvertCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("winlog convert: not available in this build yet");
        return 2;
    }
}
