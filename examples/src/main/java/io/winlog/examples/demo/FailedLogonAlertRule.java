package io.winlog.examples.demo;

import io.winlog.api.channel.EventHandler;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.NamedValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "At least N failed logons (4625) for one account within a window", over a sliding window in
 * event time (not wall-clock time, so replaying a file gives the same alerts as live).
 *
 * <p>One alert per burst: after alerting for an account, it alerts again only once that account's
 * window has fallen below the threshold. Runs on one subscriber thread; not thread-safe.
 */
public final class FailedLogonAlertRule implements EventHandler<EventRecord> {
    private final int threshold;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private final Map<String, Boolean> alerting = new HashMap<>();
    private final List<Alert> alerts = new ArrayList<>();
    private long seen;

    public FailedLogonAlertRule(int threshold, Duration window) {
        this.threshold = threshold;
        this.window = window;
    }

    @Override
    public void onEvent(EventRecord e, long sequence, boolean endOfBatch) {
        if (e.eventId() != 4625 || e.timeCreated() == null) {
            return;
        }
        seen++;
        String account = account(e);
        Deque<Instant> times = failures.computeIfAbsent(account, k -> new ArrayDeque<>());
        Instant now = e.timeCreated();
        times.addLast(now);
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.removeFirst();
        }
        boolean over = times.size() >= threshold;
        if (over && !alerting.getOrDefault(account, false)) {
            Duration span = Duration.between(times.peekFirst(), now);
            alerts.add(new Alert("failed-logons", account, now, String.format(
                    "%d failed logons for %s within %d s (from %s)", times.size(), account, span.toSeconds(),
                    ipAddress(e))));
        }
        alerting.put(account, over);
    }

    /**
     * the account ({@code DOMAIN}, backslash, {@code user}) of a failed logon. Read through wevtapi or from .evtx the data is named
     * ({@code TargetDomainName}, {@code TargetUserName}); read through the classic API it is the
     * positional insertion strings: for Security-Auditing 4625 the manifest's order (TargetUserName
     * is string 6, TargetDomainName 7, IpAddress 20, 1-based), for the live demo's test events
     * (source {@code winlog-demo} in Application, which applications can write) the
     * {@link #TEST_EVENT_STRINGS} order.
     */
    static String account(EventRecord e) {
        EventValue user = e.data("TargetUserName");
        if (user != null) {
            return text(e.data("TargetDomainName")) + "\\" + user.text();
        }
        boolean security = SECURITY_PROVIDER.equals(e.providerName());
        return positional(e, security ? 6 : 0) + "\\" + positional(e, security ? 5 : 1);
    }

    static String ipAddress(EventRecord e) {
        EventValue ip = e.data("IpAddress");
        if (ip != null || !e.eventData().stream().allMatch(nv -> nv.name() == null)) {
            return text(ip);
        }
        return positional(e, SECURITY_PROVIDER.equals(e.providerName()) ? 19 : 2);
    }

    /** The insertion strings of the live demo's failed-logon test events, in order. */
    public static final List<String> TEST_EVENT_STRINGS = List.of("TargetDomainName", "TargetUserName", "IpAddress");
    private static final String SECURITY_PROVIDER = "Microsoft-Windows-Security-Auditing";

    private static String positional(EventRecord e, int index) {
        List<NamedValue> data = e.eventData();
        return index < data.size() && data.get(index).name() == null ? data.get(index).value().text() : "?";
    }

    private static String text(EventValue v) {
        return v == null ? "?" : v.text();
    }

    /** Alerts raised so far (read after the subscription has drained). */
    public List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    /** Number of 4625 events evaluated. */
    public long seen() {
        return seen;
    }
}
