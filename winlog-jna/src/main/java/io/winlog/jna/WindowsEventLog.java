package io.winlog.jna;

import com.sun.jna.Platform;
import io.winlog.api.PlatformNotSupportedException;
import io.winlog.jna.binding.Advapi32;
import io.winlog.jna.engine.SharedSourceHandles;

/**
 * The process-wide connection to the local Event Log: the advapi32 binding, the shared source
 * handles, and the shutdown hook that deregisters them. Created on first use, on Windows only.
 */
final class WindowsEventLog {
    private WindowsEventLog() {
    }

    /** Throws the "needs Windows" error when not on Windows. */
    static void requireWindows(String feature) {
        if (!Platform.isWindows()) {
            throw new PlatformNotSupportedException(feature);
        }
    }

    /** Lazily initialised holder (class initialisation is the lock). */
    private static final class Holder {
        static final Advapi32 ADVAPI32 = Advapi32.load();
        static final SharedSourceHandles HANDLES = new SharedSourceHandles(new JnaReportEventApi(ADVAPI32));

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(HANDLES::closeAll, "winlog-eventlog-shutdown"));
        }
    }

    static Advapi32 advapi32() {
        return Holder.ADVAPI32;
    }

    static SharedSourceHandles handles() {
        return Holder.HANDLES;
    }
}
