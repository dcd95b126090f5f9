package io.winlog.api;

/**
 * A Windows-only feature was used on another OS. Files (.evtx, .evt) can be read and written on
 * any OS; live logs, event sources and ETW need Windows.
 */
public class PlatformNotSupportedException extends WinlogException {
    private static final long serialVersionUID = 1L;

    public PlatformNotSupportedException(String feature) {
        super(feature + " needs Windows (this is " + System.getProperty("os.name")
                + "). Read and write .evtx/.evt files with winlog-evtx on any OS, or run on Windows.");
    }
}
