package io.winlog.api.event;

/** The standard event levels ({@code winmeta.xml}) and their names. */
public final class Levels {
    public static final int LOG_ALWAYS = 0;
    public static final int CRITICAL = 1;
    public static final int ERROR = 2;
    public static final int WARNING = 3;
    public static final int INFORMATION = 4;
    public static final int VERBOSE = 5;

    private Levels() {
    }

    /** The English name Event Viewer shows for a standard level, or {@code "Level N"}. */
    public static String name(int level) {
        switch (level) {
            case LOG_ALWAYS: return "LogAlways";
            case CRITICAL: return "Critical";
            case ERROR: return "Error";
            case WARNING: return "Warning";
            case INFORMATION: return "Information";
            case VERBOSE: return "Verbose";
            default: return "Level " + level;
        }
    }
}
