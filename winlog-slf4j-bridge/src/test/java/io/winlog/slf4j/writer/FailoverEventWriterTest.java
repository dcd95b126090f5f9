package io.winlog.slf4j.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winlog.api.AccessDeniedException;
import io.winlog.api.EventRejectedException;
import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class FailoverEventWriterTest {
    private static EventSpec event(long id, String text) {
        return EventSpec.builder(id).type(EventType.ERROR).category(1).strings(text).build();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void offWindowsItFallsBackWithExactlyOneWarning(@TempDir Path dir) throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Path file = dir.resolve("events.log");
        FailoverEventWriter w = EventWriters.open("MyService", "Application", "file:" + file, warnings::add);
        for (int i = 0; i < 50; i++) {
            w.write(event(1000 + i, "message " + i));
        }
        w.close();
        assertThat(w.isFailedOver()).isTrue();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("MyService").contains(file.toString())
                .contains("does not exist on " + System.getProperty("os.name"))
                .contains("winlog source install --source MyService").contains("shown once");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(50);
        assertThat(lines.get(7)).contains(" ERROR id=1007 cat=1 source=MyService strings=[\"message 7\"]");
    }

    @Test
    void aPrimaryThatFailsLaterSwitchesOnceAndKeepsTheFailingEvent() {
        RecordingEventWriter primary = new RecordingEventWriter();
        RecordingEventWriter fallback = new RecordingEventWriter();
        List<String> warnings = new CopyOnWriteArrayList<>();
        FailoverEventWriter w = new FailoverEventWriter("S", primary, null, () -> fallback, warnings::add);
        w.write(event(1, "a"));
        primary.failWith(new AccessDeniedException("access to the Application log was denied", 5));
        w.write(event(2, "b"));
        w.write(event(3, "c"));
        assertThat(primary.events()).extracting(EventSpec::eventId).containsExactly(1L);
        assertThat(fallback.events()).extracting(EventSpec::eventId).containsExactly(2L, 3L);
        assertThat(warnings).singleElement().asString().contains("access to the Application log was denied");
        assertThat(primary.isClosed()).isTrue();
    }

    @Test
    void aRejectedEventDoesNotSwitch() {
        RecordingEventWriter primary = new RecordingEventWriter();
        List<String> warnings = new CopyOnWriteArrayList<>();
        FailoverEventWriter w = new FailoverEventWriter("S", primary, null, RecordingEventWriter::new, warnings::add);
        primary.failWith(new EventRejectedException("string 1 is longer than 31839 characters"));
        assertThatThrownBy(() -> w.write(event(1, "x"))).isInstanceOf(EventRejectedException.class);
        assertThat(w.isFailedOver()).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void stderrFallbackPrintsOneLinePerEventWithEscapedStrings() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FallbackEventWriter w = FallbackEventWriter.to("Svc", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        w.write(EventSpec.builder(0xC0000001L).type(EventType.WARNING).strings("two\nlines \"quoted\" \\", "\u0001\ud800")
                .data(new byte[] {1, (byte) 0xAB}).build());
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.lines()).hasSize(1);
        assertThat(out).contains("WARNING id=3221225473 cat=0 source=Svc strings=[\"two\\nlines \\\"quoted\\\" \\\\\",\"\\u0001\\ud800\"] data=01ab");
    }

    @Test
    void fallbackSpecIsValidated() {
        assertThat(EventWriters.fallback(null, "s")).isInstanceOf(FallbackEventWriter.class);
        assertThat(((FallbackEventWriter) EventWriters.fallback("STDERR", "s")).description()).isEqualTo("stderr");
        assertThatThrownBy(() -> EventWriters.fallback("syslog", "s")).hasMessageContaining("stderr or file:");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void openingTheWindowsWriterExplainsWhatIsMissing() {
        // winlog-jna's writer is either absent (this branch) or cannot work off Windows: either way a WinlogException
        assertThatThrownBy(() -> EventWriters.openWindows("S", "Application"))
                .isInstanceOf(io.winlog.api.WinlogException.class);
    }
}
