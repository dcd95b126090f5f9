package io.winlog.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.winlog.jna.binding.Advapi32;
import io.winlog.jna.codec.Utf16;
import io.winlog.jna.engine.ClassicLogApi;
import io.winlog.jna.engine.ClassicLogSession;
import io.winlog.jna.engine.RegistryApi;

/**
 * {@link ClassicLogApi} over the real advapi32 (Windows only). Names are encoded to UTF-16LE
 * here; {@code ReadEventLogW} fills one native block that is reused while large enough and
 * copied into the caller's {@code byte[]} (only the bytes read). One instance per session: not
 * thread-safe.
 */
final class JnaClassicLogApi implements ClassicLogApi {
    private final Advapi32 advapi32;
    private Memory nativeBuffer;

    JnaClassicLogApi(Advapi32 advapi32) {
        this.advapi32 = advapi32;
    }

    @Override
    public Result open(String server, String log) {
        Memory s = server == null ? null : utf16(server);
        Memory l = utf16(log);
        Pointer h = advapi32.OpenEventLogW(s, l);
        int error = Native.getLastError();
        java.lang.ref.Reference.reachabilityFence(s);
        java.lang.ref.Reference.reachabilityFence(l);
        return h == null ? Result.failed(error == 0 ? io.winlog.jna.binding.WinConstants.ERROR_INVALID_HANDLE : error)
                : Result.ok(Pointer.nativeValue(h));
    }

    @Override
    public ReadResult read(long handle, int flags, long recordNumber, byte[] buffer) {
        if (nativeBuffer == null || nativeBuffer.size() < buffer.length) {
            nativeBuffer = new Memory(buffer.length);
        }
        IntByReference read = new IntByReference();
        IntByReference needed = new IntByReference();
        int ok = advapi32.ReadEventLogW(new Pointer(handle), flags, (int) recordNumber, nativeBuffer, buffer.length, read, needed);
        if (ok == 0) {
            return ReadResult.failed(Native.getLastError(), needed.getValue());
        }
        int n = read.getValue();
        if (n > 0 && n <= buffer.length) {
            nativeBuffer.read(0, buffer, 0, n);
        }
        return ReadResult.ok(n);
    }

    @Override
    public Result oldest(long handle) {
        IntByReference v = new IntByReference();
        return advapi32.GetOldestEventLogRecord(new Pointer(handle), v) == 0 ? Result.failed(Native.getLastError())
                : Result.ok(v.getValue() & 0xFFFFFFFFL);
    }

    @Override
    public Result count(long handle) {
        IntByReference v = new IntByReference();
        return advapi32.GetNumberOfEventLogRecords(new Pointer(handle), v) == 0 ? Result.failed(Native.getLastError())
                : Result.ok(v.getValue() & 0xFFFFFFFFL);
    }

    @Override
    public void close(long handle) {
        if (handle != 0) {
            advapi32.CloseEventLog(new Pointer(handle));
        }
    }

    private static Memory utf16(String s) {
        byte[] b = Utf16.encodeNulTerminated(s);
        Memory m = new Memory(b.length);
        m.write(0, b, 0, b.length);
        return m;
    }

    /**
     * Opens a classic-log session on {@code api}, or, when it is null, on advapi32 (Windows only:
     * elsewhere throws {@link io.winlog.api.PlatformNotSupportedException} naming {@code what}),
     * checking the log name in {@code registry} (default: the local registry with advapi32).
     */
    static ClassicLogSession openSession(ClassicLogApi api, RegistryApi registry, String server, String log,
                                         int bufferBytes, String what) {
        ClassicLogApi a = api;
        RegistryApi reg = registry;
        if (a == null) {
            WindowsEventLog.requireWindows(what);
            a = new JnaClassicLogApi(WindowsEventLog.advapi32());
            if (reg == null) {
                reg = new JnaRegistry(WindowsEventLog.advapi32());
            }
        }
        return ClassicLogSession.open(a, reg, server, log, bufferBytes);
    }
}
