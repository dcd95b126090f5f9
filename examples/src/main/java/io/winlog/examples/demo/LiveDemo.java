package io.winlog.examples.demo;

import io.winlog.api.AccessDeniedException;
import io.winlog.api.EventQuery;
import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import io.winlog.api.WinlogException;
import io.winlog.api.channel.SubscriberStats;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.NamedValue;
import io.winlog.jna.ClassicEventLogReader;
import io.winlog.jna.ClassicEventLogTail;
import io.winlog.jna.EventLogWriter;
import io.winlog.jna.EventSourceInstaller;
import io.winlog.jna.InstallResult;
import io.winlog.jna.SourceRegistration;
import io.winlog.jna.SourceStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code winlog demo --live} (Windows only): the same three subscribers as {@link Demo}, fed from
 * the real Event Log.
 *
 * <ol>
 *   <li>make sure the source {@value #SOURCE} can write to Application: registered already,
 *       installed now (elevated: winlog's message DLLs, else .NET's EventLogMessages.dll), or
 *       written unregistered (Windows accepts it; Event Viewer then says "description cannot be
 *       found") with the command that registers it;</li>
 *   <li>start a {@link ClassicEventLogTail} on Application at its end, then write
 *       {@link #testEvents(String)} with {@link EventLogWriter}: 5 failed-logon-like events for one
 *       account (applications cannot write to Security), an MsiInstaller-like failed removal and
 *       an information event, each tagged with this run's id;</li>
 *   <li>poll the tail until all of them are back (or {@link #TAIL_TIMEOUT}); everything else that
 *       arrived meanwhile is real traffic and is published too;</li>
 *   <li>read the newest Security 4625 events with {@link ClassicEventLogReader}, when the account
 *       may (elevated or in "Event Log Readers"); else say so;</li>
 *   <li>publish all of it through the EventChannel to the printer, the alert rule and the
 *       uninstall monitor, and print what each saw.</li>
 * </ol>
 */
public final class LiveDemo {
    /** The event source the demo writes as. */
    public static final String SOURCE = "winlog-demo";
    static final String LOG = "Application";
    static final Duration TAIL_TIMEOUT = Duration.ofSeconds(15);
    static final Duration POLL_EVERY = Duration.ofMillis(200);
    static final int SECURITY_LIMIT = 200;
    static final String DEMO_ACCOUNT = "WINLOG-DEMO";
    static final String DEMO_USER = "mallory";

    private final PrintStream out;
    /** Security 4625 events read, -1 when the log was not readable. */
    private int securityRead = -1;

    public LiveDemo(PrintStream out) {
        this.out = out;
    }

    /**
     * The test events of one run: 5 failed-logon-like warnings (id 4625, strings
     * {@link FailedLogonAlertRule#TEST_EVENT_STRINGS} + the tag), an MsiInstaller-like 1034 removal
     * with status 1603 (strings product, version, language, status, manufacturer, tag) and an
     * information event. Every event's last string is {@code tag}.
     */
    static List<EventSpec> testEvents(String tag) {
        List<EventSpec> events = new ArrayList<>();
        events.add(EventSpec.builder(1).type(EventType.INFORMATION)
                .strings("winlog demo --live started: the next events are TEST events, not real incidents", tag).build());
        for (int i = 0; i < 5; i++) {
            events.add(EventSpec.builder(4625).type(EventType.WARNING)
                    .strings(DEMO_ACCOUNT, DEMO_USER, "192.0.2." + (10 + i), tag).build());
        }
        events.add(EventSpec.builder(1034).type(EventType.ERROR)
                .strings("winlog demo test product", "1.0.0", "1033", "1603", "winlog", tag).build());
        return events;
    }

    /** Runs the live demo. */
    public LiveDemoReport run() {
        String tag = "winlog-demo-run-" + UUID.randomUUID().toString().substring(0, 8);
        out.println("winlog demo --live: the real Windows Event Log on " + System.getenv().getOrDefault("COMPUTERNAME", "this machine")
                + " (run tag " + tag + ")");

        out.println("\n1. event source \"" + SOURCE + "\" in " + LOG + ":");
        String sourceMode = ensureSource();

        List<EventRecord> tailed = new ArrayList<>();
        int written;
        int own;
        try (ClassicEventLogTail tail = ClassicEventLogTail.builder(LOG).maxPerPoll(500).build()) {
            List<EventSpec> specs = testEvents(tag);
            try (EventLogWriter w = EventLogWriter.builder().source(SOURCE).log(LOG).build()) {
                for (EventSpec s : specs) {
                    w.write(s);
                }
            }
            written = specs.size();
            out.printf("%n2. wrote %d TEST events to %s with ReportEvent (EventLogWriter): 5 failed-logon-like "
                    + "(4625, account %s\\%s), 1 MsiInstaller-like removal failure (1034, status 1603), 1 information%n",
                    written, LOG, DEMO_ACCOUNT, DEMO_USER);
            own = follow(tail, tag, written, tailed);
            out.printf("%n3. tailed %s with ClassicEventLogTail (ReadEventLog polling): %d records, %d of them this run's "
                    + "test events, %d from other sources (real traffic)%s%n", LOG, tailed.size(), own, tailed.size() - own,
                    tail.missedRecords() > 0 ? ", " + tail.missedRecords() + " overwritten before they were read" : "");
        }

        List<EventRecord> security = readSecurityFailures();
        List<EventRecord> events = new ArrayList<>(security);
        events.addAll(tailed);
        events.sort(Comparator.comparing(EventRecord::timeCreated, Comparator.nullsFirst(Comparator.naturalOrder())));

        out.printf("%n5. published %d events through an EventChannel to 3 subscribers; the console printer (query %s) shows:%n",
                events.size(), Demo.PRINTER_QUERY);
        ConsolePrinter printer = new ConsolePrinter(out, Demo.PRINT_LIMIT);
        FailedLogonAlertRule logons = new FailedLogonAlertRule(5, Duration.ofSeconds(60));
        UninstallFailureMonitor uninstalls = new UninstallFailureMonitor(Set.of("MsiInstaller", SOURCE));
        Map<String, SubscriberStats> stats = Demo.publish(events, printer, logons, uninstalls);
        if (printer.unprinted() > 0) {
            out.printf("  ... and %d more%n", printer.unprinted());
        }
        out.printf("%n6. alert rule \"≥ 5 failed logons for one account within 60 s\" (%d logon failures seen):%n", logons.seen());
        Demo.printAlerts(out, logons.alerts(), "no alert");
        out.printf("%n7. uninstall-failure monitor (%d installs, %d removals seen):%n", uninstalls.installs(), uninstalls.removals());
        Demo.printAlerts(out, uninstalls.failures(), "no failed removal");
        out.printf("%n8. channel statistics:%n  %-10s %9s %9s %9s %9s %10s%n",
                "subscriber", "published", "delivered", "dropped", "pending", "high-water");
        stats.forEach((name, s) -> out.printf("  %-10s %9d %9d %9d %9d %10d%n",
                name, s.published(), s.delivered(), s.dropped(), s.pending(), s.highWaterMark()));

        out.printf("%nWhat was real: the writes (ReportEvent into %s), the reads (OpenEventLog/ReadEventLog), %s and "
                + "every other event shown. What was staged: the %d events tagged %s are TEST events written by this demo; "
                + "the failed logons among them are Application events, because applications cannot write to Security.%n",
                LOG, security.isEmpty() ? "the Security check" : "the " + security.size() + " Security 4625 events", written, tag);
        return new LiveDemoReport(sourceMode, written, own, tailed.size(), securityRead, logons.alerts(), uninstalls.failures(), stats);
    }

    /** Registered already, installed now, or written unregistered (with what to run). */
    private String ensureSource() {
        EventSourceInstaller installer = EventSourceInstaller.local();
        SourceStatus status = installer.status(SOURCE);
        if (status.registrations().stream().anyMatch(r -> r.log().equalsIgnoreCase(LOG))) {
            out.println("  registered already");
            return "registered";
        }
        try {
            InstallResult r = installer.install(SourceRegistration.bundled(SOURCE, LOG, List.of()));
            out.println("  installed now with winlog's message DLLs (" + r.outcome() + "); remove with: winlog source uninstall --source " + SOURCE);
            return "installed";
        } catch (AccessDeniedException denied) {
            out.println("  not registered, and this process is not elevated so it cannot register it.");
            out.println("  Writing as an unregistered source: Windows accepts the events; Event Viewer shows \"The description");
            out.println("  for Event ID ... cannot be found\" around the text. To register it once, run elevated:");
            out.println("    winlog source install --source " + SOURCE + " --log " + LOG
                    + (installer.dotNetMessageFileExists() ? "   (or add --dotnet for .NET's EventLogMessages.dll)" : ""));
            return "unregistered";
        } catch (WinlogException e) {
            out.println("  could not register it (" + e.getMessage() + "); writing as an unregistered source");
            return "unregistered";
        }
    }

    /** Polls until every test event of this run is back or the timeout passes; returns how many came back. */
    private static int follow(ClassicEventLogTail tail, String tag, int expected, List<EventRecord> into) {
        long deadline = System.nanoTime() + TAIL_TIMEOUT.toNanos();
        int own = 0;
        while (true) {
            for (EventRecord e : tail.poll()) {
                into.add(e);
                if (isOwn(e, tag)) {
                    own++;
                }
            }
            if (own >= expected || System.nanoTime() > deadline) {
                return own;
            }
            try {
                Thread.sleep(POLL_EVERY.toMillis());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return own;
            }
        }
    }

    static boolean isOwn(EventRecord e, String tag) {
        List<NamedValue> data = e.eventData();
        return SOURCE.equals(e.providerName()) && !data.isEmpty() && tag.equals(data.get(data.size() - 1).value().text());
    }

    /** The newest Security 4625 events, or none with the reason printed. */
    private List<EventRecord> readSecurityFailures() {
        List<EventRecord> found = new ArrayList<>();
        out.print("\n4. Security log, newest failed logons (4625): ");
        try (ClassicEventLogReader r = ClassicEventLogReader.open(EventQuery.channel("Security")
                .withDirection(EventQuery.Direction.REVERSE).withQuery("*[System[EventID=4625]]"))) {
            for (EventRecord e = r.next(); e != null && found.size() < SECURITY_LIMIT; e = r.next()) {
                found.add(e);
            }
            securityRead = found.size();
            out.println(found.isEmpty() ? "none in the log (real: this machine has no failed logons recorded)"
                    : found.size() + " read (real events)");
        } catch (AccessDeniedException e) {
            out.println("not readable: this process is not elevated and not in \"Event Log Readers\" "
                    + "(run the demo as administrator to include them)");
        }
        return found;
    }
}
