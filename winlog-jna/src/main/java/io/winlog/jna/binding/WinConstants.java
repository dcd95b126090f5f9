package io.winlog.jna.binding;

/**
 * Windows constants the bindings use, named as in the headers. {@code AbiBindingTest} checks
 * every one against {@code win-layouts.json}'s {@code constants} table; the registry constants
 * the table does not carry are in {@link RegistryConstants}.
 */
public final class WinConstants {
    private WinConstants() {
    }

    // Event types (winnt.h)
    public static final int EVENTLOG_SUCCESS = 0x0000;
    public static final int EVENTLOG_ERROR_TYPE = 0x0001;
    public static final int EVENTLOG_WARNING_TYPE = 0x0002;
    public static final int EVENTLOG_INFORMATION_TYPE = 0x0004;
    public static final int EVENTLOG_AUDIT_SUCCESS = 0x0008;
    public static final int EVENTLOG_AUDIT_FAILURE = 0x0010;

    // ReadEventLog flags (winnt.h)
    public static final int EVENTLOG_SEQUENTIAL_READ = 0x0001;
    public static final int EVENTLOG_SEEK_READ = 0x0002;
    public static final int EVENTLOG_FORWARDS_READ = 0x0004;
    public static final int EVENTLOG_BACKWARDS_READ = 0x0008;

    // FormatMessage / LoadLibraryEx (winbase.h)
    public static final int FORMAT_MESSAGE_IGNORE_INSERTS = 0x0200;
    public static final int FORMAT_MESSAGE_FROM_STRING = 0x0400;
    public static final int FORMAT_MESSAGE_FROM_HMODULE = 0x0800;
    public static final int FORMAT_MESSAGE_FROM_SYSTEM = 0x1000;
    public static final int FORMAT_MESSAGE_ARGUMENT_ARRAY = 0x2000;
    public static final int FORMAT_MESSAGE_MAX_WIDTH_MASK = 0x00FF;
    public static final int LOAD_LIBRARY_AS_DATAFILE = 0x0002;
    public static final int LOAD_LIBRARY_AS_IMAGE_RESOURCE = 0x0020;

    // Error codes (winerror.h)
    public static final int ERROR_SUCCESS = 0;
    public static final int ERROR_FILE_NOT_FOUND = 2;
    public static final int ERROR_PATH_NOT_FOUND = 3;
    public static final int ERROR_ACCESS_DENIED = 5;
    public static final int ERROR_INVALID_HANDLE = 6;
    public static final int ERROR_NOT_ENOUGH_MEMORY = 8;
    public static final int ERROR_HANDLE_EOF = 38;
    public static final int ERROR_INVALID_PARAMETER = 87;
    public static final int ERROR_INSUFFICIENT_BUFFER = 122;
    public static final int ERROR_MORE_DATA = 234;
    public static final int ERROR_NO_MORE_ITEMS = 259;
    public static final int ERROR_MR_MID_NOT_FOUND = 317;
    public static final int ERROR_EVENTLOG_FILE_CHANGED = 1503;
    public static final int RPC_S_SERVER_UNAVAILABLE = 1722;
}
