package io.winlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class SourceCommandTest {
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void offWindowsEverySubcommandSaysItNeedsWindows() {
        for (String sub : new String[] {"install", "uninstall", "status"}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream old = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = WinlogCli.run("source", sub, "--source", "MyApp", "--log", "Application");
            } finally {
                System.setErr(old);
            }
            assertThat(code).as(sub).isEqualTo(SourceCommand.EXIT_NOT_WINDOWS);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("needs Windows");
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void installParsesEveryOption() {
        assertThat(WinlogCli.run("source", "install", "--source", "MyApp", "--log", "Custom", "--force",
                "--categories", "Billing,Shipping")).isEqualTo(SourceCommand.EXIT_NOT_WINDOWS);
        assertThat(WinlogCli.run("source", "install", "--source", "MyApp", "--message-file", "C:\\x\\m.dll",
                "--category-file", "C:\\x\\c.dll", "--category-count", "3")).isEqualTo(SourceCommand.EXIT_NOT_WINDOWS);
    }

    @Test
    void sourceIsRequired() {
        assertThat(WinlogCli.run("source", "status")).isNotZero();
    }
}
