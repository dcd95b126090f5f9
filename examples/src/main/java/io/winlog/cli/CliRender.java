package io.winlog.cli;

import io.winlog.api.event.EventRecord;
import io.winlog.api.filter.EventFilter;
import io.winlog.api.render.EventJson;
import io.winlog.api.render.EventXml;
import io.winlog.api.event.FileTime;
import io.winlog.api.event.NamedValue;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The record renderings the CLI prints: JSONL and XML of an {@link EventRecord} (through
 * winlog-api's renderers), one line of text, and the {@code --xpath} filter.
 */
final class CliRender {
    private CliRender() {
    }

    /** One reference-JSONL line (no newline). */
    static void json(EventRecord e, long headerRecordNum, Instant headerTimestamp, StringBuilder out) {
        EventJson.render(e, headerRecordNum, headerTimestamp, out);
    }

    /** The event as Windows-shaped XML (for records that have no BinXml tree, e.g. .evt). */
    static void xml(EventRecord e, StringBuilder out) {
        EventXml.render(e, out);
    }

    /** Compiles an event XPath filter. */
    static Predicate<EventRecord> filter(String xpath) {
        EventFilter f = EventFilter.compile(xpath);
        return f::matches;
    }

    /**
     * One line: time, record id, level, provider/event id, computer, channel, then the data values
     * ({@code name=value}, or the value alone for unnamed data).
     */
    static void text(EventRecord e, StringBuilder sb) {
        if (e.timeCreated() != null) {
            FileTime.appendFormatted(sb, e.timeCreated());
        } else {
            sb.append('-');
        }
        sb.append(" #").append(e.recordId());
        sb.append(' ').append(levelName(e.level()));
        sb.append(' ').append(e.providerName() == null ? "-" : e.providerName()).append('/').append(e.eventId());
        sb.append(' ').append(e.computer() == null ? "-" : e.computer());
        sb.append(' ').append(e.channel() == null ? "-" : e.channel());
        for (NamedValue nv : e.eventData()) {
            sb.append(' ');
            if (nv.name() != null) {
                sb.append(nv.name()).append('=');
            }
            appendOneLine(sb, nv.value().text());
        }
        if (e.userDataXml() != null) {
            sb.append(' ');
            appendOneLine(sb, e.userDataXml());
        }
    }

    private static String levelName(Integer level) {
        if (level == null) {
            return "-";
        }
        switch (level) {
            case 0: return "LogAlways";
            case 1: return "Critical";
            case 2: return "Error";
            case 3: return "Warning";
            case 4: return "Information";
            case 5: return "Verbose";
            default: return "Level" + level;
        }
    }

    /** Keeps one record per line: CR, LF and TAB are written as \r, \n, \t. */
    private static void appendOneLine(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\r': sb.append("\\r"); break;
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                default: sb.append(c);
            }
        }
    }
}
