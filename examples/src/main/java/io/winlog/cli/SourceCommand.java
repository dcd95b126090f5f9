package io.winlog.cli;

import io.winlog.api.PlatformNotSupportedException;
import io.winlog.api.WinlogException;
import io.winlog.jna.EventSourceInstaller;
import io.winlog.jna.InstallResult;
import io.winlog.jna.SourceRegistration;
import io.winlog.jna.SourceStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code winlog source install|uninstall|status --source NAME [--log LOG] [--force]}: manages a
 * classic event source registration (Windows; installing and uninstalling need an elevated prompt).
 */
@Command(name = "source", description = "Install, uninstall or check an event source (Windows).",
        subcommands = {SourceCommand.Install.class, SourceCommand.Uninstall.class, SourceCommand.Status.class})
final class SourceCommand implements Callable<Integer> {
    /** Exit code when the OS is not Windows. */
    static final int EXIT_NOT_WINDOWS = 3;
    /** Exit code for a refused or failed operation. */
    static final int EXIT_FAILED = 1;

    @Override
    public Integer call() {
        System.err.println("usage: winlog source install|uninstall|status --source NAME [--log LOG] [--force]");
        return 2;
    }

    /** Options every subcommand takes. */
    abstract static class Base implements Callable<Integer> {
        @Option(names = "--source", required = true, description = "Event source name.")
        String source;

        @Option(names = "--log", description = "Log name (default: Application; a missing custom log is created).")
        String log;

        /** Runs {@code op} with the machine's installer, mapping errors to messages and exit codes. */
        int run(Supplier<Integer> op) {
            try {
                return op.get();
            } catch (PlatformNotSupportedException e) {
                System.err.println("winlog source: needs Windows (event sources are registered in the Windows "
                        + "registry). " + e.getMessage());
                return EXIT_NOT_WINDOWS;
            } catch (WinlogException | IllegalArgumentException e) {
                System.err.println("winlog source: " + e.getMessage());
                return EXIT_FAILED;
            }
        }
    }

    @Command(name = "install", description = "Register the source (idempotent). Needs an elevated prompt.")
    static final class Install extends Base {
        @Option(names = "--force", description = "Take over a registration with another message file, or move the source from another log.")
        boolean force;

        @Option(names = "--dotnet", description = "Zero-install mode: use .NET Framework 4's EventLogMessages.dll (no categories).")
        boolean dotnet;

        @Option(names = "--message-file", description = "Your own EventMessageFile (instead of winlog's bundled DLL).")
        Path messageFile;

        @Option(names = "--category-file", description = "Your own CategoryMessageFile (with --message-file).")
        Path categoryFile;

        @Option(names = "--category-count", description = "CategoryCount for --category-file.", defaultValue = "0")
        int categoryCount;

        @Option(names = "--categories", split = ",", description = "Custom category names for winlog's bundled category DLL.")
        List<String> categories = new java.util.ArrayList<>();

        @Override
        public Integer call() {
            return run(() -> {
                EventSourceInstaller installer = EventSourceInstaller.local();
                String l = log == null ? "Application" : log;
                SourceRegistration r;
                if (messageFile != null) {
                    r = SourceRegistration.of(source, l, messageFile, categoryFile, categoryCount);
                } else if (dotnet) {
                    if (!installer.dotNetMessageFileExists()) {
                        System.err.println("winlog source: .NET Framework 4's EventLogMessages.dll is not installed here; "
                                + "drop --dotnet to use winlog's bundled message DLL");
                        return EXIT_FAILED;
                    }
                    r = SourceRegistration.dotNet(source, l);
                } else {
                    r = SourceRegistration.bundled(source, l, categories);
                }
                InstallResult res = installer.install(r.forced(force));
                PrintStream out = System.out;
                out.println("source \"" + source + "\" in log \"" + res.log() + "\": " + res.outcome().name().toLowerCase()
                        + (res.logCreated() ? " (log created)" : ""));
                res.warnings().forEach(w -> System.err.println("warning: " + w));
                return 0;
            });
        }
    }

    @Command(name = "uninstall", description = "Remove the source registration. Needs an elevated prompt.")
    static final class Uninstall extends Base {
        @Option(names = "--force", description = "Also remove a log's default source.")
        boolean force;

        @Override
        public Integer call() {
            return run(() -> {
                List<String> removed = EventSourceInstaller.local().uninstall(source, log, force);
                if (removed.isEmpty()) {
                    System.out.println("source \"" + source + "\" was not registered" + (log == null ? "" : " in log \"" + log + "\""));
                } else {
                    System.out.println("source \"" + source + "\" removed from " + String.join(", ", removed));
                }
                return 0;
            });
        }
    }

    @Command(name = "status", description = "Show where the source is registered (every log: source names are global).")
    static final class Status extends Base {
        @Override
        public Integer call() {
            return run(() -> {
                SourceStatus s = EventSourceInstaller.local().status(source);
                System.out.println(s.describe());
                boolean inLog = log == null ? s.installed()
                        : s.registrations().stream().anyMatch(r -> r.log().equalsIgnoreCase(log));
                return inLog ? 0 : 4;
            });
        }
    }
}
