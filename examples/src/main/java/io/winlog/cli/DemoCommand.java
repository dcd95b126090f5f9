package io.winlog.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code winlog demo}: Run the whole SDK end to end on an embedded scenario. (Placeholder until its issue lands.) */
@Command(name = "demo", description = "Run the whole SDK end to end on an embedded scenario.")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("winlog demo: not available in this build yet");
        return 2;
    }
}
