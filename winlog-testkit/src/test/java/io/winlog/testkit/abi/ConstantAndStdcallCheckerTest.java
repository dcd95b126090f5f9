package io.winlog.testkit.abi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstantAndStdcallCheckerTest {

    /** Right values, one wrong value, one the table does not know, one pointer-sized constant. */
    static final class Constants {
        static final int EVENTLOG_ERROR_TYPE = 0x0001;
        static final int EVENTLOG_WARNING_TYPE = 0x0004; // wrong: 2
        static final int FORMAT_MESSAGE_FROM_HMODULE = 0x0800;
        static final long INVALID_HANDLE_VALUE = -1L;
        static final int NOT_A_WINDOWS_NAME = 7;
    }

    @Test
    void constantsAreCheckedIncludingX86Overrides() {
        ConstantChecker.Result r = new ConstantChecker(WinLayouts.load()).check(Constants.class);
        assertThat(r.checked()).isEqualTo(4);
        assertThat(r.unchecked()).containsExactly("NOT_A_WINDOWS_NAME");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.subject()).isEqualTo("EVENTLOG_WARNING_TYPE");
            assertThat(p.message()).contains("expected 2");
        });
    }

    @Test
    void x86OverrideMismatchIsCaught() {
        WinLayouts t = WinLayouts.parse("""
                {"constants": {"H": 18446744073709551615}, "constants_x86": {"H": 4294967294}}""");
        ConstantChecker.Result r = new ConstantChecker(t).check(PointerConstant.class);
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.arch()).isEqualTo("x86"));
    }

    static final class PointerConstant {
        static final long H = -1L;
    }

    /** ReportEventW as Windows declares it (@36), and with a 64-bit event id (@40). */
    interface GoodApi {
        int ReportEventW(Pointer h, short type, short category, int id, Pointer sid, short n, int size,
                         Pointer strings, Pointer data);

        int ReadEventLogW(Pointer h, int flags, int offset, Pointer buf, int n, IntByReference read, IntByReference min);

        int SomethingElse(int a);
    }

    interface BadApi {
        int ReportEventW(Pointer h, short type, short category, long id, Pointer sid, short n, int size,
                         Pointer strings, Pointer data);
    }

    @Test
    void stdcallByteCounts() {
        StdcallChecker c = new StdcallChecker(WinLayouts.load());
        StdcallChecker.Result good = c.check(GoodApi.class, Map.of());
        assertThat(good.problems()).isEmpty();
        assertThat(good.checked()).isEqualTo(2);
        assertThat(good.unchecked()).containsExactly("SomethingElse");
        assertThat(c.check(GoodApi.class, Map.of("SomethingElse", 8)).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("@8 expected, Java parameters give @4"));
        assertThat(c.check(BadApi.class, Map.of()).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("@36 expected, Java parameters give @40"));
    }
}
