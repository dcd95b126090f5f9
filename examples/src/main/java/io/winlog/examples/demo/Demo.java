package io.winlog.examples.demo;

import io.winlog.api.EventReader;
import io.winlog.api.channel.BackpressurePolicy;
import io.winlog.api.channel.EventChannel;
import io.winlog.api.channel.SubscriberConfig;
import io.winlog.api.channel.SubscriberStats;
import io.winlog.api.channel.Subscription;
import io.winlog.api.event.EventRecord;
import io.winlog.api.filter.EventFilter;
import io.winlog.evtx.EvtxReader;
import io.winlog.evtx.write.EvtxWriter;
import io.winlog.evtx.write.EvtxWriterOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code winlog demo}: the whole SDK end to end on the embedded {@link DemoScenario}, on any OS.
 *
 * <ol>
 *   <li>write the scenario through the writer API ({@link EvtxWriter}) into one .evtx file per
 *       channel, as Windows keeps them;</li>
 *   <li>read the files back with {@link EvtxReader} and check every event against what was
 *       written;</li>
 *   <li>publish the events through an {@link EventChannel} on topics ({@link EventTopics}) to
 *       three subscribers: a console printer (XPath filter: errors and warnings), the failed-logon
 *       alert rule and the uninstall-failure monitor;</li>
 *   <li>report what each saw and the channel statistics.</li>
 * </ol>
 */
public final class Demo {
    /** Printed errors and warnings at most; the rest are counted. */
    static final int PRINT_LIMIT = 12;
    /** The printer's subscription filter, in the Windows event query language. */
    static final String PRINTER_QUERY = "*[System[(Level=1 or Level=2 or Level=3)]]";

    private final Path dir;
    private final long seed;
    private final PrintStream out;

    public Demo(Path dir, long seed, PrintStream out) {
        this.dir = dir;
        this.seed = seed;
        this.out = out;
    }

    /** Runs the demo, printing as it goes, and returns what happened. */
    public DemoReport run() {
        List<EventRecord> scenario = DemoScenario.generate(seed);
        out.println("winlog demo: " + scenario.size() + " events of a Windows server's morning ("
                + DemoScenario.COMPUTER + ", seed " + seed + ")");

        Map<String, Path> files = write(scenario);
        List<EventRecord> events = readBack(files);
        int identical = countIdentical(scenario, events);
        out.printf("%n2. read back %d events with EvtxReader; %d of %d identical to what was written%n",
                events.size(), identical, scenario.size());

        out.printf("%n3. published through an EventChannel to 3 subscribers; the console printer "
                + "(query %s) shows:%n", PRINTER_QUERY);
        ConsolePrinter printer = new ConsolePrinter(out, PRINT_LIMIT);
        FailedLogonAlertRule logons = new FailedLogonAlertRule(5, Duration.ofSeconds(60));
        UninstallFailureMonitor uninstalls = new UninstallFailureMonitor();
        Map<String, SubscriberStats> stats = publish(events, printer, logons, uninstalls);
        if (printer.unprinted() > 0) {
            out.printf("  ... and %d more%n", printer.unprinted());
        }

        out.printf("%n4. alert rule \"≥ 5 failed logons for one account within 60 s\" (%d logon failures seen):%n",
                logons.seen());
        printAlerts(logons.alerts(), "no alert");
        out.printf("%n5. uninstall-failure monitor (%d installs, %d removals seen):%n",
                uninstalls.installs(), uninstalls.removals());
        printAlerts(uninstalls.failures(), "no failed removal");

        out.printf("%n6. channel statistics:%n  %-10s %9s %9s %9s %9s %10s%n",
                "subscriber", "published", "delivered", "dropped", "pending", "high-water");
        stats.forEach((name, s) -> out.printf("  %-10s %9d %9d %9d %9d %10d%n",
                name, s.published(), s.delivered(), s.dropped(), s.pending(), s.highWaterMark()));

        out.printf("%nWhat ran: the pure-Java writer, reader, XPath filter and channel, on %s. No live Windows log "
                + "was read or written; on Windows, 'winlog demo --live' would do that.%n", System.getProperty("os.name"));
        out.println("Inspect the files: java -jar examples/target/winlog.jar dump " + files.get("Security"));
        return new DemoReport(files, scenario.size(), events.size(), identical, printer.received(),
                logons.alerts(), uninstalls.failures(), stats);
    }

    private Map<String, Path> write(List<EventRecord> scenario) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Map<String, List<EventRecord>> byChannel = new LinkedHashMap<>();
        for (EventRecord e : scenario) {
            byChannel.computeIfAbsent(e.channel(), c -> new ArrayList<>()).add(e);
        }
        Map<String, Path> files = new LinkedHashMap<>();
        out.println("\n1. wrote them with EvtxWriter, one file per channel:");
        for (Map.Entry<String, List<EventRecord>> entry : byChannel.entrySet()) {
            Path file = dir.resolve(entry.getKey() + ".evtx");
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot replace " + file, e);
            }
            EvtxWriterOptions options = EvtxWriterOptions.builder().channel(entry.getKey())
                    .computer(DemoScenario.COMPUTER).build();
            try (EvtxWriter w = EvtxWriter.create(file, options)) {
                for (EventRecord e : entry.getValue()) {
                    w.write(e);
                }
            }
            files.put(entry.getKey(), file);
            out.printf("  %-12s %4d events  %s (%d bytes)%n", entry.getKey(), entry.getValue().size(), file, size(file));
        }
        return files;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static List<EventRecord> readBack(Map<String, Path> files) {
        List<EventRecord> all = new ArrayList<>();
        for (Path file : files.values()) {
            try (EventReader r = EvtxReader.open(file)) {
                for (EventRecord e : r) {
                    all.add(e);
                }
            }
        }
        // Merge the channels back into one timeline; the sort is stable, so ties keep file order.
        all.sort(Comparator.comparing(EventRecord::timeCreated));
        return all;
    }

    /** Compares each read event with the written one, ignoring the record id the writer assigned. */
    private static int countIdentical(List<EventRecord> written, List<EventRecord> read) {
        Map<String, List<EventRecord>> byKey = new LinkedHashMap<>();
        for (EventRecord e : written) {
            byKey.computeIfAbsent(key(e), k -> new ArrayList<>()).add(e);
        }
        int identical = 0;
        for (EventRecord r : read) {
            List<EventRecord> candidates = byKey.get(key(r));
            EventRecord normalized = r.toBuilder().recordId(0).build();
            if (candidates != null && candidates.remove(normalized)) {
                identical++;
            }
        }
        return identical;
    }

    private static String key(EventRecord e) {
        return e.channel() + "|" + e.timeCreated() + "|" + e.eventId();
    }

    /**
     * Publishes {@code events} through an {@link EventChannel} to the three subscribers (the
     * printer with the errors-and-warnings XPath filter, the alert rule on {@code *.logon.failed},
     * the monitor on {@code application.install}), drains and returns their statistics. Shared by
     * the file-based and the live demo.
     */
    static Map<String, SubscriberStats> publish(List<EventRecord> events, ConsolePrinter printer,
                                                FailedLogonAlertRule logons, UninstallFailureMonitor uninstalls) {
        EventFilter errorsAndWarnings = EventFilter.compile(PRINTER_QUERY);
        Map<String, SubscriberStats> stats = new LinkedHashMap<>();
        try (EventChannel<EventRecord> channel = EventChannel.<EventRecord>builder().name("demo").build()) {
            // BLOCK everywhere: a demo (like an audit pipeline) must not lose events; it only
            // makes the publisher wait when a subscriber falls a whole ring behind.
            List<Subscription<EventRecord>> subs = List.of(
                    channel.subscribe(SubscriberConfig.<EventRecord>builder("printer").topics("#")
                            .filter(errorsAndWarnings::matches).policy(BackpressurePolicy.BLOCK)
                            .drainOnClose(true).handler(printer).build()),
                    channel.subscribe(SubscriberConfig.<EventRecord>builder("logons").topics("*.logon.failed")
                            .policy(BackpressurePolicy.BLOCK).drainOnClose(true).handler(logons).build()),
                    channel.subscribe(SubscriberConfig.<EventRecord>builder("uninstall").topics("application.install")
                            .policy(BackpressurePolicy.BLOCK).drainOnClose(true).handler(uninstalls).build()));
            for (EventRecord e : events) {
                channel.publish(channel.topic(EventTopics.of(e)), e);
            }
            channel.close(); // drains every subscriber, then stops their threads
            for (Subscription<EventRecord> s : subs) {
                stats.put(s.name(), s.stats());
            }
        }
        return stats;
    }

    void printAlerts(List<Alert> alerts, String none) {
        printAlerts(out, alerts, none);
    }

    static void printAlerts(PrintStream out, List<Alert> alerts, String none) {
        if (alerts.isEmpty()) {
            out.println("  " + none);
        }
        for (Alert a : alerts) {
            out.printf("  ALERT %s  %s%n", io.winlog.api.event.FileTime.format(a.time()).substring(11, 19), a.message());
        }
    }
}
