package io.winlog.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.winlog.jna.binding.Advapi32;
import io.winlog.jna.codec.PreparedReportEvent;
import io.winlog.jna.engine.ReportEventApi;

/**
 * {@link ReportEventApi} over the real advapi32 (Windows only). Each call copies the prepared
 * UTF-16LE strings into one native block plus a pointer array; JNA frees the {@link Memory}
 * when it is collected, and it stays reachable for the duration of the call.
 */
final class JnaReportEventApi implements ReportEventApi {
    private final Advapi32 advapi32;

    JnaReportEventApi(Advapi32 advapi32) {
        this.advapi32 = advapi32;
    }

    @Override
    public long registerEventSource(byte[] server, byte[] source) {
        Pointer h = advapi32.RegisterEventSourceW(copy(server), copy(source));
        return Pointer.nativeValue(h);
    }

    @Override
    public boolean reportEvent(long handle, PreparedReportEvent e) {
        byte[][] strings = e.strings();
        Memory array = null;
        Memory text = null;
        if (strings.length > 0) {
            long total = e.stringBytes();
            text = new Memory(total);
            array = new Memory((long) Native.POINTER_SIZE * strings.length);
            long off = 0;
            for (int i = 0; i < strings.length; i++) {
                text.write(off, strings[i], 0, strings[i].length);
                array.setPointer((long) Native.POINTER_SIZE * i, text.share(off));
                off += strings[i].length;
            }
        }
        Memory sid = copy(e.userSid());
        Memory data = copy(e.data());
        int ok = advapi32.ReportEventW(new Pointer(handle), e.type(), e.category(), e.eventId(), sid,
                (short) strings.length, e.data() == null ? 0 : e.data().length, array, data);
        // Keep the blocks reachable until the call has returned (JNA frees Memory on collection).
        java.lang.ref.Reference.reachabilityFence(text);
        java.lang.ref.Reference.reachabilityFence(array);
        java.lang.ref.Reference.reachabilityFence(sid);
        java.lang.ref.Reference.reachabilityFence(data);
        return ok != 0;
    }

    @Override
    public boolean deregisterEventSource(long handle) {
        return advapi32.DeregisterEventSource(new Pointer(handle)) != 0;
    }

    @Override
    public int lastError() {
        return Native.getLastError();
    }

    private static Memory copy(byte[] b) {
        if (b == null || b.length == 0) {
            return null;
        }
        Memory m = new Memory(b.length);
        m.write(0, b, 0, b.length);
        return m;
    }
}
