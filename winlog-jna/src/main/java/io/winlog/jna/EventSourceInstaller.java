package io.winlog.jna;

import io.winlog.api.AccessDeniedException;
import io.winlog.api.WinlogException;
import io.winlog.jna.binding.WinConstants;
import io.winlog.jna.engine.RegistryApi;
import io.winlog.jna.engine.RegistryValue;
import io.winlog.jna.messagedll.MessageDllFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers, inspects and removes classic event sources:
 * {@code HKLM\SYSTEM\CurrentControlSet\Services\EventLog\<log>\<source>} with
 * {@code EventMessageFile} and {@code CategoryMessageFile} (REG_EXPAND_SZ), {@code TypesSupported},
 * {@code CategoryCount} and {@code CustomSource} (REG_DWORD).
 *
 * <ul>
 *   <li><b>Idempotent</b>: installing what is already there changes nothing
 *       ({@link InstallResult.Outcome#UNCHANGED}); differing values are updated.</li>
 *   <li><b>Never silently takes over</b>: a source of that name with another EventMessageFile
 *       (unless that file is a winlog message DLL of any version) is most likely another product's, and the same name under another log would be moved;
 *       both throw {@link SourceConflictException} unless {@code force}.</li>
 *   <li><b>Custom logs</b>: a missing log key is created (MaxSize 20 MB, overwrite as needed).
 *       Source names are global across logs: {@link #status} finds the name under every log.</li>
 *   <li><b>Needs elevation</b>: writing under HKLM requires an administrator;
 *       {@code ERROR_ACCESS_DENIED} becomes an {@link AccessDeniedException} that says so. Writing
 *       events later needs no elevation.</li>
 * </ul>
 *
 * <p>The logic runs on a {@link RegistryApi}, so it is tested on any OS with an in-memory
 * registry; {@link #local()} uses the real one (Windows only). Local machine only.
 */
public final class EventSourceInstaller {
    /** Registry path of the classic logs under HKLM. */
    public static final String EVENTLOG_KEY = "SYSTEM\\CurrentControlSet\\Services\\EventLog";
    /** MaxSize for a custom log the installer creates: 20 MB, the Application log's default. */
    static final int CUSTOM_LOG_MAX_SIZE = 20 * 1024 * 1024;
    private static final Pattern ENV = Pattern.compile("%([^%]+)%");

    private final RegistryApi registry;
    private final Map<String, String> environment;

    /** An installer over {@code registry}, expanding %VARS% in file names from the process environment. */
    public EventSourceInstaller(RegistryApi registry) {
        this(registry, System.getenv());
    }

    /** An installer over {@code registry} with an explicit environment for %VAR% expansion (tests). */
    public EventSourceInstaller(RegistryApi registry, Map<String, String> environment) {
        this.registry = registry;
        this.environment = environment;
    }

    /**
     * The installer for this machine's registry.
     *
     * @throws io.winlog.api.PlatformNotSupportedException when not on Windows
     */
    public static EventSourceInstaller local() {
        WindowsEventLog.requireWindows("Installing an event source (registry HKLM\\" + EVENTLOG_KEY + ")");
        return new EventSourceInstaller(new JnaRegistry(WindowsEventLog.advapi32()));
    }

    /** True when .NET Framework 4's EventLogMessages.dll exists here (zero-install mode). */
    public boolean dotNetMessageFileExists() {
        String p = expand(SourceRegistration.DOTNET_EVENT_LOG_MESSAGES);
        return !p.contains("%") && Files.isRegularFile(Path.of(p));
    }

    /**
     * Registers the source (idempotent).
     *
     * @throws SourceConflictException when the name belongs to another registration and not {@code force}
     * @throws AccessDeniedException   when not elevated
     */
    public InstallResult install(SourceRegistration r) {
        return guard("install event source \"" + r.source() + "\"", () -> doInstall(r));
    }

    private InstallResult doInstall(SourceRegistration r) {
        SourceStatus status = find(r.source());
        List<String> warnings = new ArrayList<>();
        SourceStatus.Registration same = null;
        for (SourceStatus.Registration reg : status.registrations()) {
            if (reg.log().equalsIgnoreCase(r.log())) {
                same = reg;
            }
        }
        for (SourceStatus.Registration reg : status.registrations()) {
            if (reg == same) {
                continue;
            }
            if (!r.force()) {
                throw new SourceConflictException("source \"" + r.source() + "\" is already registered in log \""
                        + reg.log() + "\" (EventMessageFile=" + reg.eventMessageFile() + "). Source names are global "
                        + "across logs, so it cannot also be in \"" + r.log() + "\". Choose another source name, "
                        + "uninstall it from \"" + reg.log() + "\", or use force to move it.");
            }
            registry.deleteTree(EVENTLOG_KEY + "\\" + reg.log() + "\\" + reg.keyName());
            warnings.add("moved source \"" + r.source() + "\" from log \"" + reg.log() + "\" to \"" + r.log()
                    + "\": the Event Log service keeps routing it to \"" + reg.log() + "\" until it restarts (reboot)");
        }
        if (same != null && same.eventMessageFile() != null && !sameFiles(same.eventMessageFile(), r.eventMessageFile())
                && isWinlogFile(same.eventMessageFile())) {
            warnings.add("replacing winlog's earlier message file " + same.eventMessageFile() + " with " + r.eventMessageFile());
        } else if (same != null && same.eventMessageFile() != null && !sameFiles(same.eventMessageFile(), r.eventMessageFile())
                && !r.force()) {
            throw new SourceConflictException("source \"" + r.source() + "\" in log \"" + r.log()
                    + "\" is registered with EventMessageFile=" + same.eventMessageFile() + ", not "
                    + r.eventMessageFile() + ": it probably belongs to another product. Choose another source name, "
                    + "or use force to overwrite its registration.");
        }
        String logPath = EVENTLOG_KEY + "\\" + r.log();
        boolean logCreated = false;
        if (!registry.keyExists(logPath)) {
            checkLogNameUnique(r.log());
            registry.createKey(logPath);
            registry.setValue(logPath, "MaxSize", new RegistryValue.Dword(CUSTOM_LOG_MAX_SIZE));
            registry.setValue(logPath, "Retention", new RegistryValue.Dword(0));
            logCreated = true;
            warnings.add("created custom log \"" + r.log() + "\"; Event Viewer lists it under "
                    + "'Applications and Services Logs' once the first event is written");
        }
        String path = logPath + "\\" + (same != null ? same.keyName() : r.source());
        Map<String, RegistryValue> want = new LinkedHashMap<>();
        want.put("EventMessageFile", new RegistryValue.Text(r.eventMessageFile(), true));
        if (r.categoryMessageFile() != null) {
            want.put("CategoryMessageFile", new RegistryValue.Text(r.categoryMessageFile(), true));
            want.put("CategoryCount", new RegistryValue.Dword(r.categoryCount()));
        }
        want.put("TypesSupported", new RegistryValue.Dword(r.typesSupported()));
        want.put("CustomSource", new RegistryValue.Dword(1));
        boolean created = same == null;
        if (created) {
            registry.createKey(path);
        }
        boolean changed = false;
        for (Map.Entry<String, RegistryValue> e : want.entrySet()) {
            Optional<RegistryValue> have = registry.value(path, e.getKey());
            if (have.isEmpty() || !have.get().equals(e.getValue())) {
                registry.setValue(path, e.getKey(), e.getValue());
                changed = true;
            }
        }
        if (!created && r.categoryMessageFile() == null && registry.value(path, "CategoryMessageFile").isPresent()) {
            warnings.add("left the existing CategoryMessageFile in place (this registration has none)");
        }
        String file = expand(r.eventMessageFile().split(";")[0]);
        if (!file.contains("%") && !Files.isRegularFile(Path.of(file))) {
            warnings.add("EventMessageFile " + file + " does not exist: Event Viewer will say the description "
                    + "cannot be found until it does");
        }
        InstallResult.Outcome outcome = created ? InstallResult.Outcome.CREATED
                : changed ? InstallResult.Outcome.UPDATED : InstallResult.Outcome.UNCHANGED;
        return new InstallResult(outcome, r.log(), logCreated, warnings);
    }

    /**
     * Removes the source from {@code log} (or from every log when {@code log} is null).
     * Refuses to remove a log's default source (a source named like its log) unless {@code force}.
     *
     * @return the logs it was removed from (empty when it was not registered)
     */
    public List<String> uninstall(String source, String log, boolean force) {
        EventLogWriter.validateSourceName(source);
        return guard("uninstall event source \"" + source + "\"", () -> {
            List<String> removed = new ArrayList<>();
            for (SourceStatus.Registration reg : find(source).registrations()) {
                if (log != null && !reg.log().equalsIgnoreCase(log)) {
                    continue;
                }
                if (reg.keyName().equalsIgnoreCase(reg.log()) && !force) {
                    throw new SourceConflictException("\"" + reg.keyName() + "\" is the default source of log \""
                            + reg.log() + "\"; removing it breaks that log's own events. Use force if you really mean it.");
                }
                registry.deleteTree(EVENTLOG_KEY + "\\" + reg.log() + "\\" + reg.keyName());
                removed.add(reg.log());
            }
            return removed;
        });
    }

    /** Every registration of {@code source}, across all logs. */
    public SourceStatus status(String source) {
        EventLogWriter.validateSourceName(source);
        return guard("read the registration of event source \"" + source + "\"", () -> find(source));
    }

    private SourceStatus find(String source) {
        List<SourceStatus.Registration> out = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String log : registry.subKeys(EVENTLOG_KEY)) {
            String logPath = EVENTLOG_KEY + "\\" + log;
            List<String> keys;
            try {
                keys = registry.subKeys(logPath);
            } catch (WinlogException e) {
                if (e.win32Error() != WinConstants.ERROR_ACCESS_DENIED) {
                    throw e;
                }
                unreadable.add(log); // the Security log's key is admin-only
                continue;
            }
            for (String key : keys) {
                if (key.equalsIgnoreCase(source)) {
                    String p = logPath + "\\" + key;
                    out.add(new SourceStatus.Registration(log, key, text(p, "EventMessageFile"),
                            text(p, "CategoryMessageFile"), dword(p, "CategoryCount"), dword(p, "TypesSupported"),
                            dword(p, "CustomSource")));
                }
            }
        }
        return new SourceStatus(source, out, unreadable);
    }

    private void checkLogNameUnique(String log) {
        // Legacy rule kept by .NET's EventLog.CreateEventSource: the first 8 characters of a log
        // name must be unique (they named the .evt file).
        String prefix = log.substring(0, Math.min(8, log.length())).toLowerCase(Locale.ROOT);
        for (String other : registry.subKeys(EVENTLOG_KEY)) {
            if (other.substring(0, Math.min(8, other.length())).toLowerCase(Locale.ROOT).equals(prefix)) {
                throw new SourceConflictException("cannot create log \"" + log + "\": its first 8 characters match "
                        + "existing log \"" + other + "\" (Windows requires them to be unique). Choose another log name.");
            }
        }
    }

    private String text(String path, String name) {
        return registry.value(path, name).map(v -> v instanceof RegistryValue.Text t ? t.value() : v.toString())
                .orElse(null);
    }

    private Integer dword(String path, String name) {
        return registry.value(path, name).map(v -> v instanceof RegistryValue.Dword d ? d.value() : null).orElse(null);
    }

    /** True when the (first) file is a message DLL winlog generated, of any version: ours to update. */
    private boolean isWinlogFile(String files) {
        String first = expand(files.split(";")[0]).trim();
        try {
            return !first.contains("%") && MessageDllFiles.isWinlogMessageFile(Path.of(first));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** Same file list, ignoring case, slash direction and %VAR% spelling. */
    boolean sameFiles(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    private String normalize(String files) {
        return expand(files).replace('/', '\\').trim().toLowerCase(Locale.ROOT);
    }

    /** Expands %VAR% from the environment (case-insensitive names, as on Windows); unknown ones stay. */
    String expand(String s) {
        Matcher m = ENV.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = null;
            for (Map.Entry<String, String> e : environment.entrySet()) {
                if (e.getKey().equalsIgnoreCase(m.group(1))) {
                    v = e.getValue();
                }
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static <T> T guard(String what, Supplier<T> op) {
        try {
            return op.get();
        } catch (AccessDeniedException e) {
            throw e;
        } catch (WinlogException e) {
            if (e.win32Error() == WinConstants.ERROR_ACCESS_DENIED) {
                throw new AccessDeniedException("cannot " + what + ": writing under HKLM\\" + EVENTLOG_KEY
                        + " needs administrator rights. Run it from an elevated prompt ('Run as administrator') or "
                        + "from your installer; writing events afterwards needs no elevation. (" + e.getMessage() + ")",
                        e.win32Error());
            }
            throw e;
        }
    }
}
