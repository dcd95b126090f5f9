package io.winlog.examples.demo;

import io.winlog.api.channel.EventHandler;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.NamedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Watches MsiInstaller events for failed product removals. Windows Installer logs a removal as
 * 11724 ("Removal completed successfully") or 11725 ("Removal failed") followed by 1034
 * ("Windows Installer removed the product ... Removal success or error status: %4"); a non-zero
 * status in 1034 is the authoritative failure (1603: fatal error, 1618: another install in
 * progress...). Installs (11707/1033) are counted for context.
 */
public final class UninstallFailureMonitor implements EventHandler<EventRecord> {
    private final Set<String> providers;
    private final List<Alert> failures = new ArrayList<>();
    private int installs;
    private int removals;

    /** Watches MsiInstaller events. */
    public UninstallFailureMonitor() {
        this(Set.of("MsiInstaller"));
    }

    /**
     * Watches events of these providers laid out like MsiInstaller's (the live demo adds its own
     * source {@code winlog-demo}, whose MsiInstaller-like test events carry the same strings).
     */
    public UninstallFailureMonitor(Set<String> providers) {
        this.providers = Set.copyOf(providers);
    }

    @Override
    public void onEvent(EventRecord e, long sequence, boolean endOfBatch) {
        if (!providers.contains(e.providerName())) {
            return;
        }
        switch (e.eventId()) {
            case 11707: installs++; break;
            case 1034: {
                removals++;
                String product = string(e, 0);
                String version = string(e, 1);
                String status = string(e, 3);
                if (!"0".equals(status)) {
                    failures.add(new Alert("uninstall-failure", product, e.timeCreated(), String.format(
                            "removal of %s %s failed with status %s%s", product, version, status, explain(status))));
                }
                break;
            }
            default: break;
        }
    }

    private static String string(EventRecord e, int index) {
        List<NamedValue> data = e.eventData();
        return index < data.size() ? data.get(index).value().text() : "?";
    }

    private static String explain(String status) {
        switch (status) {
            case "1603": return " (ERROR_INSTALL_FAILURE: fatal error during installation)";
            case "1618": return " (ERROR_INSTALL_ALREADY_RUNNING: another installation is in progress)";
            case "1605": return " (ERROR_UNKNOWN_PRODUCT)";
            default: return "";
        }
    }

    public List<Alert> failures() {
        return List.copyOf(failures);
    }

    public int installs() {
        return installs;
    }

    public int removals() {
        return removals;
    }
}
