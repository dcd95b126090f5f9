package io.winlog.api.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.Guids;
import io.winlog.api.event.NamedValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** The model round-trips through JSON, and its XML is well-formed and carries every field. */
class RenderRoundTripPropertiesTest {

    @Provide
    Arbitrary<EventRecord> anyRecord() {
        return RecordArbitraries.records(false);
    }

    @Provide
    Arbitrary<EventRecord> xmlSafeRecord() {
        return RecordArbitraries.records(true);
    }

    @Property(tries = 400)
    void jsonRoundTripIsExactWhereJsonCarriesTheInformation(@ForAll("anyRecord") EventRecord r) {
        String json = EventJson.render(r);
        EventRecord back = EventJson.parse(json);
        assertThat(back).isEqualTo(withoutWhatJsonLoses(r));
        assertThat(EventJson.render(back)).isEqualTo(json);
    }

    /**
     * What the JSON form documents as lost: RenderingInfo, empty arrays (no item) and a Boolean's
     * raw value (reads back as 0/1).
     */
    static EventRecord withoutWhatJsonLoses(EventRecord r) {
        List<NamedValue> kept = new ArrayList<>();
        for (NamedValue nv : r.eventData()) {
            if (nv.value().type().isArray() && nv.value().elements().isEmpty()) {
                continue;
            }
            kept.add(nv);
        }
        return r.toBuilder().renderingInfo(null).eventData(kept).build();
    }

    @Property(tries = 300)
    void xmlIsWellFormedAndCarriesEveryField(@ForAll("xmlSafeRecord") EventRecord r) throws Exception {
        String xml = EventXml.render(r);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Element ev = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        assertThat(ev.getNamespaceURI()).isEqualTo(EventXml.NAMESPACE);
        Element sys = child(ev, "System");
        Element provider = child(sys, "Provider");
        assertThat(attr(provider, "Name")).isEqualTo(r.providerName());
        assertThat(attr(provider, "Guid")).isEqualTo(r.providerGuid() == null ? null : Guids.format(r.providerGuid()));
        assertThat(Integer.parseInt(child(sys, "EventID").getTextContent())).isEqualTo(r.eventId());
        assertThat(attr(child(sys, "EventID"), "Qualifiers")).isEqualTo(r.qualifiers() == null ? null : r.qualifiers().toString());
        assertThat(text(sys, "Version")).isEqualTo(r.version() == null ? null : r.version().toString());
        assertThat(text(sys, "Level")).isEqualTo(r.level() == null ? null : r.level().toString());
        assertThat(text(sys, "Keywords")).isEqualTo(r.keywords() == null ? null : "0x" + Long.toHexString(r.keywords()));
        Element tc = child(sys, "TimeCreated");
        assertThat(tc == null ? null : Instant.parse(attr(tc, "SystemTime"))).isEqualTo(r.timeCreated());
        assertThat(Long.parseUnsignedLong(text(sys, "EventRecordID"))).isEqualTo(r.recordId());
        Element corr = child(sys, "Correlation");
        assertThat(corr == null ? null : attr(corr, "ActivityID"))
                .isEqualTo(r.activityId() == null ? null : Guids.format(r.activityId()));
        Element exec = child(sys, "Execution");
        assertThat(exec == null ? null : attr(exec, "ProcessID")).isEqualTo(r.processId() == null ? null : r.processId().toString());
        assertThat(text(sys, "Channel")).isEqualTo(r.channel() == null ? "" : r.channel());
        assertThat(text(sys, "Computer")).isEqualTo(r.computer() == null ? "" : r.computer());
        // EventData: one Data per scalar and per array element, in order, with the Windows text
        List<String> expected = new ArrayList<>();
        for (NamedValue nv : r.eventData()) {
            List<EventValue> vs = nv.value().type().isArray() ? nv.value().elements() : List.of(nv.value());
            for (EventValue v : vs) {
                expected.add(nv.name() + "=" + v.text());
            }
        }
        List<String> actual = new ArrayList<>();
        Element ed = child(ev, "EventData");
        if (ed != null) {
            for (Node n = ed.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element d && d.getLocalName().equals("Data")) {
                    actual.add(attr(d, "Name") + "=" + d.getTextContent());
                }
            }
            Element bin = child(ed, "Binary");
            assertThat(bin == null ? null : bin.getTextContent()).isEqualTo(r.hasBinaryData() ? EventValue.hex(r.binaryData()) : null);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(child(ev, "UserData") != null).isEqualTo(r.userDataXml() != null);
        assertThat(child(ev, "RenderingInfo") != null).isEqualTo(r.renderingInfo() != null);
    }

    private static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getLocalName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String text(Element e, String name) {
        Element c = child(e, name);
        return c == null ? null : c.getTextContent();
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
