package io.winlog.jna.messagedll;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.winlog.jna.binding.Kernel32;
import io.winlog.jna.binding.WinConstants;
import io.winlog.jna.codec.Utf16;
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
 * with {@code FormatMessageW}, through winlog's ABI-checked kernel32 binding. UTF-16 is encoded
 * and decoded explicitly; no W32API string options.
 */
@EnabledOnOs(OS.WINDOWS)
class MessageDllWindowsTest {
    static final int LOAD_LIBRARY_AS_DATAFILE = WinConstants.LOAD_LIBRARY_AS_DATAFILE;
    static final int LOAD_LIBRARY_AS_IMAGE_RESOURCE = WinConstants.LOAD_LIBRARY_AS_IMAGE_RESOURCE;
    static final int FORMAT_MESSAGE_IGNORE_INSERTS = WinConstants.FORMAT_MESSAGE_IGNORE_INSERTS;
    static final int FORMAT_MESSAGE_FROM_HMODULE = WinConstants.FORMAT_MESSAGE_FROM_HMODULE;
    static final int FORMAT_MESSAGE_ARGUMENT_ARRAY = WinConstants.FORMAT_MESSAGE_ARGUMENT_ARRAY;

    /**
     * winlog's own kernel32 binding (stdcall on x86, every signature checked against
     * win-layouts.json by AbiBindingTest). Failures are detected by return value, then
     * {@link Native#getLastError()} (JNA saves it after every call) names the cause.
     */
    private static final class Lib {
        static final Kernel32 KERNEL32 = Kernel32.load(); // loaded on first use, i.e. only on Windows
    }

    private static Pointer load(Path dll, int flags) {
        Memory name = utf16z(dll.toString());
        Pointer h = Lib.KERNEL32.LoadLibraryExW(name, null, flags);
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
                    Lib.KERNEL32.FreeLibrary(h);
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
                Memory buf = new Memory(512);
                int n = Lib.KERNEL32.FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_IGNORE_INSERTS, h, i + 1, 0,
                        buf, (int) buf.size() / 2, null);
                assertThat(n).as("FormatMessageW category " + (i + 1) + ", last error " + Native.getLastError()).isPositive();
                assertThat(new String(buf.getByteArray(0, 2 * n), StandardCharsets.UTF_16LE)).isEqualTo(names.get(i));
            }
        } finally {
            Lib.KERNEL32.FreeLibrary(h);
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
        Memory s = utf16z(arg);
        Memory args = new Memory(Native.POINTER_SIZE);
        args.setPointer(0, s);
        Memory buf = new Memory(2048);
        int n = Lib.KERNEL32.FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_ARGUMENT_ARRAY, module, id,
                language, buf, (int) buf.size() / 2, args);
        assertThat(n).as("FormatMessageW 0x" + Integer.toHexString(id) + " lang 0x" + Integer.toHexString(language)
                + ", last error " + Native.getLastError()).isPositive();
        java.lang.ref.Reference.reachabilityFence(s);
        return new String(buf.getByteArray(0, 2 * n), StandardCharsets.UTF_16LE);
    }

    /** NUL-terminated UTF-16LE in native memory (an LPCWSTR). */
    private static Memory utf16z(String text) {
        byte[] b = Utf16.encodeNulTerminated(text);
        Memory m = new Memory(b.length);
        m.write(0, b, 0, b.length);
        return m;
    }
}
