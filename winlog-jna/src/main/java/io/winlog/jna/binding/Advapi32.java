package io.winlog.jna.binding;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The advapi32.dll functions winlog uses: classic event log (write and read) and the registry.
 *
 * <p>Thin and literal: Windows names, Windows argument order, fixed-size Java types
 * ({@code short} = WORD, {@code int} = DWORD/LONG/LSTATUS/BOOL, {@link Pointer} = handles and
 * pointers). Strings are {@link Pointer}s to NUL-terminated UTF-16LE the caller encodes
 * ({@code io.winlog.jna.codec.Utf16}); no JNA string mapping. {@link StdCallLibrary} makes the
 * calls {@code __stdcall} on 32-bit Windows; {@code AbiBindingTest} checks every method's x86
 * {@code @N} against {@code win-layouts.json}. Functions returning BOOL return 0 on failure, with
 * the error in {@code Native.getLastError()} (JNA captures GetLastError after every call);
 * registry functions return the error code directly.
 */
public interface Advapi32 extends StdCallLibrary {
    /** Loaded on first use; only on Windows. */
    static Advapi32 load() {
        return Native.load("advapi32", Advapi32.class);
    }

    // ---- writing ---------------------------------------------------------------------------

    /** HANDLE RegisterEventSourceW(LPCWSTR lpUNCServerName, LPCWSTR lpSourceName); NULL on failure. */
    Pointer RegisterEventSourceW(Pointer uncServerName, Pointer sourceName);

    /** BOOL DeregisterEventSource(HANDLE hEventLog). */
    int DeregisterEventSource(Pointer eventLog);

    /**
     * BOOL ReportEventW(HANDLE hEventLog, WORD wType, WORD wCategory, DWORD dwEventID, PSID lpUserSid,
     * WORD wNumStrings, DWORD dwDataSize, LPCWSTR *lpStrings, LPVOID lpRawData).
     */
    int ReportEventW(Pointer eventLog, short type, short category, int eventId, Pointer userSid,
                     short numStrings, int dataSize, Pointer strings, Pointer rawData);

    // ---- reading (classic API) -------------------------------------------------------------

    /** HANDLE OpenEventLogW(LPCWSTR lpUNCServerName, LPCWSTR lpSourceName); NULL on failure. */
    Pointer OpenEventLogW(Pointer uncServerName, Pointer sourceName);

    /** BOOL CloseEventLog(HANDLE hEventLog). */
    int CloseEventLog(Pointer eventLog);

    /**
     * BOOL ReadEventLogW(HANDLE hEventLog, DWORD dwReadFlags, DWORD dwRecordOffset, LPVOID lpBuffer,
     * DWORD nNumberOfBytesToRead, DWORD *pnBytesRead, DWORD *pnMinNumberOfBytesNeeded).
     */
    int ReadEventLogW(Pointer eventLog, int readFlags, int recordOffset, Pointer buffer, int bytesToRead,
                      IntByReference bytesRead, IntByReference minBytesNeeded);

    /** BOOL GetNumberOfEventLogRecords(HANDLE hEventLog, PDWORD NumberOfRecords). */
    int GetNumberOfEventLogRecords(Pointer eventLog, IntByReference numberOfRecords);

    /** BOOL GetOldestEventLogRecord(HANDLE hEventLog, PDWORD OldestRecord). */
    int GetOldestEventLogRecord(Pointer eventLog, IntByReference oldestRecord);

    // ---- registry (event source registration) ---------------------------------------------

    /**
     * LSTATUS RegCreateKeyExW(HKEY hKey, LPCWSTR lpSubKey, DWORD Reserved, LPWSTR lpClass, DWORD dwOptions,
     * REGSAM samDesired, const LPSECURITY_ATTRIBUTES lpSecurityAttributes, PHKEY phkResult, LPDWORD lpdwDisposition).
     */
    int RegCreateKeyExW(Pointer key, Pointer subKey, int reserved, Pointer keyClass, int options, int samDesired,
                        Pointer securityAttributes, PointerByReference result, IntByReference disposition);

    /** LSTATUS RegOpenKeyExW(HKEY hKey, LPCWSTR lpSubKey, DWORD ulOptions, REGSAM samDesired, PHKEY phkResult). */
    int RegOpenKeyExW(Pointer key, Pointer subKey, int options, int samDesired, PointerByReference result);

    /**
     * LSTATUS RegSetValueExW(HKEY hKey, LPCWSTR lpValueName, DWORD Reserved, DWORD dwType,
     * const BYTE *lpData, DWORD cbData).
     */
    int RegSetValueExW(Pointer key, Pointer valueName, int reserved, int type, Pointer data, int dataBytes);

    /**
     * LSTATUS RegQueryValueExW(HKEY hKey, LPCWSTR lpValueName, LPDWORD lpReserved, LPDWORD lpType,
     * LPBYTE lpData, LPDWORD lpcbData).
     */
    int RegQueryValueExW(Pointer key, Pointer valueName, Pointer reserved, IntByReference type, Pointer data,
                         IntByReference dataBytes);

    /**
     * LSTATUS RegEnumKeyExW(HKEY hKey, DWORD dwIndex, LPWSTR lpName, LPDWORD lpcchName, LPDWORD lpReserved,
     * LPWSTR lpClass, LPDWORD lpcchClass, PFILETIME lpftLastWriteTime).
     */
    int RegEnumKeyExW(Pointer key, int index, Pointer name, IntByReference nameChars, Pointer reserved,
                      Pointer keyClass, IntByReference classChars, Pointer lastWriteTime);

    /** LSTATUS RegDeleteTreeW(HKEY hKey, LPCWSTR lpSubKey): the key, its values and subkeys. */
    int RegDeleteTreeW(Pointer key, Pointer subKey);

    /** LSTATUS RegDeleteKeyW(HKEY hKey, LPCWSTR lpSubKey): an empty key. */
    int RegDeleteKeyW(Pointer key, Pointer subKey);

    /** LSTATUS RegCloseKey(HKEY hKey). */
    int RegCloseKey(Pointer key);
}
