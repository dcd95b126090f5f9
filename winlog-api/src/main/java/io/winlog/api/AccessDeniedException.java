package io.winlog.api;

/**
 * Windows refused access to a log, a source registration or a trace session. The message says
 * which privilege is missing: run elevated (installing sources, the Security log, ETW kernel
 * sessions) or add the account to the "Event Log Readers" group (reading logs).
 */
public class AccessDeniedException extends WinlogException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message, int win32Error) {
        super(message, win32Error, null);
    }
}
