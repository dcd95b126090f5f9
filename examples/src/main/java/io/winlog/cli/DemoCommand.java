package io.winlog.cli;

import io.winlog.examples.demo.Demo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code winlog demo}: runs the whole SDK end to end on an embedded scenario. */
@Command(name = "demo", description = "Run the whole SDK end to end on an embedded scenario: write .evtx files, "
        + "read them back, fan the events out through the EventChannel to a printer, an alert rule and an "
        + "uninstall monitor.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Folder for the .evtx files (default: ${DEFAULT-VALUE}).",
            defaultValue = "winlog-demo")
    Path out;

    @Option(names = "--seed", description = "Scenario seed (default: ${DEFAULT-VALUE}).", defaultValue = "2026")
    long seed;

    @Option(names = "--live", description = "Windows only: use the real Application/Security logs.")
    boolean live;

    @Override
    public Integer call() {
        if (live) {
            System.err.println("winlog demo --live: needs the live subscription (wevtapi EvtSubscribe), which this "
                    + "build does not have yet; run 'winlog demo' for the file-based demo.");
            return 2;
        }
        new Demo(out.toAbsolutePath(), seed, System.out).run();
        return 0;
    }
}
