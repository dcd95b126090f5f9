package io.winlog.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winlog.api.AccessDeniedException;
import io.winlog.api.PlatformNotSupportedException;
import io.winlog.jna.engine.InMemoryRegistry;
import io.winlog.jna.engine.RegistryValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Registration logic against an in-memory registry (runs on any OS). */
class EventSourceInstallerTest {
    private static final String ROOT = EventSourceInstaller.EVENTLOG_KEY;
    private static final String OURS = "%ProgramData%\\winlog\\0.1.0\\winlog-messages.dll";
    private static final String CATS = "%ProgramData%\\winlog\\0.1.0\\winlog-categories.dll";

    private final InMemoryRegistry reg = new InMemoryRegistry();
    private final EventSourceInstaller installer = new EventSourceInstaller(reg, Map.of("ProgramData", "C:\\ProgramData",
            "SystemRoot", "C:\\Windows"));

    {
        reg.createKey(ROOT + "\\Application\\Application");
        reg.createKey(ROOT + "\\System\\Service Control Manager");
        reg.setValue(ROOT + "\\Application\\Application", "EventMessageFile",
                new RegistryValue.Text("%SystemRoot%\\System32\\wevtapi.dll", true));
        reg.createKey(ROOT + "\\Security");
    }

    private SourceRegistration registration(String source, String log) {
        return new SourceRegistration(source, log, OURS, CATS, 5, SourceRegistration.ALL_TYPES, false);
    }

    @Test
    void installWritesEveryValueWithTheRightTypes() {
        InstallResult r = installer.install(registration("MyApp", "Application"));
        assertThat(r.outcome()).isEqualTo(InstallResult.Outcome.CREATED);
        assertThat(r.logCreated()).isFalse();
        String p = ROOT + "\\Application\\MyApp";
        assertThat(reg.value(p, "EventMessageFile")).contains(new RegistryValue.Text(OURS, true));
        assertThat(reg.value(p, "CategoryMessageFile")).contains(new RegistryValue.Text(CATS, true));
        assertThat(reg.value(p, "CategoryCount")).contains(new RegistryValue.Dword(5));
        assertThat(reg.value(p, "TypesSupported")).contains(new RegistryValue.Dword(0x1F));
        assertThat(reg.value(p, "CustomSource")).contains(new RegistryValue.Dword(1));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("does not exist"));
    }

    @Test
    void installIsIdempotent() {
        installer.install(registration("MyApp", "Application"));
        int writes = reg.writes;
        assertThat(installer.install(registration("myapp", "application")).outcome()).isEqualTo(InstallResult.Outcome.UNCHANGED);
        assertThat(reg.writes).isEqualTo(writes);
        var changed = new SourceRegistration("MyApp", "Application", OURS, CATS, 7, 0x07, false);
        assertThat(installer.install(changed).outcome()).isEqualTo(InstallResult.Outcome.UPDATED);
        assertThat(reg.value(ROOT + "\\Application\\MyApp", "CategoryCount")).contains(new RegistryValue.Dword(7));
    }

    @Test
    void sameFileSpelledDifferentlyIsStillOurs() {
        installer.install(registration("MyApp", "Application"));
        var expanded = new SourceRegistration("MyApp", "Application", "c:/programdata/winlog/0.1.0/WINLOG-MESSAGES.dll",
                CATS, 5, SourceRegistration.ALL_TYPES, false);
        assertThat(installer.install(expanded).outcome()).isEqualTo(InstallResult.Outcome.UPDATED);
    }

    @Test
    void refusesToOverwriteAnotherProductsSourceUnlessForced() {
        reg.createKey(ROOT + "\\Application\\Acme");
        reg.setValue(ROOT + "\\Application\\Acme", "EventMessageFile", new RegistryValue.Text("C:\\Acme\\msg.dll", false));
        int writes = reg.writes;
        assertThatThrownBy(() -> installer.install(registration("Acme", "Application")))
                .isInstanceOf(SourceConflictException.class).hasMessageContaining("C:\\Acme\\msg.dll")
                .hasMessageContaining("another product").hasMessageContaining("force");
        assertThat(reg.writes).isEqualTo(writes);
        assertThat(installer.install(registration("Acme", "Application").forced(true)).outcome())
                .isEqualTo(InstallResult.Outcome.UPDATED);
        assertThat(reg.value(ROOT + "\\Application\\Acme", "EventMessageFile")).contains(new RegistryValue.Text(OURS, true));
    }

    @Test
    void anEarlierWinlogMessageFileIsOursToUpdate(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var old = io.winlog.jna.messagedll.MessageDllFiles.ensureExtracted(dir.resolve("0.0.9"),
                io.winlog.jna.messagedll.MessageDllGenerator.DEFAULT_CATEGORIES);
        installer.install(SourceRegistration.of("MyApp", "Application", old.eventMessageFile(), old.categoryMessageFile(),
                old.categoryCount()));
        InstallResult r = installer.install(registration("MyApp", "Application"));
        assertThat(r.outcome()).isEqualTo(InstallResult.Outcome.UPDATED);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("replacing winlog's earlier message file"));
    }

    @Test
    void bundledRegistrationUsesTheExtractedDlls(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String prev = System.setProperty(io.winlog.jna.messagedll.MessageDllFiles.DIR_PROPERTY, dir.toString());
        try {
            SourceRegistration r = SourceRegistration.bundled("MyApp", "Application", List.of("Billing", "Shipping"));
            assertThat(r.categoryCount()).isEqualTo(2);
            assertThat(java.nio.file.Path.of(r.eventMessageFile())).startsWith(dir).isRegularFile();
            assertThat(io.winlog.jna.messagedll.MessageDllFiles.isWinlogMessageFile(java.nio.file.Path.of(r.eventMessageFile())))
                    .isTrue();
            assertThat(installer.install(r).warnings()).noneSatisfy(w -> assertThat(w).contains("does not exist"));
        } finally {
            if (prev == null) {
                System.clearProperty(io.winlog.jna.messagedll.MessageDllFiles.DIR_PROPERTY);
            } else {
                System.setProperty(io.winlog.jna.messagedll.MessageDllFiles.DIR_PROPERTY, prev);
            }
        }
    }

    @Test
    void sourceNamesAreGlobalAcrossLogs() {
        installer.install(registration("MyApp", "Application"));
        assertThatThrownBy(() -> installer.install(registration("MyApp", "MyCustomLog")))
                .isInstanceOf(SourceConflictException.class).hasMessageContaining("global")
                .hasMessageContaining("\"Application\"");
        assertThat(reg.keyExists(ROOT + "\\MyCustomLog")).isFalse();
        InstallResult moved = installer.install(registration("MyApp", "MyCustomLog").forced(true));
        assertThat(moved.warnings()).anySatisfy(w -> assertThat(w).contains("reboot"));
        assertThat(installer.status("MyApp").registrations()).singleElement()
                .satisfies(x -> assertThat(x.log()).isEqualTo("MyCustomLog"));
    }

    @Test
    void customLogIsCreatedAndEightCharPrefixIsChecked() {
        InstallResult r = installer.install(registration("Billing", "Contoso-Billing"));
        assertThat(r.logCreated()).isTrue();
        assertThat(reg.value(ROOT + "\\Contoso-Billing", "MaxSize")).contains(new RegistryValue.Dword(20 * 1024 * 1024));
        assertThatThrownBy(() -> installer.install(registration("Orders", "Contoso-Orders")))
                .isInstanceOf(SourceConflictException.class).hasMessageContaining("first 8 characters");
    }

    @Test
    void statusFindsDuplicatesAndDescribesThem() {
        installer.install(registration("Dup", "Application"));
        reg.createKey(ROOT + "\\System\\DUP");
        SourceStatus s = installer.status("dup");
        assertThat(s.registrations()).extracting(SourceStatus.Registration::log).containsExactlyInAnyOrder("Application", "System");
        assertThat(s.describe()).contains("WARNING").contains("global");
        assertThat(installer.status("Nobody").describe()).contains("not registered");
    }

    @Test
    void uninstallRemovesAndRefusesDefaultSources() {
        installer.install(registration("MyApp", "Application"));
        assertThat(installer.uninstall("MyApp", null, false)).containsExactly("Application");
        assertThat(installer.status("MyApp").installed()).isFalse();
        assertThat(installer.uninstall("MyApp", null, false)).isEmpty();
        assertThatThrownBy(() -> installer.uninstall("Application", "Application", false))
                .isInstanceOf(SourceConflictException.class).hasMessageContaining("default source");
    }

    @Test
    void accessDeniedExplainsElevation() {
        reg.readOnly = true;
        assertThatThrownBy(() -> installer.install(registration("MyApp", "Application")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("administrator")
                .hasMessageContaining("no elevation");
        assertThat(installer.status("MyApp").installed()).isFalse(); // reading works unelevated
        reg.unreadable.add((ROOT + "\\Security").toLowerCase(java.util.Locale.ROOT));
        SourceStatus s = installer.status("MyApp");
        assertThat(s.unreadableLogs()).containsExactly("Security");
        assertThat(s.describe()).contains("could not read log(s) Security");
    }

    @Test
    void dotNetZeroInstallRegistration() {
        SourceRegistration r = SourceRegistration.dotNet("Quick", "Application");
        installer.install(r);
        assertThat(reg.value(ROOT + "\\Application\\Quick", "EventMessageFile"))
                .contains(new RegistryValue.Text("%SystemRoot%\\Microsoft.NET\\Framework64\\v4.0.30319\\EventLogMessages.dll", true));
        assertThat(reg.value(ROOT + "\\Application\\Quick", "CategoryMessageFile")).isEmpty();
    }

    @Test
    void invalidNamesAreRefused() {
        assertThatThrownBy(() -> registration("a\\b", "Application")).hasMessageContaining("backslash");
        assertThatThrownBy(() -> registration("ok", "")).hasMessageContaining("log name");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void localInstallerOffWindowsSaysWhy() {
        assertThatThrownBy(EventSourceInstaller::local).isInstanceOf(PlatformNotSupportedException.class)
                .hasMessageContaining("needs Windows");
    }

    @Test
    void registryValueDecoding() {
        byte[] multi = "a\0bc\0\0".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        assertThat(JnaRegistry.decode(7, multi)).isEqualTo(new RegistryValue.MultiText(List.of("a", "bc")));
        assertThat(JnaRegistry.decode(4, new byte[] {0x1F, 0, 0, 0})).isEqualTo(new RegistryValue.Dword(0x1F));
        assertThat(JnaRegistry.decode(2, "x\0".getBytes(java.nio.charset.StandardCharsets.UTF_16LE)))
                .isEqualTo(new RegistryValue.Text("x", true));
    }
}
