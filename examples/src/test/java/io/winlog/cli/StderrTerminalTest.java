package io.winlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class StderrTerminalTest {
    @Test
    void terminalDevicesAreRecognised() {
        assertThat(StderrTerminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(StderrTerminal.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(StderrTerminal.isTerminalDevice("/dev/console")).isTrue();
        assertThat(StderrTerminal.isTerminalDevice("pipe:[48213]")).isFalse();
        assertThat(StderrTerminal.isTerminalDevice("/dev/null")).isFalse();
        assertThat(StderrTerminal.isTerminalDevice("/tmp/out.log")).isFalse();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the /proc/self/fd link is Linux-only (Windows uses the "
            + "System.console() fallback); a Windows path cannot hold 'pipe:[99]', and symbolic links need a privilege there")
    void readsTheFdLinkAndFallsBackWhenThereIsNone(@TempDir Path dir) throws Exception {
        Path pts = Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/7"));
        Path pipe = Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[99]"));
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        assertThat(StderrTerminal.procFdIsTerminal(pts)).isTrue();
        assertThat(StderrTerminal.procFdIsTerminal(pipe)).isFalse();
        assertThat(StderrTerminal.procFdIsTerminal(plain)).isNull();
        assertThat(StderrTerminal.procFdIsTerminal(dir.resolve("missing"))).isNull();
    }
}
