package io.winlog.jna.messagedll;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windows only (run by .github/workflows/windows.yml): loads the generated DLLs the way message
 * file readers do ({@code LoadLibraryExW} as data file / image resource) and formats messages
 * with {@code FormatMessageW}. UTF-16 is encoded and decoded here explicitly; no W32API
 * string options.
 */
@EnabledOnOs(OS.WINDOWS)
class MessageDllWindowsTest {
    static final int LOAD_LIBRARY_AS_DATAFILE = 0x00000002;
    static final int LOAD_LIBRARY_AS_IMAGE_RESOURCE = 0x00000020;
    static final int FORMAT_MESSAGE_IGNORE_INSERTS = 0x00000200;
    static final int FORMAT_MESSAGE_FROM_HMODULE = 0x00000800;
    static final int FORMAT_MESSAGE_ARGUMENT_ARRAY = 0x00002000;

    /**
     * The few kernel32 functions this test needs; strings are UTF-16LE byte arrays. Failures are
     * detected by return value and {@link Native#getLastError()} (JNA saves it after every call),
     * since some calls leave a stale last error even when they succeed.
     */
    interface Kernel32 extends Library {
        Kernel32 INSTANCE = Native.load("kernel32", Kernel32.class);

        Pointer LoadLibraryExW(byte[] fileNameUtf16z, Pointer hFile, int flags);

        boolean FreeLibrary(Pointer module);

        int FormatMessageW(int flags, Pointer source, int messageId, int languageId, byte[] buffer, int sizeInWchars,
                           Pointer arguments);
    }

    private static Pointer load(Path dll, int flags) {
        Pointer h = Kernel32.INSTANCE.LoadLibraryExW(utf16z(dll.toString()), null, flags);
        assertThat(h).as("LoadLibraryExW(" + dll + ", 0x" + Integer.toHexString(flags) + "), last error "
                + Native.getLastError()).isNotNull();
        return h;
    }

    @TempDir
    Path dir;

    @Test
    void everyEventIdFormatsToItsFirstInsertionString() {
        for (PeMachine machine : PeMachine.values()) {
            byte[] bytes = MessageDllWriter.builder().machine(machine).messages(MessageDllGenerator.eventMessages())
                    .version(VersionInfo.of("test", "m.dll", "1.0")).build().write();
            Path dll = dir.resolve("m-" + machine + ".dll");
            MessageDllFiles.install(dll, bytes);
            for (int flags : new int[] {LOAD_LIBRARY_AS_DATAFILE, LOAD_LIBRARY_AS_DATAFILE | LOAD_LIBRARY_AS_IMAGE_RESOURCE}) {
                Pointer h = load(dll, flags);
                try {
                    String text = "hello ünïcødé ✓ \uD83D\uDE00 100% done";
                    for (long id : new long[] {0, 1, 1000, 4096, 65535, 0x4000_0064L, 0x8000_1000L, 0xC000_0001L, 0xE000_FFFFL}) {
                        assertThat(format(h, (int) id, 0, text)).as(machine + " id 0x" + Long.toHexString(id)).isEqualTo(text);
                        assertThat(format(h, (int) id, 0x0409, text)).isEqualTo(text);
                    }
                } finally {
                    Kernel32.INSTANCE.FreeLibrary(h);
                }
            }
        }
    }

    @Test
    void categoriesFormatToTheirNames() {
        List<String> names = List.of("Orders", "Billing", "Ünïcødé");
        MessageDllFiles.Extracted x = MessageDllFiles.ensureExtracted(dir, names);
        Pointer h = load(x.categoryMessageFile(), LOAD_LIBRARY_AS_DATAFILE | LOAD_LIBRARY_AS_IMAGE_RESOURCE);
        try {
            for (int i = 0; i < names.size(); i++) {
                byte[] buf = new byte[512];
                int n = Kernel32.INSTANCE.FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_IGNORE_INSERTS, h, i + 1, 0,
                        buf, buf.length / 2, null);
                assertThat(n).as("FormatMessageW category " + (i + 1) + ", last error " + Native.getLastError()).isPositive();
                assertThat(new String(buf, 0, 2 * n, StandardCharsets.UTF_16LE)).isEqualTo(names.get(i));
            }
        } finally {
            Kernel32.INSTANCE.FreeLibrary(h);
        }
        // The default extraction works too (into %ProgramData%\winlog\<version> unless overridden).
        System.setProperty(MessageDllFiles.DIR_PROPERTY, dir.resolve("pd").toString());
        try {
            MessageDllFiles.Extracted d = MessageDllFiles.ensureExtracted();
            assertThat(d.eventMessageFile()).exists();
        } finally {
            System.clearProperty(MessageDllFiles.DIR_PROPERTY);
        }
    }

    private static String format(Pointer module, int id, int language, String arg) {
        Memory s = new Memory(2L * (arg.length() + 1));
        byte[] a = utf16z(arg);
        s.write(0, a, 0, a.length);
        Memory args = new Memory(Native.POINTER_SIZE);
        args.setPointer(0, s);
        byte[] buf = new byte[2048];
        int n = Kernel32.INSTANCE.FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_ARGUMENT_ARRAY, module, id,
                language, buf, buf.length / 2, args);
        assertThat(n).as("FormatMessageW 0x" + Integer.toHexString(id) + " lang 0x" + Integer.toHexString(language)
                + ", last error " + Native.getLastError()).isPositive();
        return new String(buf, 0, 2 * n, StandardCharsets.UTF_16LE);
    }

    private static byte[] utf16z(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_16LE);
        return java.util.Arrays.copyOf(b, b.length + 2);
    }
}
