package io.winlog.examples.demo;

import io.winlog.api.channel.EventHandler;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.FileTime;
import io.winlog.api.event.Levels;
import io.winlog.api.event.NamedValue;
import java.io.PrintStream;

/**
 * Prints one short line per event it receives (its subscription decides which: the demo gives
 * it an XPath filter for errors and warnings), up to a limit, then counts the rest.
 */
public final class ConsolePrinter implements EventHandler<EventRecord> {
    private final PrintStream out;
    private final int limit;
    private long received;

    public ConsolePrinter(PrintStream out, int limit) {
        this.out = out;
        this.limit = limit;
    }

    @Override
    public void onEvent(EventRecord e, long sequence, boolean endOfBatch) {
        if (received++ < limit) {
            out.println(line(e));
        }
    }

    /** {@code 09:03:00.123  Error        Application Error 1000  OrderService.exe ...}. */
    static String line(EventRecord e) {
        String time = FileTime.format(e.timeCreated()).substring(11, 23);
        String level = e.level() == null ? "-" : Levels.name(e.level());
        StringBuilder data = new StringBuilder();
        for (NamedValue nv : e.eventData()) {
            String v = nv.value().text().replaceAll("\\s+", " ").trim();
            if (!v.isEmpty() && !v.equals("(NULL)")) {
                if (data.length() > 0) {
                    data.append(" | ");
                }
                data.append(v);
            }
            if (data.length() > 70) {
                data.setLength(70);
                data.append("...");
                break;
            }
        }
        return String.format("  %s  %-11s %-18s %5d  %s", time, level, e.providerName(), e.eventId(), data);
    }

    /** Events received (printed or not). */
    public long received() {
        return received;
    }

    /** Events received beyond the print limit. */
    public long unprinted() {
        return Math.max(0, received - limit);
    }
}
