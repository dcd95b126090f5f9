package io.winlog.api;

/**
 * The root of winlog's errors. The message says what happened and what to do about it;
 * {@link #win32Error()} carries the Win32 error code when a Windows API failed.
 *
 * <p>Unchecked, like {@link java.io.UncheckedIOException}: most callers cannot recover, and
 * those that can catch the specific subclass.
 */
public class WinlogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@code ERROR_ACCESS_DENIED}. */
    public static final int ERROR_ACCESS_DENIED = 5;

    private final int win32Error;

    public WinlogException(String message) {
        this(message, 0, null);
    }

    public WinlogException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public WinlogException(String message, int win32Error, Throwable cause) {
        super(win32Error == 0 ? message : message + " (Win32 error " + win32Error + ")", cause);
        this.win32Error = win32Error;
    }

    /** The Win32 error code ({@code GetLastError()}), or 0 when no Windows API was involved. */
    public int win32Error() {
        return win32Error;
    }
}
