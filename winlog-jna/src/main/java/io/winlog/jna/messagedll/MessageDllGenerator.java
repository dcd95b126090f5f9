package io.winlog.jna.messagedll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Generates winlog's two message DLLs. The build runs {@link #main} at {@code process-classes}
 * so the jar carries them; {@link MessageDllFiles} extracts them, or generates a variant with
 * custom category names.
 *
 * <p><b>Event message file</b> ({@value #EVENT_MESSAGE_DLL}): every message id
 * {@code (qualifiers << 16) | id} for id 0..65535 and the eight qualifier values with facility
 * 0 (severity success/informational/warning/error, customer bit clear or set: 0x0000, 0x2000,
 * 0x4000, 0x6000, 0x8000, 0xA000, 0xC000, 0xE000) maps to {@code %1}, so the Event Viewer
 * shows exactly the first insertion string whatever id and severity bits a writer uses: it
 * looks up the full 32-bit {@code EventID} of the record. The eight blocks share one run of
 * entries (see {@link MessageResourceEncoder}).
 *
 * <p><b>Category message file</b> ({@value #CATEGORY_MESSAGE_DLL}): category i (1-based) maps
 * to the i-th name. A separate file, because category ids 1..n would collide with event ids.
 */
public final class MessageDllGenerator {
    public static final String EVENT_MESSAGE_DLL = "winlog-messages.dll";
    public static final String CATEGORY_MESSAGE_DLL = "winlog-categories.dll";
    /** The text of every event message: the first insertion string. */
    public static final String EVENT_TEXT = "%1";
    /** The qualifier values (high 16 bits of the message id) the event message file covers. */
    public static final List<Integer> QUALIFIERS = List.of(0x0000, 0x2000, 0x4000, 0x6000, 0x8000, 0xA000, 0xC000, 0xE000);
    /**
     * Default category names, one per level: 1 Error, 2 Warning, 3 Information, 4 Debug,
     * 5 Trace (the SLF4J levels, in the order the writer maps them).
     */
    public static final List<String> DEFAULT_CATEGORIES = List.of("Error", "Warning", "Information", "Debug", "Trace");
    /** At most this many categories ({@code EventCategory} is 16-bit, 0 means none). */
    public static final int MAX_CATEGORIES = 0xFFFF;

    private MessageDllGenerator() {
    }

    /** The event message table: {@link #QUALIFIERS} × 0..65535 → {@code %1}. */
    public static MessageTable eventMessages() {
        MessageTable.Builder b = MessageTable.builder();
        for (int q : QUALIFIERS) {
            long base = (long) q << 16;
            b.range(base, base | 0xFFFF, EVENT_TEXT);
        }
        return b.build();
    }

    /** A category table: id i+1 → {@code names.get(i)}. */
    public static MessageTable categories(List<String> names) {
        if (names.isEmpty() || names.size() > MAX_CATEGORIES) {
            throw new IllegalArgumentException("between 1 and " + MAX_CATEGORIES + " category names, got " + names.size());
        }
        MessageTable.Builder b = MessageTable.builder();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n == null || n.isEmpty() || n.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("category " + (i + 1) + " needs a non-empty name without NUL: " + n);
            }
            b.message(i + 1, n);
        }
        return b.build();
    }

    /** The event message DLL's bytes. */
    public static byte[] eventMessageDll(String version) {
        return MessageDllWriter.builder()
                .messages(eventMessages())
                .version(VersionInfo.of("winlog event message file (every event id shows its first insertion string)",
                        EVENT_MESSAGE_DLL, version))
                .build().write();
    }

    /** A category message DLL's bytes. */
    public static byte[] categoryMessageDll(List<String> names, String version, String fileName) {
        return MessageDllWriter.builder()
                .messages(categories(names))
                .version(VersionInfo.of("winlog category message file (" + names.size() + " categories)", fileName, version))
                .build().write();
    }

    /**
     * Writes both DLLs into a directory: {@code MessageDllGenerator <outputDir> <version>}. The
     * build calls this to put them into the jar next to this class.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            // Runs inside Maven's JVM (exec:java): fail with an exception, never System.exit.
            throw new IllegalArgumentException("usage: MessageDllGenerator <output directory> <version>");
        }
        Path dir = Paths.get(args[0]);
        Files.createDirectories(dir);
        Files.write(dir.resolve(EVENT_MESSAGE_DLL), eventMessageDll(args[1]));
        Files.write(dir.resolve(CATEGORY_MESSAGE_DLL), categoryMessageDll(DEFAULT_CATEGORIES, args[1], CATEGORY_MESSAGE_DLL));
    }
}
