package io.winlog.api.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.NamedValue;
import io.winlog.api.event.ValueType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real queries (Event Viewer, Winlogbeat, Sysmon and Security detections, QueryList) against
 * every record of the reference samples. The expected result of each query is computed by plain
 * Java over the same records, independently of the filter's code.
 */
class EventFilterReferenceTest {
    /** "Now" for timediff(): a fixed instant inside the samples' time span. */
    static final Instant NOW = Instant.parse("2016-07-09T00:00:00Z");
    static final long SIX_HOURS = 6L * 3600 * 1000;
    static final long AUDIT_FAILURE = 0x10000000000000L;
    static final long AUDIT_SUCCESS = 0x20000000000000L;

    record Case(String name, String query, Predicate<EventRecord> expected, boolean mustMatchSome) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("all", "*", r -> true, true));
        c.add(new Case("critical or error (Event Viewer)", "*[System[(Level=1  or Level=2)]]",
                r -> eq(r.level(), 1) || eq(r.level(), 2), true));
        c.add(new Case("winlogbeat level+id", "*[System[(Level = 0 or Level = 4) and (EventID=4624 or EventID=4634 or EventID=4672)]]",
                r -> (eq(r.level(), 0) || eq(r.level(), 4)) && (r.eventId() == 4624 || r.eventId() == 4634 || r.eventId() == 4672), true));
        c.add(new Case("provider by name", "*[System[Provider[@Name='Microsoft-Windows-Security-Auditing'] and EventID=4624]]",
                r -> "Microsoft-Windows-Security-Auditing".equals(r.providerName()) && r.eventId() == 4624, true));
        c.add(new Case("provider guid as written", "*[System/Provider/@Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}']",
                r -> "{54849625-5478-4994-a5ba-3e3b0328c30d}".equals(r.providerGuidText()), true));
        c.add(new Case("event source name", "*[System[Provider[@EventSourceName='Service Control Manager']]]",
                r -> "Service Control Manager".equals(r.eventSourceName()), true));
        c.add(new Case("event id range", "*[System[EventID >= 4600 and EventID < 4700]]",
                r -> r.eventId() >= 4600 && r.eventId() < 4700, true));
        c.add(new Case("level not 4", "*[System[Level!=4]]", r -> r.level() != null && r.level() != 4, true));
        c.add(new Case("not(level 4)", "*[not(System[Level=4])]", r -> !eq(r.level(), 4), true));
        c.add(new Case("qualifiers", "*[System[EventID[@Qualifiers=16384]]]", r -> eq(r.qualifiers(), 16384), true));
        c.add(new Case("classic full id via qualifiers and id", "*[System[EventID=7036 and EventID/@Qualifiers=16384]]",
                r -> r.eventId() == 7036 && eq(r.qualifiers(), 16384), true));
        c.add(new Case("sysmon process create by image",
                "*[System[Provider[@Name='Microsoft-Windows-Sysmon'] and EventID=1] and EventData[Data[@Name='Image']='C:\\Windows\\SysWOW64\\PING.EXE']]",
                r -> "Microsoft-Windows-Sysmon".equals(r.providerName()) && r.eventId() == 1
                        && anyNamed(r, "Image", "C:\\Windows\\SysWOW64\\PING.EXE"), true));
        c.add(new Case("sysmon network or registry ids", "*[System[EventID=3 or EventID=12 or EventID=13]]",
                r -> r.eventId() == 3 || r.eventId() == 12 || r.eventId() == 13, true));
        c.add(new Case("security 4625 with logon type", "*[System[EventID=4625] and EventData[Data[@Name='LogonType']=2]]",
                r -> r.eventId() == 4625 && anyNamedNumber(r, "LogonType", 2), true));
        c.add(new Case("4624 network or service logon", "*[System[EventID=4624] and EventData[Data[@Name='LogonType']='5' or Data[@Name='LogonType']=3]]",
                r -> r.eventId() == 4624 && (anyNamed(r, "LogonType", "5") || anyNamedNumber(r, "LogonType", 3)), true));
        c.add(new Case("any data equals SYSTEM", "*[EventData[Data='SYSTEM']]", r -> anyData(r, "SYSTEM"), true));
        c.add(new Case("Data='x' shorthand path", "*[EventData/Data='SYSTEM']", r -> anyData(r, "SYSTEM"), true));
        c.add(new Case("hex data as Windows text", "*[EventData[Data[@Name='SubjectLogonId']='0x3e7']]",
                r -> anyNamedTyped(r, "SubjectLogonId", v -> v.type() == ValueType.HEX_INT64 && v.asLong() == 0x3e7
                        || v.type() == ValueType.STRING && v.asString().equals("0x3e7")), true));
        c.add(new Case("hex data as number", "*[EventData[Data[@Name='SubjectLogonId']=999]]",
                r -> anyNamedTyped(r, "SubjectLogonId", v -> v.type().isInteger() && v.asLong() == 999
                        || v.type() == ValueType.STRING && (v.asString().equals("999") || v.asString().equalsIgnoreCase("0x3e7"))), true));
        c.add(new Case("numeric data greater", "*[EventData[Data[@Name='LogonType']>=5]]",
                r -> anyNamedTyped(r, "LogonType", v -> number(v) != null && number(v) >= 5), true));
        c.add(new Case("same subject and target user", "*[EventData[Data[@Name='SubjectUserName']=Data[@Name='TargetUserName']]]",
                r -> {
                    for (String a : texts(r, "SubjectUserName")) {
                        if (texts(r, "TargetUserName").contains(a)) {
                            return true;
                        }
                    }
                    return false;
                }, true));
        c.add(new Case("band audit failure", "*[System[band(Keywords,4503599627370496)]]",
                r -> r.keywords() != null && (r.keywords() & AUDIT_FAILURE) != 0, true));
        c.add(new Case("band audit success hex", "*[System[band(Keywords, 0x20000000000000) = 0x20000000000000]]",
                r -> r.keywords() != null && (r.keywords() & AUDIT_SUCCESS) != 0, true));
        c.add(new Case("keywords numeric unsigned", "*[System[Keywords >= 9223372036854775808]]",
                r -> r.keywords() != null && r.keywords() < 0, true));
        c.add(new Case("timediff last 6 hours", "*[System[TimeCreated[timediff(@SystemTime) <= " + SIX_HOURS + "]]]",
                r -> r.timeCreated() != null && NOW.toEpochMilli() - r.timeCreated().toEpochMilli() <= SIX_HOURS, true));
        c.add(new Case("timediff and level (Microsoft's example)", "*[System[(Level <= 3) and TimeCreated[timediff(@SystemTime) <= 86400000]]]",
                r -> r.level() != null && r.level() <= 3 && r.timeCreated() != null
                        && NOW.toEpochMilli() - r.timeCreated().toEpochMilli() <= 86_400_000L, true));
        c.add(new Case("system time range (Event Viewer custom range)",
                "*[System[TimeCreated[@SystemTime>='2016-07-08T18:00:00.000Z' and @SystemTime<='2016-07-08T23:59:59.999Z']]]",
                r -> r.timeCreated() != null && !r.timeCreated().isBefore(Instant.parse("2016-07-08T18:00:00Z"))
                        && !r.timeCreated().isAfter(Instant.parse("2016-07-08T23:59:59.999Z")), true));
        c.add(new Case("user sid", "*[System[Security[@UserID='S-1-5-18']]]",
                r -> r.userSid() != null && r.userSid().toString().equals("S-1-5-18"), true));
        c.add(new Case("process id", "*[System/Execution[@ProcessID=4]]", r -> eq(r.processId(), 4L), true));
        c.add(new Case("activity id present", "*[System/Correlation[@ActivityID]]", r -> r.activityId() != null, true));
        c.add(new Case("channel and computer", "*[System[Channel='System' and Computer='WIN-P4SIAA0SQCO']]",
                r -> "System".equals(r.channel()) && "WIN-P4SIAA0SQCO".equals(r.computer()), true));
        c.add(new Case("record id", "Event[System[EventRecordID > 1000 and EventRecordID <= 1100]]",
                r -> r.recordId() > 1000 && r.recordId() <= 1100, true));
        c.add(new Case("userdata element (Microsoft's LowOnMemory form)", "*[UserData/LogFileCleared]",
                r -> r.userDataXml() != null && r.userDataXml().startsWith("<LogFileCleared"), true));
        c.add(new Case("userdata value", "*[UserData/*/SubjectUserName='a-jbrown']",
                r -> r.userDataXml() != null && r.userDataXml().contains("<SubjectUserName>a-jbrown</SubjectUserName>"), true));
        c.add(new Case("userdata pnp service", "*[UserData[AddServiceID[ServiceName='BTHUSB' and PrimaryService='true']]]",
                r -> r.userDataXml() != null && r.userDataXml().startsWith("<AddServiceID")
                        && r.userDataXml().contains("<ServiceName>BTHUSB</ServiceName>")
                        && r.userDataXml().contains("<PrimaryService>true</PrimaryService>"), true));
        c.add(new Case("binary present", "*[EventData/Binary]", EventRecord::hasBinaryData, true));
        c.add(new Case("unnamed classic data", "*[System[Provider[@Name='EventLog']] and EventData[Data='15063']]",
                r -> "EventLog".equals(r.providerName()) && anyData(r, "15063"), true));
        c.add(new Case("top-level and of two selectors (Microsoft's Suppress example)",
                "*[System[(EventID=4624)]] and *[EventData[Data[@Name='TargetUserName'] and (Data='SYSTEM')]]",
                r -> r.eventId() == 4624 && !texts(r, "TargetUserName").isEmpty() && anyData(r, "SYSTEM"), true));
        c.add(new Case("absolute path", "/Event/System[EventID=6005]", r -> r.eventId() == 6005, true));
        c.add(new Case("misspelled element matches nothing", "*[System[EventId=4624]]", r -> false, false));
        c.add(new Case("QueryList select + suppress",
                "<QueryList><Query Id='0' Path='Security'><Select Path='Security'>*[System[(EventID=4624)]]</Select>"
                        + "<Suppress Path='Security'>*[EventData[Data[@Name='TargetUserName']='SYSTEM']]</Suppress></Query></QueryList>",
                r -> (r.channel() == null || r.channel().isEmpty() || r.channel().equalsIgnoreCase("Security"))
                        && r.eventId() == 4624 && !anyNamed(r, "TargetUserName", "SYSTEM"), true));
        c.add(new Case("QueryList two queries, several selects, channel paths",
                "<QueryList>\n <Query Id=\"0\" Path=\"System\">\n  <Select>*[System[Level&lt;=2]]</Select>\n"
                        + "  <Select Path=\"Application\">*[System[Level=2]]</Select>\n"
                        + "  <Suppress>*[System[Provider[@Name='Microsoft-Windows-DistributedCOM']]]</Suppress>\n </Query>\n"
                        + " <Query Id=\"1\" Path=\"Microsoft-Windows-Sysmon/Operational\">\n"
                        + "  <Select Path=\"Microsoft-Windows-Sysmon/Operational\">*[System[EventID=1]]</Select>\n </Query>\n</QueryList>",
                r -> {
                    String ch = r.channel() == null || r.channel().isEmpty() ? null : r.channel();
                    boolean q0sel = (ch == null || ch.equalsIgnoreCase("System")) && r.level() != null && r.level() <= 2
                            || (ch == null || ch.equalsIgnoreCase("Application")) && eq(r.level(), 2);
                    boolean q0sup = (ch == null || ch.equalsIgnoreCase("System"))
                            && "Microsoft-Windows-DistributedCOM".equals(r.providerName());
                    boolean q1 = (ch == null || ch.equalsIgnoreCase("Microsoft-Windows-Sysmon/Operational")) && r.eventId() == 1;
                    return q0sel && !q0sup || q1;
                }, true));
        return c.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void queryMatchesWhatPlainJavaSelects(Case c) {
        List<EventRecord> records = ReferenceRecords.all();
        EventFilter f = EventFilter.compile(c.query(), Clock.fixed(NOW, ZoneOffset.UTC));
        int expected = 0;
        int actual = 0;
        List<String> wrong = new ArrayList<>();
        for (EventRecord r : records) {
            boolean e = c.expected().test(r);
            boolean a = f.matches(r);
            expected += e ? 1 : 0;
            actual += a ? 1 : 0;
            if (e != a && wrong.size() < 3) {
                wrong.add("expected " + e + " for " + r);
            }
        }
        System.out.printf("%-60s %6d of %d%n", c.name(), actual, records.size());
        assertThat(wrong).as(c.query()).isEmpty();
        assertThat(actual).isEqualTo(expected);
        if (c.mustMatchSome()) {
            assertThat(expected).as("the case must select something in the samples to prove anything").isPositive();
            assertThat(expected).as("and must not select everything").isLessThanOrEqualTo(records.size());
        }
    }

    // ---- plain Java over the model ------------------------------------------------------

    static boolean eq(Number n, long v) {
        return n != null && n.longValue() == v;
    }

    /** Every Data item, arrays expanded to their elements. */
    static List<NamedValue> items(EventRecord r) {
        List<NamedValue> out = new ArrayList<>();
        for (NamedValue nv : r.eventData()) {
            if (nv.value().type().isArray()) {
                for (EventValue e : nv.value().elements()) {
                    out.add(new NamedValue(nv.name(), e));
                }
            } else if (!(nv.value().type() == ValueType.EVT_XML && nv.name() == null)) {
                out.add(nv);
            }
        }
        return out;
    }

    static boolean anyData(EventRecord r, String text) {
        return items(r).stream().anyMatch(nv -> nv.value().text().equals(text));
    }

    static boolean anyNamed(EventRecord r, String name, String text) {
        return texts(r, name).contains(text);
    }

    static List<String> texts(EventRecord r, String name) {
        List<String> out = new ArrayList<>();
        for (NamedValue nv : items(r)) {
            if (Objects.equals(nv.name(), name)) {
                out.add(nv.value().text());
            }
        }
        return out;
    }

    static boolean anyNamedTyped(EventRecord r, String name, Predicate<EventValue> p) {
        return items(r).stream().anyMatch(nv -> Objects.equals(nv.name(), name) && p.test(nv.value()));
    }

    static boolean anyNamedNumber(EventRecord r, String name, long n) {
        return anyNamedTyped(r, name, v -> Objects.equals(number(v), n));
    }

    /** The integer a value denotes (integer types, or decimal text), else null. */
    static Long number(EventValue v) {
        if (v.type().isInteger() && !v.type().isArray()) {
            return v.asLong();
        }
        if (v.type() == ValueType.STRING && v.asString().matches("\\d{1,18}")) {
            return Long.parseLong(v.asString());
        }
        return null;
    }
}
