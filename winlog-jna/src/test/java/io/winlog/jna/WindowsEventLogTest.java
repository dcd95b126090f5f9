package io.winlog.jna;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import io.winlog.jna.binding.Kernel32;
import io.winlog.jna.binding.WinConstants;
import io.winlog.jna.codec.InsertionTextSanitizer;
import io.winlog.jna.codec.Utf16;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The real thing, on Windows only (GitHub's windows-latest runners are elevated): install a
 * source, write every event type with ids above 1000 (long, escaped and Unicode messages), read
 * the events back with Get-WinEvent, and check Event Viewer's rendering is exactly what was
 * logged, with no "description ... cannot be found". Not run on Linux.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsEventLogTest {
    private static final String SOURCE = "winlog-ci-" + UUID.randomUUID().toString().substring(0, 8);
    private static SourceRegistration registration;

    @BeforeAll
    static void install() {
        EventSourceInstaller installer = EventSourceInstaller.local();
        registration = SourceRegistration.bundled(SOURCE, "Application", List.of());
        InstallResult r = installer.install(registration);
        assertThat(r.outcome()).isEqualTo(InstallResult.Outcome.CREATED);
        assertThat(installer.install(registration).outcome()).isEqualTo(InstallResult.Outcome.UNCHANGED);
        assertThat(installer.status(SOURCE).registrations()).singleElement()
                .satisfies(x -> assertThat(x.log()).isEqualTo("Application"));
    }

    @AfterAll
    static void uninstall() {
        assertThat(EventSourceInstaller.local().uninstall(SOURCE, "Application", false)).containsExactly("Application");
        assertThat(EventSourceInstaller.local().status(SOURCE).installed()).isFalse();
    }

    @Test
    void everyTypeLongAndTrickyMessagesRenderExactly() throws Exception {
        Map<String, String> logged = new LinkedHashMap<>(); // token -> text as logged
        try (EventLogWriter w = EventLogWriter.builder().source(SOURCE).build()) {
            int id = 1001;
            for (EventType t : EventType.values()) {
                String token = "T" + id;
                String text = token + " " + t + " événement ✓ \uD83D\uDE00 50% off, path C:\\x\\%1\\%%5 %n end";
                w.write(EventSpec.builder(id).type(t).category(1).strings(text).data(new byte[] {1, 2}).build());
                logged.put(token, text);
                id++;
            }
            String nul = "T" + id + " before\0after";
            w.write(EventSpec.builder(id).type(EventType.WARNING).strings(nul).build());
            logged.put("T" + id, nul.replace('\0', InsertionTextSanitizer.NUL_REPLACEMENT));
            id++;
            StringBuilder big = new StringBuilder("T" + id + " ");
            for (int i = 0; big.length() < 70_000; i++) {
                big.append("line ").append(i).append(" of a long stack trace\r\n");
            }
            w.write(EventSpec.builder(id).type(EventType.ERROR).strings(big.toString()).build());
            logged.put("T" + id, big.toString());
        }
        List<JsonNode> events = readBack(logged.size() + 2);
        StringBuilder longOne = new StringBuilder();
        for (JsonNode e : events) {
            String msg = e.path("Message").asText();
            assertThat(msg).doesNotContain("cannot be found").doesNotContain("could not be found");
            if (msg.startsWith("(part ")) {
                continue; // reassembled below, oldest first
            }
            String token = msg.substring(0, msg.indexOf(' '));
            assertThat(logged).containsKey(token);
            assertThat(unguard(msg)).isEqualTo(logged.get(token).stripTrailing());
        }
        List<JsonNode> parts = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).path("Message").asText().startsWith("(part ")) {
                parts.add(events.get(i));
            }
        }
        assertThat(parts).hasSize(3);
        for (int i = 0; i < parts.size(); i++) {
            String m = parts.get(i).path("Message").asText();
            assertThat(m).startsWith("(part " + (i + 1) + "/3) ");
            assertThat(parts.get(i).path("Id").asInt()).isGreaterThan(1000);
            longOne.append(m.substring(m.indexOf(") ") + 2));
        }
        String expected = logged.values().stream().filter(v -> v.length() > 60_000).findFirst().orElseThrow();
        // A renderer may trim the line break that ends a part: compare without line breaks.
        assertThat(longOne.toString().replaceAll("[\r\n]", "")).isEqualTo(expected.replaceAll("[\r\n]", ""));
    }

    /**
     * The stored strings are byte-for-byte what the writer sent (guards and escapes included),
     * read back with the classic API through winlog's own read bindings.
     */
    @Test
    void classicReadBackReturnsTheExactStrings() {
        String tricky = "exact %1 %%5 \uD83D\uDE00 \0 end";
        try (EventLogWriter w = EventLogWriter.builder().source(SOURCE).build()) {
            w.write(EventSpec.builder(1500).type(EventType.INFORMATION).strings(tricky, "second").data(new byte[] {4, 2}).build());
        }
        io.winlog.jna.binding.Advapi32 a = io.winlog.jna.binding.Advapi32.load();
        Pointer h = a.OpenEventLogW(null, mem(Utf16.encodeNulTerminated("Application")));
        assertThat(h).as("OpenEventLogW: " + Native.getLastError()).isNotNull();
        try {
            com.sun.jna.ptr.IntByReference count = new com.sun.jna.ptr.IntByReference();
            assertThat(a.GetNumberOfEventLogRecords(h, count)).isNotZero();
            assertThat(count.getValue()).isPositive();
            Memory buf = new Memory(256 * 1024);
            com.sun.jna.ptr.IntByReference read = new com.sun.jna.ptr.IntByReference();
            com.sun.jna.ptr.IntByReference need = new com.sun.jna.ptr.IntByReference();
            int flags = WinConstants.EVENTLOG_SEQUENTIAL_READ | WinConstants.EVENTLOG_BACKWARDS_READ;
            for (int batch = 0; batch < 200; batch++) {
                if (a.ReadEventLogW(h, flags, 0, buf, (int) buf.size(), read, need) == 0) {
                    break; // ERROR_HANDLE_EOF
                }
                byte[] bytes = buf.getByteArray(0, read.getValue());
                for (int off = 0; off + 56 <= bytes.length; ) {
                    io.winlog.jna.binding.EventLogRecord r = new io.winlog.jna.binding.EventLogRecord(buf.share(off));
                    assertThat(r.Reserved).isEqualTo(io.winlog.jna.binding.EventLogRecord.MAGIC);
                    assertThat(r.Length).as("record length at " + off).isBetween(56, bytes.length - off);
                    String source = Utf16.decodeNulTerminated(bytes, off + 56, r.Length - 56);
                    if (source.equals(SOURCE) && r.EventID == 1500) {
                        int p = off + r.StringOffset;
                        String s1 = Utf16.decodeNulTerminated(bytes, p, r.Length);
                        String s2 = Utf16.decodeNulTerminated(bytes, p + 2 * s1.length() + 2, r.Length);
                        assertThat(s1).isEqualTo(InsertionTextSanitizer.sanitize(tricky,
                                io.winlog.jna.codec.InsertionTextPolicy.ESCAPE, 0));
                        assertThat(s2).isEqualTo("second");
                        assertThat(r.DataLength).isEqualTo(2);
                        assertThat(bytes[off + r.DataOffset]).isEqualTo((byte) 4);
                        return;
                    }
                    off += r.Length;
                }
            }
            throw new AssertionError("event 1500 of " + SOURCE + " not found by ReadEventLogW");
        } finally {
            a.CloseEventLog(h);
        }
    }

    @Test
    void dotNetZeroInstallModeRendersToo() throws Exception {
        EventSourceInstaller installer = EventSourceInstaller.local();
        org.junit.jupiter.api.Assumptions.assumeTrue(installer.dotNetMessageFileExists(), ".NET 4 EventLogMessages.dll absent");
        String src = SOURCE + "-net";
        installer.install(SourceRegistration.dotNet(src, "Application"));
        try (EventLogWriter w = EventLogWriter.builder().source(src).requireRegisteredSource(true).build()) {
            w.write(EventSpec.builder(4242).type(EventType.WARNING).strings("via .NET message file").build());
        } finally {
            Thread.sleep(1000);
            installer.uninstall(src, "Application", false);
        }
    }

    @Test
    void messageFileFormatsAnyIdAsTheFirstString() {
        Kernel32 k = Kernel32.load();
        String file = new EventSourceInstaller(null).expand(registration.eventMessageFile());
        Pointer module = k.LoadLibraryExW(mem(Utf16.encodeNulTerminated(file)), null,
                WinConstants.LOAD_LIBRARY_AS_DATAFILE | WinConstants.LOAD_LIBRARY_AS_IMAGE_RESOURCE);
        assertThat(module).as("LoadLibraryEx(" + file + "): error " + Native.getLastError()).isNotNull();
        try {
            Memory arg = mem(Utf16.encodeNulTerminated("hello from winlog"));
            Memory args = new Memory(Native.POINTER_SIZE);
            args.setPointer(0, arg);
            Memory buf = new Memory(2 * 4096);
            for (int id : new int[] {1, 1001, 40000, 65535}) {
                int n = k.FormatMessageW(WinConstants.FORMAT_MESSAGE_FROM_HMODULE | WinConstants.FORMAT_MESSAGE_ARGUMENT_ARRAY,
                        module, id, 0, buf, 4096, args);
                assertThat(n).as("FormatMessage id " + id + ": error " + Native.getLastError()).isPositive();
                assertThat(Utf16.decodeNulTerminated(buf.getByteArray(0, 2 * n), 0, 2 * n).strip())
                        .isEqualTo("hello from winlog");
            }
        } finally {
            k.FreeLibrary(module);
        }
    }

    private static String unguard(String s) {
        return s.replace(String.valueOf(InsertionTextSanitizer.PERCENT_GUARD), "").stripTrailing();
    }

    private static Memory mem(byte[] b) {
        Memory m = new Memory(b.length);
        m.write(0, b, 0, b.length);
        return m;
    }

    /** The source's newest events via Get-WinEvent, as JSON (UTF-8), retrying while the service catches up. */
    private static List<JsonNode> readBack(int expected) throws IOException, InterruptedException {
        String ps = "[Console]::OutputEncoding=[Text.Encoding]::UTF8; "
                + "Get-WinEvent -FilterHashtable @{LogName='Application'; ProviderName='" + SOURCE + "'} -MaxEvents 50 "
                + "| Select-Object Id, Qualifiers, Level, Message | ConvertTo-Json -Depth 3";
        List<JsonNode> out = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && out.size() < expected; attempt++) {
            Path tmp = Files.createTempFile("winlog-events", ".json");
            Process p = new ProcessBuilder("powershell", "-NoProfile", "-NonInteractive", "-Command", ps)
                    .redirectErrorStream(false).redirectOutput(tmp.toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String json = Files.readString(tmp, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
            Files.deleteIfExists(tmp);
            out.clear();
            if (!json.isEmpty()) {
                JsonNode n = new ObjectMapper().readTree(json);
                List<JsonNode> all = new ArrayList<>();
                if (n.isArray()) {
                    n.forEach(all::add);
                } else {
                    all.add(n);
                }
                // Only this test's events (ids 1001..1499); other tests write 1500 to the same source.
                all.stream().filter(e -> e.path("Id").asInt() < 1500).forEach(out::add);
            }
            if (out.size() < expected) {
                Thread.sleep(500);
            }
        }
        assertThat(out).hasSize(expected);
        return out;
    }
}
