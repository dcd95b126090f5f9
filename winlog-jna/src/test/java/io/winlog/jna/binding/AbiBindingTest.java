package io.winlog.jna.binding;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.testkit.abi.ConstantChecker;
import io.winlog.testkit.abi.StdcallChecker;
import io.winlog.testkit.abi.StructureLayoutChecker;
import io.winlog.testkit.abi.StructureScanner;
import io.winlog.testkit.abi.WinLayouts;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every Structure, constant and function of this module's bindings against win-layouts.json. */
class AbiBindingTest {

    @Test
    void everyStructureMatchesX64AndX86() {
        var structures = StructureScanner.find("io.winlog.jna.binding");
        assertThat(structures).contains(EventLogRecord.class);
        new StructureLayoutChecker(WinLayouts.load()).assertLayouts(structures);
    }

    @Test
    void everyConstantMatchesTheHeaders() {
        ConstantChecker.Result r = new ConstantChecker(WinLayouts.load()).check(WinConstants.class);
        assertThat(r.problems()).isEmpty();
        assertThat(r.unchecked()).as("every WinConstants name must be in the ABI table").isEmpty();
        assertThat(r.checked()).isGreaterThan(30);
        // EVENTLOGRECORD's magic is not a header constant; its value is checked in the codec tests.
        assertThat(new ConstantChecker(WinLayouts.load()).check(EventLogRecord.class).unchecked()).containsExactly("MAGIC");
    }

    @Test
    void registryConstantsNotInTheTableAreTheSdkValues() {
        // win-layouts.json does not carry winreg.h; these are the SDK values (Microsoft Learn:
        // "Registry Value Types", "Registry Key Security and Access Rights", "Predefined Keys").
        assertThat(new ConstantChecker(WinLayouts.load()).check(RegistryConstants.class).checked()).isZero();
        assertThat(RegistryConstants.REG_SZ).isEqualTo(1);
        assertThat(RegistryConstants.REG_EXPAND_SZ).isEqualTo(2);
        assertThat(RegistryConstants.REG_DWORD).isEqualTo(4);
        assertThat(RegistryConstants.KEY_READ).isEqualTo(0x20019); // STANDARD_RIGHTS_READ|QUERY_VALUE|ENUMERATE_SUB_KEYS|NOTIFY
        assertThat(RegistryConstants.KEY_WRITE).isEqualTo(0x20006); // STANDARD_RIGHTS_WRITE|SET_VALUE|CREATE_SUB_KEY
        assertThat(RegistryConstants.KEY_ALL_ACCESS).isEqualTo(0xF003F);
        assertThat(RegistryConstants.hkeyLocalMachine().toString()).contains("0xffffffff80000002");
    }

    @Test
    void everyFunctionHasTheX86StdcallByteCount() {
        WinLayouts t = WinLayouts.load();
        // The registry functions are not in the table: byte counts from their documented prototypes
        // (every argument is a 4-byte HKEY/pointer/DWORD on x86).
        Map<String, Integer> registry = Map.of("RegCreateKeyExW", 36, "RegOpenKeyExW", 20, "RegSetValueExW", 24,
                "RegQueryValueExW", 24, "RegEnumKeyExW", 32, "RegDeleteTreeW", 8, "RegDeleteKeyW", 8, "RegCloseKey", 4);
        StdcallChecker.Result advapi = new StdcallChecker(t).check(Advapi32.class, registry);
        assertThat(advapi.problems()).isEmpty();
        assertThat(advapi.unchecked()).isEmpty();
        assertThat(advapi.checked()).isEqualTo(8 + registry.size());
        StdcallChecker.Result kernel = new StdcallChecker(t).check(Kernel32.class, Map.of());
        assertThat(kernel.problems()).isEmpty();
        assertThat(kernel.unchecked()).isEmpty();
        for (String f : new String[] {"RegisterEventSourceW", "ReportEventW", "ReadEventLogW"}) {
            assertThat(t.functionDll(f)).contains("advapi32.dll");
        }
        assertThat(t.functionDll("FormatMessageW")).contains("kernel32.dll");
    }
}
