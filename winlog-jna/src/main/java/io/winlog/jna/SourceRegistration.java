package io.winlog.jna;

import io.winlog.jna.messagedll.MessageDllFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link EventSourceInstaller#install} writes under
 * {@code HKLM\SYSTEM\CurrentControlSet\Services\EventLog\<log>\<source>}.
 *
 * @param source              the source name (global across all logs)
 * @param log                 the log ("Application", "System", or a custom log that is created)
 * @param eventMessageFile    EventMessageFile (REG_EXPAND_SZ; may use %SystemRoot%; several files separated by ';')
 * @param categoryMessageFile CategoryMessageFile (REG_EXPAND_SZ), or null for none
 * @param categoryCount       CategoryCount (ignored when there is no category file)
 * @param typesSupported      TypesSupported bit mask of EVENTLOG_*_TYPE (default all five: 0x1F)
 * @param force               overwrite another product's registration of the same name, or move
 *                            the source from another log
 */
public record SourceRegistration(String source, String log, String eventMessageFile, String categoryMessageFile,
                                 int categoryCount, int typesSupported, boolean force) {
    /** Error, warning, information, audit success, audit failure. */
    public static final int ALL_TYPES = 0x1F;
    /** .NET Framework 4's message file: maps every id 0..65535 to "%1" (the zero-install mode). */
    public static final String DOTNET_EVENT_LOG_MESSAGES =
            "%SystemRoot%\\Microsoft.NET\\Framework64\\v4.0.30319\\EventLogMessages.dll";

    public SourceRegistration {
        EventLogWriter.validateSourceName(source);
        validateLogName(log);
        Objects.requireNonNull(eventMessageFile, "eventMessageFile");
        if (eventMessageFile.isBlank()) {
            throw new IllegalArgumentException("eventMessageFile must not be blank");
        }
        if (categoryCount < 0 || categoryCount > 0xFFFF) {
            throw new IllegalArgumentException("categoryCount must be 0..65535: " + categoryCount);
        }
    }

    /** A registration with explicit message files (all types, not forced). */
    public static SourceRegistration of(String source, String log, Path eventMessageFile, Path categoryMessageFile,
                                        int categoryCount) {
        return new SourceRegistration(source, log, eventMessageFile.toString(),
                categoryMessageFile == null ? null : categoryMessageFile.toString(), categoryCount, ALL_TYPES, false);
    }

    /**
     * Zero-install mode: .NET Framework 4's EventLogMessages.dll (present on every supported
     * Windows with .NET Framework 4.x), no categories. Check {@link EventSourceInstaller#dotNetMessageFileExists()}.
     */
    public static SourceRegistration dotNet(String source, String log) {
        return new SourceRegistration(source, log, DOTNET_EVENT_LOG_MESSAGES, null, 0, ALL_TYPES, false);
    }

    /**
     * winlog's own message DLLs (every id 1..65535 shows exactly the logged text; categories are
     * {@code categoryNames}, or {@code Error, Warning, Information, Debug, Trace} when empty),
     * extracted first to the stable per-machine directory of {@link MessageDllFiles}.
     */
    public static SourceRegistration bundled(String source, String log, List<String> categoryNames) {
        MessageDllFiles.Extracted f = categoryNames.isEmpty() ? MessageDllFiles.ensureExtracted()
                : MessageDllFiles.ensureExtracted(categoryNames);
        return of(source, log, f.eventMessageFile(), f.categoryMessageFile(), f.categoryCount());
    }

    /** The same registration with {@code force} set. */
    public SourceRegistration forced(boolean v) {
        return new SourceRegistration(source, log, eventMessageFile, categoryMessageFile, categoryCount, typesSupported, v);
    }

    static void validateLogName(String log) {
        if (log == null || log.isBlank() || log.length() > 255 || log.indexOf('\\') >= 0 || log.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid log name (non-blank, max 255 chars, no backslash): \"" + log + "\"");
        }
    }
}
