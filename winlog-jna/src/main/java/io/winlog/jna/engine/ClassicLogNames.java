package io.winlog.jna.engine;

/** Where classic logs live in the registry and what to tell a user who may not read one. */
public final class ClassicLogNames {
    /** Registry path of the classic logs under HKLM. */
    public static final String EVENTLOG_KEY = "SYSTEM\\CurrentControlSet\\Services\\EventLog";

    private ClassicLogNames() {
    }

    /** {@code SYSTEM\CurrentControlSet\Services\EventLog\<log>}. */
    public static String registryKey(String log) {
        return EVENTLOG_KEY + "\\" + log;
    }

    /** The remedy for ERROR_ACCESS_DENIED when reading {@code log}. */
    public static String accessAdvice(String log) {
        if ("Security".equalsIgnoreCase(log)) {
            return "the Security log needs an elevated process (Run as administrator) or an account in the "
                    + "\"Event Log Readers\" group";
        }
        return "add the account to the \"Event Log Readers\" group (or run elevated)";
    }
}
