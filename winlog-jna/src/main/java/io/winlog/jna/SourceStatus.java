package io.winlog.jna;

import java.util.List;

/**
 * Where a source name is registered. Normally zero or one registration; more than one means a
 * broken machine state (the same name under several logs) that Windows resolves unpredictably.
 *
 * @param source        the name looked up
 * @param registrations every log that has a key for it
 * @param unreadableLogs logs whose key this account may not read (the Security log, unelevated):
 *                       the source could also be there
 */
public record SourceStatus(String source, List<Registration> registrations, List<String> unreadableLogs) {
    public SourceStatus {
        registrations = List.copyOf(registrations);
        unreadableLogs = List.copyOf(unreadableLogs);
    }

    /**
     * One registration as found in the registry.
     *
     * @param log                 the log key it is under
     * @param keyName             the key name as stored (case may differ from the query)
     * @param eventMessageFile    EventMessageFile, or null
     * @param categoryMessageFile CategoryMessageFile, or null
     * @param categoryCount       CategoryCount, or null
     * @param typesSupported      TypesSupported, or null
     * @param customSource        CustomSource, or null
     */
    public record Registration(String log, String keyName, String eventMessageFile, String categoryMessageFile,
                               Integer categoryCount, Integer typesSupported, Integer customSource) {
    }

    public boolean installed() {
        return !registrations.isEmpty();
    }

    /** A short human-readable report, one line per registration. */
    public String describe() {
        String unread = unreadableLogs.isEmpty() ? "" : "\n(could not read log(s) " + String.join(", ", unreadableLogs)
                + " without elevation; run elevated to check them too)";
        if (registrations.isEmpty()) {
            return "source \"" + source + "\" is not registered in any readable log" + unread;
        }
        StringBuilder sb = new StringBuilder();
        for (Registration r : registrations) {
            sb.append("source \"").append(r.keyName()).append("\" in log \"").append(r.log()).append("\": EventMessageFile=")
                    .append(r.eventMessageFile()).append(", CategoryMessageFile=").append(r.categoryMessageFile())
                    .append(", CategoryCount=").append(r.categoryCount()).append(", TypesSupported=")
                    .append(r.typesSupported() == null ? null : "0x" + Integer.toHexString(r.typesSupported()))
                    .append('\n');
        }
        if (registrations.size() > 1) {
            sb.append("WARNING: the name is registered under ").append(registrations.size())
                    .append(" logs; source names are global, so events may go to either. Uninstall the extra ones.\n");
        }
        return (sb.toString().stripTrailing() + unread);
    }
}
