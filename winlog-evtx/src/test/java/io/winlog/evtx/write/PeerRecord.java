package io.winlog.evtx.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One record as an independent reader printed it, parsed leniently from its XML text (libevtx
 * 20181227 does not always write well-formed XML): the System fields as text, the EventData
 * items in order (name, unescaped text, or null for an empty element), and the Binary hex.
 *
 * @param error the peer's error for this record (python-evtx), or null
 */
record PeerRecord(Map<String, String> system, List<Item> data, String binary, String error) {

    /** One {@code <Data>} element: {@code text} null when the element is empty. */
    record Item(String name, String text) {
    }

    private static final Pattern EVENT = Pattern.compile("<Event xmlns=.*?</Event>", Pattern.DOTALL);
    private static final Pattern SIMPLE = Pattern.compile(
            "<(EventID|Version|Level|Task|Opcode|Keywords|EventRecordID|Channel|Computer)(?: Qualifiers=\"(\\d*)\")?"
                    + "(?:/>|>(.*?)</\\1>)", Pattern.DOTALL);
    private static final Pattern ATTR = Pattern.compile(
            "<(Provider|TimeCreated|Correlation|Execution|Security)((?: [A-Za-z]+=\"[^\"]*\")*)\\s*/?>");
    private static final Pattern ATTR_ONE = Pattern.compile("([A-Za-z]+)=\"([^\"]*)\"");
    private static final Pattern DATA = Pattern.compile(
            "<Data(?: Name=(?:\"(.*?)\"|'(.*?)')(?=/?>))?(?:/>|>(.*?)</Data>)", Pattern.DOTALL);
    private static final Pattern BINARY = Pattern.compile("<Binary>(.*?)</Binary>", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|apos|#x?[0-9a-fA-F]+);");

    static PeerRecord parse(String xml) {
        Map<String, String> sys = new LinkedHashMap<>();
        int sysEnd = xml.indexOf("</System>");
        String system = sysEnd < 0 ? xml : xml.substring(0, sysEnd);
        int dataStart = xml.indexOf("<EventData", Math.max(0, sysEnd));
        int dataEnd = dataStart < 0 ? -1 : xml.indexOf("</EventData>", dataStart);
        Matcher m = SIMPLE.matcher(system);
        while (m.find()) {
            sys.put(m.group(1), m.group(3) == null ? "" : unescape(m.group(3)));
            if (m.group(2) != null) {
                sys.put("Qualifiers", m.group(2));
            }
        }
        m = ATTR.matcher(system);
        while (m.find()) {
            Matcher a = ATTR_ONE.matcher(m.group(2));
            while (a.find()) {
                sys.put(m.group(1) + "/" + a.group(1), unescape(a.group(2)));
            }
        }
        List<Item> data = new ArrayList<>();
        String binary = null;
        if (dataStart >= 0) {
            String ed = dataEnd < 0 ? xml.substring(dataStart) : xml.substring(dataStart, dataEnd);
            m = DATA.matcher(ed);
            while (m.find()) {
                String n = m.group(1) != null ? m.group(1) : m.group(2);
                data.add(new Item(n == null ? null : unescape(n), m.group(3) == null ? null : unescape(m.group(3))));
            }
            m = BINARY.matcher(ed);
            if (m.find()) {
                binary = m.group(1);
            }
        }
        return new PeerRecord(sys, data, binary, null);
    }

    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(e.startsWith("#x")
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** libevtx: {@code evtxexport -f xml FILE}, one PeerRecord per exported event. */
    static List<PeerRecord> libevtx(Path evtxexport, Path file) throws IOException, InterruptedException {
        String out = run(List.of(evtxexport.toString(), "-f", "xml", file.toString()));
        List<PeerRecord> records = new ArrayList<>();
        Matcher m = EVENT.matcher(out);
        while (m.find()) {
            records.add(parse(m.group()));
        }
        return records;
    }

    /** python-evtx: {@code record.xml()} of every record, via pyevtx_records.py. */
    static List<PeerRecord> pythonEvtx(Path python, Path script, Path file) throws IOException, InterruptedException {
        String out = run(List.of(python.toString(), script.toString(), file.toString()));
        ObjectMapper json = new ObjectMapper();
        List<PeerRecord> records = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            if (n.has("error")) {
                records.add(new PeerRecord(Map.of(), List.of(), null, n.get("error").asText()));
            } else {
                records.add(parse(n.get("xml").asText()));
            }
        }
        return records;
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd + " did not finish in 120 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
