package io.winlog.jna;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import io.winlog.api.event.Sid;
import io.winlog.jna.binding.Advapi32;
import io.winlog.jna.codec.InsertionTextPolicy;
import io.winlog.jna.codec.OverflowPolicy;
import io.winlog.jna.codec.PreparedReportEvent;
import io.winlog.jna.codec.ReportEventEncoder;
import io.winlog.jna.codec.ReportEventLimits;
import io.winlog.jna.codec.Utf16;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The native memory JnaReportEventApi hands to ReportEventW, read back through a Java
 * implementation of the Advapi32 interface (runs on any OS; only the DLL is missing).
 */
class JnaReportEventApiTest {

    @Test
    void stringsArraySidAndDataAreLaidOutAsReportEventWExpects() {
        AtomicReference<Object[]> seen = new AtomicReference<>();
        Advapi32 fake = (Advapi32) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Advapi32.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("ReportEventW")) {
                        // Decode while the call is "running", as the DLL would.
                        Pointer array = (Pointer) args[7];
                        int n = (Short) args[5];
                        List<String> strings = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            Pointer s = array.getPointer((long) i * Native.POINTER_SIZE);
                            strings.add(readUtf16(s));
                        }
                        Pointer sid = (Pointer) args[4];
                        Pointer data = (Pointer) args[8];
                        int dataSize = (Integer) args[6];
                        seen.set(new Object[] {args[1], args[2], args[3], strings,
                                sid == null ? null : sid.getByteArray(0, 16), data == null ? null : data.getByteArray(0, dataSize)});
                        return 1;
                    }
                    return 0;
                });
        Sid sid = Sid.parse("S-1-5-21-7");
        ReportEventEncoder enc = new ReportEventEncoder(ReportEventLimits.forSource("S"), OverflowPolicy.SPLIT,
                InsertionTextPolicy.ESCAPE);
        PreparedReportEvent e = enc.encode(EventSpec.builder(0xC0001234L).type(EventType.WARNING).category(3)
                .strings("α", "", "zwei \uD83D\uDE00").data(new byte[] {7, 8, 9}).userSid(sid).build()).get(0);
        assertThat(new JnaReportEventApi(fake).reportEvent(0x1234, e)).isTrue();
        Object[] a = seen.get();
        assertThat(a[0]).isEqualTo((short) 2);
        assertThat(a[1]).isEqualTo((short) 3);
        assertThat(a[2]).isEqualTo(0xC0001234);
        assertThat(a[3]).isEqualTo(List.of("α", "", "zwei \uD83D\uDE00"));
        assertThat((byte[]) a[4]).startsWith(sid.toBytes());
        assertThat((byte[]) a[5]).containsExactly(7, 8, 9);
    }

    @Test
    void noStringsAndNoDataPassNullPointers() {
        AtomicReference<Object[]> seen = new AtomicReference<>();
        Advapi32 fake = (Advapi32) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Advapi32.class},
                (proxy, method, args) -> {
                    seen.set(args);
                    return 1;
                });
        PreparedReportEvent e = new PreparedReportEvent((short) 4, (short) 0, 1, null, new byte[0][], null, 1, 1);
        new JnaReportEventApi(fake).reportEvent(8, e);
        assertThat(seen.get()[7]).isNull();
        assertThat(seen.get()[8]).isNull();
        assertThat(seen.get()[6]).isEqualTo(0);
    }

    /** UTF-16LE up to NUL, decoded with winlog's own decoder (JNA's getWideString is host wchar_t on Linux). */
    private static String readUtf16(Pointer p) {
        int len = 0;
        while (p.getShort(len) != 0) {
            len += 2;
        }
        return Utf16.decodeNulTerminated(p.getByteArray(0, len + 2), 0, len + 2);
    }
}
