package io.winlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class DemoCommandTest {
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void liveOffWindowsSaysSoInOneLineAndFails() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = WinlogCli.run("demo", "--live");
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        assertThat(code).isEqualTo(DemoCommand.EXIT_NOT_WINDOWS).isNotZero();
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message.lines().count()).isEqualTo(1);
        assertThat(message).contains("--live needs Windows").contains("winlog demo");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
