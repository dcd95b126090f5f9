package io.winlog.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.testkit.SharedData;
import java.io.StringReader;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/** The XML visitor: Windows' EvtRender shape, well-formed for every record of every sample. */
class XmlRenderingTest {
    @Test
    void classicEventInEvtRenderShape() {
        try (EvtxReader r = EvtxReader.open(SharedData.evtxDir().resolve("omer_system.evtx"))) {
            assertThat(r.nextRecord().xml()).isEqualTo("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>"
                    + "<System><Provider Name='EventLog'/><EventID Qualifiers='32768'>6009</EventID><Level>4</Level>"
                    + "<Task>0</Task><Keywords>0x80000000000000</Keywords>"
                    + "<TimeCreated SystemTime='2017-07-12T17:16:28.2141616Z'/><EventRecordID>1</EventRecordID>"
                    + "<Channel>System</Channel><Computer>WIN-P4SIAA0SQCO</Computer><Security/></System>"
                    + "<EventData><Data>10.00.</Data><Data>15063</Data><Data/><Data>Multiprocessor Free</Data>"
                    + "<Data>0</Data><Binary/></EventData></Event>");
            // Record 2: a NULL optional WString[] renders no <Data> at all; the Binary is upper-case hex.
            assertThat(r.nextRecord().xml()).contains("<EventData><Binary>E107070003000C00110010001C00D6000000000000000000"
                    + "</Binary></EventData>");
        }
    }

    @Test
    void everyRecordOfEverySampleIsWellFormedXml() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        DocumentBuilder db = f.newDocumentBuilder();
        db.setErrorHandler(new DefaultHandler());
        long records = 0;
        long withControlChars = 0;
        SharedData.requireRoot();
        for (Path p : SharedData.evtxSamples()) {
            try (EvtxReader r = EvtxReader.open(p, EvtxReadOptions.defaults().recover(true))) {
                for (EvtxRecord rec; (rec = r.nextRecord()) != null; ) {
                    String xml = rec.xml();
                    records++;
                    if (hasXml10InvalidChar(xml)) {
                        // Control characters stored in values (pyevtx_dns_log_malformed) cannot appear in
                        // XML 1.0 at all; we keep the data as Windows stores it, like libevtx.
                        withControlChars++;
                        continue;
                    }
                    Document d = db.parse(new InputSource(new StringReader(xml)));
                    assertThat(d.getDocumentElement().getLocalName()).as(p + " " + rec).isEqualTo("Event");
                }
            }
        }
        assertThat(records).isGreaterThan(17_000);
        assertThat(withControlChars).isLessThan(10);
    }

    private static boolean hasXml10InvalidChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                return true;
            }
            if (Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }
}
