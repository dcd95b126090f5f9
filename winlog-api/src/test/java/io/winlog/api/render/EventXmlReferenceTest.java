package io.winlog.api.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.event.EventRecord;
import io.winlog.testkit.SharedData;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * {@link EventXml} against libevtx 20240504's XML of the same records (an independent parser):
 * every record of every sample is rendered from the model (parsed from the reference JSONL),
 * re-read with the JDK's XML parser (so the output is well-formed) and compared element by
 * element with libevtx's event: the same System children in the same order with the same
 * attributes, the same EventData/Data items, the same UserData tree. Values are compared after
 * the normalizations in which libevtx is known to differ from Windows (see the class body).
 */
class EventXmlReferenceTest {
    private static final boolean LONG = "true".equals(System.getProperty("winlog.long"));
    private static final Pattern EVENT = Pattern.compile("(?s)<Event xmlns=.*?</Event>");
    private static final Pattern RECORD_ID = Pattern.compile("<EventRecordID>(\\d+)</EventRecordID>");
    private static final Pattern EVENT_ID = Pattern.compile("<EventID[^>]*>(\\d+)</EventID>");

    @Test
    void everyRecordHasTheShapeLibevtxRenders() throws Exception {
        SharedData.requireRoot();
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        DocumentBuilder db = dbf.newDocumentBuilder();
        db.setErrorHandler(null);
        int compared = 0;
        int unmatched = 0;
        int refNotWellFormed = 0;
        int eventDataName = 0;
        List<String> diffs = new ArrayList<>();
        for (Path sample : SharedData.evtxSamples()) {
            Optional<Path> xmlRef = SharedData.ref(sample, ".evtxexport-20240504.xml");
            Optional<Path> jsonRef = SharedData.ref(sample, ".jsonl");
            if (xmlRef.isEmpty() || jsonRef.isEmpty()) {
                continue;
            }
            Map<String, ArrayDeque<String>> byKey = new HashMap<>();
            Matcher m = EVENT.matcher(String.join("\n", SharedData.readLines(xmlRef.get())));
            while (m.find()) {
                String ev = m.group();
                Matcher id = RECORD_ID.matcher(ev);
                Matcher eid = EVENT_ID.matcher(ev);
                if (id.find() && eid.find()) {
                    byKey.computeIfAbsent(id.group(1) + "/" + eid.group(1), k -> new ArrayDeque<>()).add(ev);
                }
            }
            List<String> lines = SharedData.readLines(jsonRef.get());
            // every record of small samples, a spread of the big ones (all of them with -Plong)
            int stride = LONG || lines.size() <= 500 ? 1 : lines.size() / 500;
            for (int li = 0; li < lines.size(); li += stride) {
                String line = lines.get(li);
                if (!line.startsWith("{\"record_id\"") || line.startsWith("{\"record_id\": null")) {
                    continue;
                }
                EventRecord r = EventJson.parse(line);
                ArrayDeque<String> q = byKey.remove(Long.toUnsignedString(r.recordId()) + "/" + r.eventId());
                if (q == null || q.isEmpty()) {
                    unmatched++;
                    continue;
                }
                String refXml = q.poll();
                if (!q.isEmpty()) {
                    byKey.put(Long.toUnsignedString(r.recordId()) + "/" + r.eventId(), q);
                }
                Element ref;
                try {
                    ref = db.parse(new InputSource(new StringReader(refXml))).getDocumentElement();
                } catch (org.xml.sax.SAXException e) {
                    refNotWellFormed++;
                    continue;
                }
                String ours = EventXml.render(r);
                Document doc = db.parse(new InputSource(new StringReader(ours))); // must be well-formed
                List<String> d = new ArrayList<>();
                compareElement(ref, doc.getDocumentElement(), "Event", d);
                compared++;
                // The model keeps no attributes of <EventData> itself (some templates give it a Name)
                if (d.remove("Event/EventData: attributes [Name] vs []")) {
                    eventDataName++;
                }
                if (!d.isEmpty() && diffs.size() < 20) {
                    diffs.add(sample.getFileName() + " record " + r.recordId() + ": " + d + "\n ours: " + ours + "\n ref: " + refXml);
                } else if (!d.isEmpty()) {
                    diffs.add("+");
                }
            }
        }
        System.out.printf("EventXml vs libevtx 20240504: %d records compared, %d with differences, %d without a libevtx"
                + " counterpart, %d libevtx events not well-formed, %d with <EventData Name=..> (not in the model)%n",
                compared, diffs.size(), unmatched, refNotWellFormed, eventDataName);
        assertThat(diffs).isEmpty();
        assertThat(compared).isGreaterThan(LONG ? 15_000 : 4_000);
    }

    private static void compareElement(Element ref, Element ours, String path, List<String> out) {
        if (!ref.getLocalName().equals(ours.getLocalName())) {
            out.add(path + ": element " + ref.getLocalName() + " vs " + ours.getLocalName());
            return;
        }
        Map<String, String> ra = attributes(ref);
        Map<String, String> oa = attributes(ours);
        if (!ra.keySet().equals(oa.keySet())) {
            out.add(path + ": attributes " + ra.keySet() + " vs " + oa.keySet());
        } else {
            for (String k : ra.keySet()) {
                if (!sameValue(ra.get(k), oa.get(k))) {
                    out.add(path + "/@" + k + ": '" + ra.get(k) + "' vs '" + oa.get(k) + "'");
                }
            }
        }
        List<Element> rc = children(ref);
        List<Element> oc = children(ours);
        if (rc.isEmpty() && oc.isEmpty()) {
            if (!sameValue(ref.getTextContent(), ours.getTextContent())) {
                out.add(path + ": text '" + ref.getTextContent() + "' vs '" + ours.getTextContent() + "'");
            }
            return;
        }
        List<String> rn = rc.stream().map(Element::getLocalName).toList();
        List<String> on = oc.stream().map(Element::getLocalName).toList();
        if (!rn.equals(on)) {
            out.add(path + ": children " + rn + " vs " + on);
            return;
        }
        for (int i = 0; i < rc.size(); i++) {
            compareElement(rc.get(i), oc.get(i), path + "/" + rn.get(i), out);
        }
    }

    /**
     * Equal after libevtx's known deviations: it pads hex to 8/16 digits (Windows does not), prints
     * 9 fractional digits for FILETIMEs, upper-cases GUIDs, turns CR/CRLF into LF and drops
     * whitespace-only values.
     */
    static boolean sameValue(String ref, String ours) {
        String a = normalizeText(ref);
        String b = normalizeText(ours);
        if (a.equals(b)) {
            return true;
        }
        if (a.matches("0x[0-9a-fA-F]+") && b.matches("0x[0-9a-fA-F]+")) {
            return Long.parseUnsignedLong(a.substring(2), 16) == Long.parseUnsignedLong(b.substring(2), 16);
        }
        if (a.matches("\\d{4}-\\d\\d-\\d\\dT.*Z") && b.matches("\\d{4}-\\d\\d-\\d\\dT.*Z")) {
            try {
                return Instant.parse(a).equals(Instant.parse(b));
            } catch (RuntimeException e) {
                return false;
            }
        }
        return a.toUpperCase(Locale.ROOT).equals(b.toUpperCase(Locale.ROOT)) && a.startsWith("{") && a.endsWith("}");
    }

    private static String normalizeText(String s) {
        String t = s.replace("\r\n", "\n").replace('\r', '\n');
        return t.isBlank() ? "" : t;
    }

    private static Map<String, String> attributes(Element e) {
        Map<String, String> out = new HashMap<>();
        NamedNodeMap a = e.getAttributes();
        for (int i = 0; i < a.getLength(); i++) {
            Node n = a.item(i);
            if (!n.getNodeName().startsWith("xmlns")) {
                out.put(n.getNodeName(), n.getNodeValue());
            }
        }
        return out;
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }
}
