package io.winlog.jna;

import io.winlog.api.WinlogException;

/**
 * The source name is already registered by something else: with another message file (another
 * product's source), or in another log (source names are global across logs). Nothing was
 * changed. Choose another source name, or pass {@code force} to take it over.
 */
public class SourceConflictException extends WinlogException {
    private static final long serialVersionUID = 1L;

    public SourceConflictException(String message) {
        super(message);
    }
}
