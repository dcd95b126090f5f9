package io.winlog.jna;

import java.util.List;

/**
 * What {@link EventSourceInstaller#install} did.
 *
 * @param outcome  created, updated, or nothing to do
 * @param log      the log the source is now registered in
 * @param logCreated true when a custom log key was created
 * @param warnings things the caller should tell the user (a moved source needs a reboot, ...)
 */
public record InstallResult(Outcome outcome, String log, boolean logCreated, List<String> warnings) {
    public InstallResult {
        warnings = List.copyOf(warnings);
    }

    /** The three outcomes of an idempotent install. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }
}
