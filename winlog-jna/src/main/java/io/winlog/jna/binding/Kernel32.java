package io.winlog.jna.binding;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The kernel32.dll bits winlog needs: loading a message file as data and formatting a message
 * from it (what Event Viewer does to render a classic event), and system error texts.
 * Same rules as {@link Advapi32}. {@code GetLastError} is not bound: JNA captures it after every
 * call into {@code Native.getLastError()}, which is the only reliable way (the JVM itself may
 * call Windows between two Java calls).
 */
public interface Kernel32 extends StdCallLibrary {
    /** Loaded on first use; only on Windows. */
    static Kernel32 load() {
        return Native.load("kernel32", Kernel32.class);
    }

    /**
     * DWORD FormatMessageW(DWORD dwFlags, LPCVOID lpSource, DWORD dwMessageId, DWORD dwLanguageId,
     * LPWSTR lpBuffer, DWORD nSize, va_list *Arguments); returns the number of WCHARs written
     * (without the NUL), 0 on failure. Use a caller-allocated buffer (no ALLOCATE_BUFFER, so no
     * LocalFree to forget).
     */
    int FormatMessageW(int flags, Pointer source, int messageId, int languageId, Pointer buffer, int bufferChars,
                       Pointer arguments);

    /** HMODULE LoadLibraryExW(LPCWSTR lpLibFileName, HANDLE hFile, DWORD dwFlags); NULL on failure. */
    Pointer LoadLibraryExW(Pointer fileName, Pointer file, int flags);

    /** BOOL FreeLibrary(HMODULE hLibModule). */
    int FreeLibrary(Pointer module);
}
