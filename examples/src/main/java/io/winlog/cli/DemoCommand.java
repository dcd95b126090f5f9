package io.winlog.cli;

import io.winlog.api.WinlogException;
import io.winlog.examples.demo.Demo;
import io.winlog.examples.demo.LiveDemo;
import io.winlog.jna.EventLogWriter;
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

    /** Exit code of {@code --live} off Windows. */
    static final int EXIT_NOT_WINDOWS = 3;

    @Option(names = "--live", description = "Windows only: write test events to the real Application log, tail it "
            + "with the classic reader, read Security 4625 when allowed, and feed the same subscribers.")
    boolean live;

    @Override
    public Integer call() {
        if (live) {
            if (!EventLogWriter.isSupported()) {
                System.err.println("winlog demo --live needs Windows (this is " + System.getProperty("os.name")
                        + "): it writes to and reads the real Application log; run 'winlog demo' for the file-based demo.");
                return EXIT_NOT_WINDOWS;
            }
            try {
                new LiveDemo(System.out).run();
                return 0;
            } catch (WinlogException e) {
                System.err.println("winlog demo --live: " + e.getMessage());
                return 1;
            }
        }
        new Demo(out.toAbsolutePath(), seed, System.out).run();
        return 0;
    }
}
