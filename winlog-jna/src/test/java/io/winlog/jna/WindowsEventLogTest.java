package io.winlog.jna;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import io.winlog.jna.binding.Kernel32;
import io.winlog.jna.binding.WinConstants;
import io.winlog.jna.codec.InsertionTextSanitizer;
import io.winlog.jna.codec.Utf16;
import io.winlog.jna.messagedll.MessageDllGenerator;
import io.winlog.testkit.GetWinEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The real thing, on Windows only (GitHub's windows-latest runners are elevated): install a
 * source, write every event type with ids above 1000 (long, escaped and Unicode messages), read
 * the events back with Get-WinEvent, and check Event Viewer's rendering is exactly what was
 * logged, with no "description ... cannot be found", and that the category text comes from the
 * category message file. Not run on Linux.
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
        Map<String, EventType> types = new LinkedHashMap<>();
        java.util.Set<String> categorized = new java.util.HashSet<>(); // written with category 1
        try (EventLogWriter w = EventLogWriter.builder().source(SOURCE).build()) {
            int id = 1001;
            for (EventType t : EventType.values()) {
                String token = "T" + id;
                String text = token + " " + t + " événement ✓ \uD83D\uDE00 50% off, path C:\\x\\%1\\%%5 %n end";
                w.write(EventSpec.builder(id).type(t).category(1).strings(text).data(new byte[] {1, 2}).build());
                logged.put(token, text);
                types.put(token, t);
                categorized.add(token);
                id++;
            }
            String nul = "T" + id + " before\0after";
            w.write(EventSpec.builder(id).type(EventType.WARNING).strings(nul).build());
            logged.put("T" + id, nul.replace('\0', InsertionTextSanitizer.NUL_REPLACEMENT));
            types.put("T" + id, EventType.WARNING);
            id++;
            StringBuilder big = new StringBuilder("T" + id + " ");
            for (int i = 0; big.length() < 70_000; i++) {
                big.append("line ").append(i).append(" of a long stack trace\r\n");
            }
            w.write(EventSpec.builder(id).type(EventType.ERROR).strings(big.toString()).build());
            logged.put("T" + id, big.toString());
            types.put("T" + id, EventType.ERROR);
        }
        List<GetWinEvent.Event> events = readBack(logged.size() + 2);
        StringBuilder longOne = new StringBuilder();
        for (GetWinEvent.Event e : events) {
            String msg = e.message();
            assertThat(msg).as("event %d rendered by Windows (null: the message file was not used)", e.id()).isNotNull()
                    .doesNotContain("cannot be found").doesNotContain("could not be found");
            if (msg.startsWith("(part ")) {
                continue; // reassembled below, oldest first
            }
            String token = msg.substring(0, msg.indexOf(' '));
            assertThat(logged).containsKey(token);
            assertThat(unguard(msg)).isEqualTo(logged.get(token).stripTrailing());
            assertThat(e.id()).isEqualTo(Integer.parseInt(token.substring(1)));
            if (categorized.contains(token)) {
                // Category 1 rendered from the registered CategoryMessageFile (winlog-categories.dll).
                assertThat(e.task()).isEqualTo(1);
                assertThat(e.taskName()).as("category of " + token).isEqualTo(MessageDllGenerator.DEFAULT_CATEGORIES.get(0));
            }
            EventType type = types.get(token);
            if (type == EventType.ERROR || type == EventType.WARNING || type == EventType.INFORMATION) {
                // The classic types Windows maps to a level: error 2, warning 3, information 4.
                assertThat(e.level()).as("level of " + type).isEqualTo(type == EventType.ERROR ? 2 : type == EventType.WARNING ? 3 : 4);
            }
        }
        List<GetWinEvent.Event> parts = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).message().startsWith("(part ")) {
                parts.add(events.get(i));
            }
        }
        assertThat(parts).hasSize(3);
        for (int i = 0; i < parts.size(); i++) {
            String m = parts.get(i).message();
            assertThat(m).startsWith("(part " + (i + 1) + "/3) ");
            assertThat(parts.get(i).id()).isGreaterThan(1000);
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
        // ReportEvent returns once the service has the event; poll briefly in case it is not readable yet.
        for (int attempt = 0; attempt < 20; attempt++) {
            if (findWithReadEventLog(1500, tricky)) {
                return;
            }
            sleep(500);
        }
        throw new AssertionError("event 1500 of " + SOURCE + " not found by ReadEventLogW within 10 s");
    }

    /** Reads Application backwards with the raw bindings; true when event {@code id} of SOURCE is found (and checked). */
    private static boolean findWithReadEventLog(int id, String tricky) {
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
                    int error = Native.getLastError();
                    assertThat(error).as("ReadEventLogW ends with ERROR_HANDLE_EOF").isEqualTo(WinConstants.ERROR_HANDLE_EOF);
                    return false;
                }
                byte[] bytes = buf.getByteArray(0, read.getValue());
                for (int off = 0; off + 56 <= bytes.length; ) {
                    io.winlog.jna.binding.EventLogRecord r = new io.winlog.jna.binding.EventLogRecord(buf.share(off));
                    assertThat(r.Reserved).isEqualTo(io.winlog.jna.binding.EventLogRecord.MAGIC);
                    assertThat(r.Length).as("record length at " + off).isBetween(56, bytes.length - off);
                    String source = Utf16.decodeNulTerminated(bytes, off + 56, r.Length - 56);
                    if (source.equals(SOURCE) && r.EventID == id) {
                        int p = off + r.StringOffset;
                        int end = off + r.Length;
                        String s1 = Utf16.decodeNulTerminated(bytes, p, end - p);
                        int p2 = p + 2 * s1.length() + 2;
                        String s2 = Utf16.decodeNulTerminated(bytes, p2, end - p2);
                        assertThat(r.NumStrings).isEqualTo((short) 2);
                        assertThat(s1).isEqualTo(InsertionTextSanitizer.sanitize(tricky,
                                io.winlog.jna.codec.InsertionTextPolicy.ESCAPE, 0));
                        assertThat(s2).isEqualTo("second");
                        assertThat(r.DataLength).isEqualTo(2);
                        assertThat(bytes[off + r.DataOffset]).isEqualTo((byte) 4);
                        assertThat(bytes[off + r.DataOffset + 1]).isEqualTo((byte) 2);
                        return true;
                    }
                    off += r.Length;
                }
            }
            return false;
        } finally {
            a.CloseEventLog(h);
        }
    }

    /**
     * winlog's own classic reader on the live Application log returns the event as written: source,
     * id, level, category, channel, insertion strings (as the sanitizer stored them), binary data
     * and a current time.
     */
    @Test
    void classicEventLogReaderReturnsTheEventAsWritten() {
        java.time.Instant before = java.time.Instant.now().minusSeconds(60);
        String[] strings = {"reader %1 \u00e9 \uD83D\uDE00", "two"};
        try (EventLogWriter w = EventLogWriter.builder().source(SOURCE).build()) {
            w.write(EventSpec.builder(1501).type(EventType.WARNING).category(2).strings(strings).data(new byte[] {9, 8, 7}).build());
        }
        io.winlog.api.event.EventRecord found = null;
        for (int attempt = 0; attempt < 20 && found == null; attempt++) {
            try (ClassicEventLogReader r = ClassicEventLogReader.open(io.winlog.api.EventQuery.channel("Application")
                    .withDirection(io.winlog.api.EventQuery.Direction.REVERSE))) {
                int seen = 0;
                for (io.winlog.api.event.EventRecord e = r.next(); e != null && seen < 500 && found == null; e = r.next(), seen++) {
                    if (SOURCE.equals(e.providerName()) && e.eventId() == 1501) {
                        found = e;
                    }
                }
            }
            if (found == null) {
                sleep(500);
            }
        }
        assertThat(found).as("event 1501 of %s read back by ClassicEventLogReader", SOURCE).isNotNull();
        assertThat(found.fullEventId()).isEqualTo(1501);
        assertThat(found.level()).isEqualTo(EventType.WARNING.level());
        assertThat(found.task()).isEqualTo(2);
        assertThat(found.channel()).isEqualTo("Application");
        assertThat(found.computer()).isNotBlank();
        assertThat(found.eventData()).extracting(v -> v.value().text()).containsExactly(
                InsertionTextSanitizer.sanitize(strings[0], io.winlog.jna.codec.InsertionTextPolicy.ESCAPE, 0), strings[1]);
        assertThat(found.binaryData()).containsExactly(9, 8, 7);
        assertThat(found.timeCreated()).isBetween(before, java.time.Instant.now().plusSeconds(60));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Zero-install mode: a source registered with .NET Framework 4's EventLogMessages.dll (every
     * id is "%1") renders the logged text too. The source is removed even when a check fails.
     */
    @Test
    void dotNetZeroInstallModeRendersToo() {
        EventSourceInstaller installer = EventSourceInstaller.local();
        org.junit.jupiter.api.Assumptions.assumeTrue(installer.dotNetMessageFileExists(), ".NET 4 EventLogMessages.dll absent");
        String src = SOURCE + "-net";
        try {
            installer.install(SourceRegistration.dotNet(src, "Application"));
            try (EventLogWriter w = EventLogWriter.builder().source(src).requireRegisteredSource(true).build()) {
                w.write(EventSpec.builder(4242).type(EventType.WARNING).strings("via .NET message file \u00e9").build());
            }
            List<GetWinEvent.Event> events = GetWinEvent.await("Application", src, 10, l -> !l.isEmpty(), Duration.ofSeconds(30));
            assertThat(events).as("events of " + src).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo(4242);
                assertThat(e.level()).isEqualTo(3);
                assertThat(e.message()).as("rendered with EventLogMessages.dll").isNotNull()
                        .doesNotContain("cannot be found").doesNotContain("could not be found");
                assertThat(e.message().strip()).isEqualTo("via .NET message file \u00e9");
            });
        } finally {
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

    /**
     * This test's events (ids 1001..1499; other tests write 1500 to the same source) via
     * Get-WinEvent, newest first, polling for up to 30 s while the service catches up.
     */
    private static List<GetWinEvent.Event> readBack(int expected) {
        List<GetWinEvent.Event> all = GetWinEvent.await("Application", SOURCE, 50,
                l -> l.stream().filter(e -> e.id() < 1500).count() >= expected, Duration.ofSeconds(30));
        List<GetWinEvent.Event> out = all.stream().filter(e -> e.id() < 1500).toList();
        assertThat(out).as("events of %s read back by Get-WinEvent: %s", SOURCE, all).hasSize(expected);
        return out;
    }
}
