package io.winlog.jna;

import io.winlog.api.WinlogException;

/**
 * The event source is not registered (or is registered in another log than expected). Windows
 * would still accept the events, but Event Viewer would show "The description for Event ID ...
 * cannot be found", or the events would land in the other log. The message says how to
 * register it.
 */
public class SourceNotRegisteredException extends WinlogException {
    private static final long serialVersionUID = 1L;

    public SourceNotRegisteredException(String message) {
        super(message);
    }
}
