package io.winlog.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code winlog source}: Install, uninstall or check an event source (Windows). (Placeholder until its issue lands.) */
@Command(name = "source", description = "Install, uninstall or check an event source (Windows).")
final class SourceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("winlog source: not available in this build yet");
        return 2;
    }
}
