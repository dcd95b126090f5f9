package io.winlog.evtx.write;

import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.FileTime;
import io.winlog.api.event.Guids;
import io.winlog.api.event.NamedValue;
import io.winlog.api.event.SystemTime;
import io.winlog.api.event.ValueType;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a peer's rendering of a record carries the values of the {@link EventRecord} we
 * wrote, comparing parsed values where the peers' documented quirks differ from Windows
 * (shared/samples/MANIFEST.md and what was observed here):
 * <ul>
 *   <li>libevtx 20181227: CR/CRLF printed as LF, whitespace-only values dropped, characters
 *       outside the BMP mangled, negative signed integers printed as {@code -(bits & max)},
 *       floats in {@code %e} with 7 significant digits, arrays expanded into one Data element
 *       per item, a NULL optional value omits its Data element;</li>
 *   <li>python-evtx 0.6.1: FILETIME through a float (microseconds, rounded), SYSTEMTIME
 *       milliseconds printed as microseconds, Binary in base64, Boolean True/False, WString[]
 *       as {@code <string>} text, lower-case GUIDs.</li>
 * </ul>
 */
final class PeerComparison {
    enum Peer { LIBEVTX, PYTHON_EVTX }

    private static final Pattern PY_STRING = Pattern.compile("<string>(.*?)</string>", Pattern.DOTALL);
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private PeerComparison() {
    }

    /** The differences (empty when the peer agrees), each naming the field. */
    static List<String> compare(EventRecord r, PeerRecord p, Peer peer) {
        List<String> diffs = new ArrayList<>();
        if (p.error() != null) {
            if (p.error().startsWith("UnicodeDecodeError('ascii'") && hasNonAsciiAnsi(r)) {
                return diffs; // python-evtx decodes ANSI strings as ASCII (MANIFEST: pyevtx_dns_log_malformed)
            }
            diffs.add(peer + " failed on the record: " + p.error());
            return diffs;
        }
        num(diffs, "EventRecordID", r.recordId(), p.system().get("EventRecordID"));
        num(diffs, "EventID", r.eventId(), p.system().get("EventID"));
        if (r.qualifiers() != null) {
            num(diffs, "Qualifiers", r.qualifiers(), p.system().get("Qualifiers"));
        }
        optNum(diffs, "Version", r.version(), p.system().get("Version"));
        optNum(diffs, "Level", r.level(), p.system().get("Level"));
        optNum(diffs, "Task", r.task(), p.system().get("Task"));
        optNum(diffs, "Opcode", r.opcode(), p.system().get("Opcode"));
        if (r.keywords() != null) {
            num(diffs, "Keywords", new BigInteger(Long.toUnsignedString(r.keywords())), p.system().get("Keywords"));
        }
        if (r.timeCreated() != null) {
            time(diffs, "TimeCreated", r.timeCreated(), p.system().get("TimeCreated/SystemTime"), peer);
        }
        text(diffs, "Provider/Name", r.providerName(), p.system().get("Provider/Name"), peer);
        if (r.channel() != null) {
            text(diffs, "Channel", r.channel(), p.system().get("Channel"), peer);
        }
        text(diffs, "Computer", r.computer(), p.system().get("Computer"), peer);
        if (r.userSid() != null) {
            sid(diffs, "Security/UserID", r.userSid(), p.system().get("Security/UserID"));
        }
        if (r.processId() != null) {
            num(diffs, "ProcessID", r.processId(), p.system().get("Execution/ProcessID"));
        }
        if (r.activityId() != null) {
            eq(diffs, "ActivityID", Guids.format(r.activityId()).toUpperCase(),
                    upper(p.system().get("Correlation/ActivityID")));
        }
        data(diffs, r, p, peer);
        if (r.hasBinaryData()) {
            byte[] actual = p.binary() == null ? null
                    : peer == Peer.LIBEVTX ? HexFormat.of().parseHex(p.binary().trim())
                    : Base64.getDecoder().decode(p.binary().trim());
            if (!java.util.Arrays.equals(r.binaryData(), actual)) {
                diffs.add("Binary: expected " + EventValue.hex(r.binaryData()) + " got " + p.binary());
            }
        }
        return diffs;
    }

    private static void data(List<String> diffs, EventRecord r, PeerRecord p, Peer peer) {
        List<PeerRecord.Item> items = p.data();
        int k = 0;
        for (int i = 0; i < r.eventData().size(); i++) {
            NamedValue nv = r.eventData().get(i);
            EventValue v = nv.value();
            String where = "Data[" + i + "]" + (nv.name() == null ? "" : " '" + nv.name() + "'");
            if (v.type() == ValueType.EVT_XML) {
                return; // an XML item (ComplexData): peers render it as markup; not compared item by item
            }
            if (peer == Peer.LIBEVTX && v.isNull()) {
                continue; // libevtx omits the element of a NULL optional value
            }
            List<EventValue> parts = peer == Peer.LIBEVTX && v.type().isArray() ? v.elements() : List.of(v);
            for (EventValue part : parts) {
                if (k >= items.size()) {
                    diffs.add(where + ": missing in " + peer);
                    return;
                }
                PeerRecord.Item it = items.get(k++);
                if (nv.name() != null && !normText(nv.name(), peer).equals(normText(it.name(), peer))) {
                    diffs.add(where + ": name " + it.name());
                }
                String actual = it.text() == null ? "" : it.text();
                if (!value(part, actual, peer)) {
                    diffs.add(where + " (" + part.type().referenceName() + "): expected " + abbreviate(part.text())
                            + " got " + abbreviate(actual));
                }
            }
        }
        if (k != items.size()) {
            diffs.add("EventData: " + peer + " has " + items.size() + " Data elements, expected " + k);
        }
    }

    private static boolean hasNonAsciiAnsi(EventRecord r) {
        for (NamedValue nv : r.eventData()) {
            EventValue v = nv.value();
            for (EventValue e : v.type().isArray() ? v.elements() : List.of(v)) {
                if (e.type() == ValueType.ANSI_STRING && !e.asString().chars().allMatch(c -> c < 0x80)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the peer's text carries the value {@code v}. */
    static boolean value(EventValue v, String actual, Peer peer) {
        try {
            return valueUnchecked(v, actual, peer);
        } catch (IllegalArgumentException e) {
            return false; // unparseable text (bad hex/base64/number) is a mismatch
        }
    }

    private static boolean valueUnchecked(EventValue v, String actual, Peer peer) {
        ValueType t = v.type();
        String a = actual.trim();
        switch (t) {
            case NULL:
                return actual.isEmpty();
            case STRING:
            case ANSI_STRING:
                return normText(v.asString(), peer).equals(normText(actual, peer));
            case BOOLEAN:
                return a.equalsIgnoreCase(v.asBoolean() ? "true" : "false");
            case FLOAT:
            case DOUBLE:
                return real(v.asDouble(), a, peer == Peer.LIBEVTX ? 1e-6 : t == ValueType.FLOAT ? 1e-7 : 1e-15);
            case BINARY:
                return java.util.Arrays.equals(v.asBytes(), peer == Peer.LIBEVTX
                        ? HexFormat.of().parseHex(a) : Base64.getDecoder().decode(a));
            case GUID:
                return a.equalsIgnoreCase(Guids.format(v.asGuid()));
            case SID:
                return sidMatches(v.asSid(), a);
            case FILETIME:
                return timeMatches(v.asInstant(), a, peer);
            case SYSTEMTIME:
                return systemTime(v.asSystemTime(), a, peer);
            case STRING_ARRAY:
                if (peer == Peer.PYTHON_EVTX) {
                    return actual.equals(pythonStringArray(v.elements()));
                }
                if (peer == Peer.PYTHON_EVTX) {
                    List<String> got = new ArrayList<>();
                    Matcher m = PY_STRING.matcher(actual);
                    while (m.find()) {
                        got.add(PeerRecord.unescape(m.group(1)));
                    }
                    List<EventValue> es = new ArrayList<>(v.elements());
                    while (!es.isEmpty() && es.get(es.size() - 1).asString().isEmpty()) {
                        es.remove(es.size() - 1); // python-evtx drops trailing empty elements
                    }
                    if (got.size() != es.size()) {
                        return false;
                    }
                    for (int i = 0; i < got.size(); i++) {
                        if (!value(v.elements().get(i), got.get(i), peer)) {
                            return false;
                        }
                    }
                    return true;
                }
                return false;
            default:
                if (t.isInteger() && !t.isArray()) {
                    return integer(v, a, peer);
                }
                return false;
        }
    }

    private static final Pattern PY_FRAGMENT = Pattern.compile("(?:[^\\x00][\\x00-\\x09\\x0B-\\xFF])+");
    private static final Pattern PY_RESTRICTED = Pattern.compile("[\\x01-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x84\\x86-\\x9F]");

    /**
     * What python-evtx 0.6.1 prints for a WString[] (WstringArrayTypeNode.string(), modelled
     * step by step): it searches byte pairs whose first byte is not zero, so elements whose
     * characters have a zero low byte are split, and each run of NUL pairs adds empty strings.
     */
    static String pythonStringArray(List<EventValue> elements) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (EventValue e : elements) {
            bytes.writeBytes(e.asString().getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
            bytes.write(0);
            bytes.write(0);
        }
        String bin = new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
        StringBuilder acc = new StringBuilder();
        int guard = 0;
        while (!bin.isEmpty() && guard++ < 100_000) {
            Matcher m = PY_FRAGMENT.matcher(bin);
            if (m.find()) {
                String frag = m.group();
                acc.append("<string>").append(new String(frag.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                        java.nio.charset.StandardCharsets.UTF_16LE)).append("</string>\n");
                bin = bin.length() >= frag.length() + 2 ? bin.substring(frag.length() + 2) : "";
                if (bin.isEmpty()) {
                    break;
                }
            }
            int z = 0;
            while (z < bin.length() && bin.charAt(z) == 0) {
                z++;
            }
            if (z % 2 != 0) {
                return "<python-evtx raises ParseException>";
            }
            acc.append("<string></string>\n".repeat(z / 2));
            bin = bin.substring(z);
        }
        return pythonText(acc.toString());
    }

    /** python-evtx removes XML-restricted control characters from values. */
    static String pythonText(String s) {
        return PY_RESTRICTED.matcher(s).replaceAll("");
    }

    private static boolean integer(EventValue v, String a, Peer peer) {
        BigInteger got;
        try {
            got = a.startsWith("0x") ? new BigInteger(a.substring(2), 16) : new BigInteger(a);
        } catch (NumberFormatException e) {
            return false;
        }
        long bits = v.asLong();
        ValueType t = v.type();
        int width = switch (t) {
            case INT8, UINT8 -> 8;
            case INT16, UINT16 -> 16;
            case INT32, UINT32, HEX_INT32 -> 32;
            default -> 64;
        };
        boolean signed = t == ValueType.INT8 || t == ValueType.INT16 || t == ValueType.INT32 || t == ValueType.INT64;
        BigInteger expected;
        if (signed && bits < 0 && peer == Peer.LIBEVTX) {
            // libevtx 20181227 prints a negative value as '-' and the bits below the sign bit
            long max = width == 64 ? Long.MAX_VALUE : (1L << (width - 1)) - 1;
            expected = BigInteger.valueOf(bits & max).negate();
        } else if (signed) {
            expected = BigInteger.valueOf(bits);
        } else {
            expected = new BigInteger(Long.toUnsignedString(bits));
        }
        return expected.equals(got) || BigInteger.valueOf(bits).equals(got) && signed;
    }

    private static boolean real(double expected, String a, double tolerance) {
        double got;
        String s = a.toLowerCase();
        if (s.contains("nan")) {
            return Double.isNaN(expected);
        }
        if (s.contains("inf")) {
            return Double.isInfinite(expected) && (s.startsWith("-") == (expected < 0));
        }
        try {
            // libevtx 20181227 prints a mantissa that rounds up to 10 as ':' (0.01f -> ":.000000e-003")
            got = Double.parseDouble(a.replace(":", "10"));
        } catch (NumberFormatException e) {
            return false;
        }
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            return false;
        }
        if (expected == got) {
            return true;
        }
        double scale = Math.max(Math.abs(expected), Double.MIN_NORMAL);
        return Math.abs(expected - got) / scale <= tolerance
                || Math.abs(expected) < 1e-300 && Math.abs(got) < 1e-300; // %e underflow
    }

    private static boolean timeMatches(Instant expected, String a, Peer peer) {
        Instant got = parseTime(a);
        if (got == null) {
            return false;
        }
        long diffMicros = Math.abs(FileTime.toTicks(expected) - FileTime.toTicks(got)) / 10;
        return peer == Peer.LIBEVTX ? diffMicros == 0 : diffMicros <= 1000;
    }

    static Instant parseTime(String a) {
        Matcher m = DIGITS.matcher(a);
        List<String> parts = new ArrayList<>();
        while (m.find()) {
            parts.add(m.group());
        }
        if (parts.size() < 6) {
            return null;
        }
        long nanos = 0;
        if (parts.size() > 6) {
            String frac = (parts.get(6) + "000000000").substring(0, 9);
            nanos = Long.parseLong(frac);
        }
        try {
            return java.time.LocalDateTime.of(Integer.parseInt(parts.get(0)), Integer.parseInt(parts.get(1)),
                            Integer.parseInt(parts.get(2)), Integer.parseInt(parts.get(3)), Integer.parseInt(parts.get(4)),
                            Integer.parseInt(parts.get(5)), (int) nanos)
                    .toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static boolean systemTime(SystemTime s, String a, Peer peer) {
        Matcher m = DIGITS.matcher(a);
        List<Integer> parts = new ArrayList<>();
        while (m.find()) {
            parts.add(Integer.parseInt(m.group()));
        }
        if (parts.size() < 6) {
            return false;
        }
        int ms = parts.size() > 6 ? parts.get(6) : 0; // python-evtx prints the milliseconds as microseconds
        return parts.get(0) == s.year() && parts.get(1) == s.month() && parts.get(2) == s.day()
                && parts.get(3) == s.hour() && parts.get(4) == s.minute() && parts.get(5) == s.second()
                && ms == s.milliseconds();
    }

    /** Text the way the peer can show it: libevtx's line-end, whitespace and non-BMP losses. */
    static String normText(String s, Peer peer) {
        if (s == null) {
            return "";
        }
        if (peer == Peer.PYTHON_EVTX) {
            return pythonText(s);
        }
        String t = s.replace("\r\n", "\n").replace('\r', '\n');
        if (t.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(t.length());
        t.codePoints().forEach(cp -> sb.appendCodePoint(cp > 0xFFFF ? '?' : cp));
        return sb.toString();
    }

    private static void time(List<String> diffs, String what, Instant expected, String actual, Peer peer) {
        if (actual == null || !timeMatches(expected, actual, peer)) {
            diffs.add(what + ": expected " + FileTime.format(expected) + " got " + actual);
        }
    }

    private static void text(List<String> diffs, String what, String expected, String actual, Peer peer) {
        if (expected != null && !normText(expected, peer).equals(normText(actual, peer))) {
            diffs.add(what + ": expected " + abbreviate(expected) + " got " + abbreviate(actual));
        }
    }

    /** SIDs compared parsed: libevtx prints an authority >= 2^32 in decimal, Windows in hex. */
    static boolean sidMatches(io.winlog.api.event.Sid expected, String actual) {
        try {
            return actual != null && io.winlog.api.event.Sid.parse(actual.trim()).equals(expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void sid(List<String> diffs, String what, io.winlog.api.event.Sid expected, String actual) {
        if (!sidMatches(expected, actual)) {
            diffs.add(what + ": expected " + expected + " got " + actual);
        }
    }

    private static void eq(List<String> diffs, String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            diffs.add(what + ": expected " + expected + " got " + actual);
        }
    }

    private static void optNum(List<String> diffs, String what, Integer expected, String actual) {
        if (expected != null) {
            num(diffs, what, expected, actual);
        }
    }

    private static void num(List<String> diffs, String what, long expected, String actual) {
        num(diffs, what, BigInteger.valueOf(expected), actual);
    }

    private static void num(List<String> diffs, String what, BigInteger expected, String actual) {
        BigInteger got = null;
        if (actual != null) {
            String a = actual.trim();
            try {
                got = a.startsWith("0x") ? new BigInteger(a.substring(2), 16) : new BigInteger(a);
            } catch (NumberFormatException ignored) {
                got = null;
            }
        }
        if (!expected.equals(got)) {
            diffs.add(what + ": expected " + expected + " got " + actual);
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase();
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 80; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || c > 0xd7ff && c < 0xe000 ? String.format("\\u%04x", (int) c) : c);
        }
        return "'" + sb + "'" + (s.length() > 80 ? "...(" + s.length() + " chars)" : "");
    }
}
