package io.winlog.api;

/**
 * A bookmark points at a record that is no longer in the log (the log was cleared or wrapped
 * past it). Subscriptions recover by their configured policy (start at the oldest record, the
 * default, or fail); this is raised when the policy is to fail.
 */
public class StaleBookmarkException extends WinlogException {
    private static final long serialVersionUID = 1L;

    public StaleBookmarkException(String message, int win32Error) {
        super(message, win32Error, null);
    }
}
