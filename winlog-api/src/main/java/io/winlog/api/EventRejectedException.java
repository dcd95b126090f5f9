package io.winlog.api;

/**
 * A writer refused an event that Windows (or the file format) would reject or corrupt: too long,
 * invalid names, too many strings. The message says the limit and what to do (shorten, split,
 * or choose another overflow policy).
 */
public class EventRejectedException extends WinlogException {
    private static final long serialVersionUID = 1L;

    public EventRejectedException(String message) {
        super(message);
    }
}
