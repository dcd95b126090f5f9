package io.winlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.jna.EventSourceInstaller;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@code winlog source install|status|uninstall} against the real registry (Windows CI, elevated):
 * every subcommand's exit code and output, idempotent install, and the source gone afterwards.
 * The source is removed even when a check fails.
 */
@EnabledOnOs(OS.WINDOWS)
class SourceCommandWindowsTest {
    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = WinlogCli.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void installStatusUninstallRoundTrip() {
        String source = "winlog-cli-ci-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Run before = cli("source", "status", "--source", source);
            assertThat(before.code()).as(before.out() + before.err()).isEqualTo(4);

            Run install = cli("source", "install", "--source", source, "--categories", "Orders,Billing");
            assertThat(install.code()).as(install.err()).isZero();
            assertThat(install.out()).contains(source).contains("Application").contains("created");

            Run again = cli("source", "install", "--source", source, "--categories", "Orders,Billing");
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(again.out()).contains("unchanged");

            Run status = cli("source", "status", "--source", source, "--log", "Application");
            assertThat(status.code()).as(status.out() + status.err()).isZero();
            assertThat(status.out()).contains("Application");
            assertThat(EventSourceInstaller.local().status(source).registrations()).singleElement().satisfies(r -> {
                assertThat(r.categoryCount()).isEqualTo(2);
                assertThat(r.eventMessageFile()).endsWith("winlog-messages.dll");
            });

            Run uninstall = cli("source", "uninstall", "--source", source);
            assertThat(uninstall.code()).as(uninstall.err()).isZero();
            assertThat(uninstall.out()).contains("removed from Application");
            assertThat(cli("source", "status", "--source", source).code()).isEqualTo(4);
        } finally {
            EventSourceInstaller.local().uninstall(source, null, false);
        }
    }
}
