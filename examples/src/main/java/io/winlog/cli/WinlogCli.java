package io.winlog.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code winlog} command line: {@code java -jar examples/target/winlog.jar <command>}.
 * Each subcommand lives in its own class.
 */
@Command(name = "winlog", mixinStandardHelpOptions = true, version = "winlog 0.1.0-SNAPSHOT",
        description = "Windows event logs on any OS: dump, inspect, convert, and a demo of the whole SDK.",
        subcommands = {DemoCommand.class, DumpCommand.class, InfoCommand.class, ConvertCommand.class,
                SourceCommand.class})
public final class WinlogCli {
    private WinlogCli() {
    }

    /** Runs the CLI and returns the exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new WinlogCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
