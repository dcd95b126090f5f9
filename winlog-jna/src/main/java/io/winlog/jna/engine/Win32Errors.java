package io.winlog.jna.engine;

import io.winlog.api.AccessDeniedException;
import io.winlog.api.WinlogException;
import io.winlog.jna.binding.WinConstants;

/** Turns Win32 error codes of the event log calls into exceptions that say what to do. */
public final class Win32Errors {
    private Win32Errors() {
    }

    /** A short name for the codes the event log calls commonly return. */
    public static String name(int code) {
        return switch (code) {
            case WinConstants.ERROR_FILE_NOT_FOUND -> "ERROR_FILE_NOT_FOUND";
            case WinConstants.ERROR_PATH_NOT_FOUND -> "ERROR_PATH_NOT_FOUND";
            case WinConstants.ERROR_ACCESS_DENIED -> "ERROR_ACCESS_DENIED";
            case WinConstants.ERROR_INVALID_HANDLE -> "ERROR_INVALID_HANDLE";
            case WinConstants.ERROR_NOT_ENOUGH_MEMORY -> "ERROR_NOT_ENOUGH_MEMORY";
            case WinConstants.ERROR_INVALID_PARAMETER -> "ERROR_INVALID_PARAMETER";
            case WinConstants.ERROR_HANDLE_EOF -> "ERROR_HANDLE_EOF";
            case WinConstants.ERROR_INSUFFICIENT_BUFFER -> "ERROR_INSUFFICIENT_BUFFER";
            case WinConstants.ERROR_EVENTLOG_FILE_CHANGED -> "ERROR_EVENTLOG_FILE_CHANGED";
            case WinConstants.ERROR_MORE_DATA -> "ERROR_MORE_DATA";
            case WinConstants.RPC_S_SERVER_UNAVAILABLE -> "RPC_S_SERVER_UNAVAILABLE";
            default -> "Win32 error " + code;
        };
    }

    /** The exception for a failed RegisterEventSource. */
    public static WinlogException registerFailed(String server, String source, int code) {
        String where = server == null ? "the local machine" : "server " + server;
        if (code == WinConstants.ERROR_ACCESS_DENIED) {
            return new AccessDeniedException("RegisterEventSource(\"" + source + "\") on " + where
                    + " was denied: the Security log cannot be written with ReportEvent, and a remote server needs "
                    + "an account allowed to write its event log", code);
        }
        if (code == WinConstants.RPC_S_SERVER_UNAVAILABLE) {
            return new WinlogException("RegisterEventSource(\"" + source + "\"): " + where
                    + " is unreachable or its Event Log service is not running; check the name, the network and "
                    + "the 'Remote Event Log Management' firewall rule", code, null);
        }
        return new WinlogException("RegisterEventSource(\"" + source + "\") on " + where + " failed with "
                + name(code), code, null);
    }

    /** The exception for a failed ReportEvent. */
    public static WinlogException reportFailed(String source, int part, int parts, int code) {
        String which = parts > 1 ? "part " + part + " of " + parts + " of an event" : "an event";
        if (code == WinConstants.ERROR_ACCESS_DENIED) {
            return new AccessDeniedException("ReportEvent refused " + which + " for source \"" + source
                    + "\": this account may not write to the log the source belongs to", code);
        }
        if (code == WinConstants.ERROR_INVALID_PARAMETER) {
            return new WinlogException("ReportEvent rejected " + which + " for source \"" + source
                    + "\" as invalid (usually too large for this Windows version): lower maxCharsPerString or "
                    + "the binary data size", code, null);
        }
        return new WinlogException("ReportEvent failed for " + which + " for source \"" + source + "\" with "
                + name(code), code, null);
    }
}
