package io.winlog.api.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.event.EventRecord;
import io.winlog.api.render.EventXml;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Differential test: where the Windows subset has plain XPath 1.0 meaning (existential node-set
 * comparisons, {@code !=} on node-sets, {@code not()}, numbers vs text), EventFilter must select
 * what the JDK's XPath 1.0 engine selects on the event's XML ({@link EventXml}).
 */
class EventFilterVsJdkXPathTest {
    /** {winlog query, the same in namespace-aware XPath 1.0 with prefix e}. */
    static final String[][] QUERIES = {
        {"*[System[(Level=0 or Level=2 or Level=3) and (EventID=4624 or EventID=7036)]]",
            "/e:Event[e:System[(e:Level=0 or e:Level=2 or e:Level=3) and (e:EventID=4624 or e:EventID=7036)]]"},
        {"*[System[Level!=4]]", "/e:Event[e:System[e:Level!=4]]"},
        {"*[not(System[Level=4])]", "/e:Event[not(e:System[e:Level=4])]"},
        {"*[EventData[Data!='-']]", "/e:Event[e:EventData[e:Data!='-']]"},
        {"*[EventData[Data='SYSTEM'] and not(EventData[Data[@Name='LogonType']=5])]",
            "/e:Event[e:EventData[e:Data='SYSTEM'] and not(e:EventData[e:Data[@Name='LogonType']=5])]"},
        {"*[EventData[Data[@Name='LogonType']>=3 and Data[@Name='LogonType']<=7]]",
            "/e:Event[e:EventData[e:Data[@Name='LogonType']>=3 and e:Data[@Name='LogonType']<=7]]"},
        {"*[System[Provider[@Name='Service Control Manager' or @Name='Microsoft-Windows-Kernel-General']]]",
            "/e:Event[e:System[e:Provider[@Name='Service Control Manager' or @Name='Microsoft-Windows-Kernel-General']]]"},
        {"*[System[Execution[@ProcessID < 600 and @ThreadID > 100]]]",
            "/e:Event[e:System[e:Execution[@ProcessID < 600 and @ThreadID > 100]]]"},
        {"*[System[EventRecordID > 100 and EventRecordID < 400]]",
            "/e:Event[e:System[e:EventRecordID > 100 and e:EventRecordID < 400]]"},
        {"*[EventData[Data[@Name='SubjectUserName']=Data[@Name='TargetUserName']]]",
            "/e:Event[e:EventData[e:Data[@Name='SubjectUserName']=e:Data[@Name='TargetUserName']]]"},
        {"*[System/Security[@UserID='S-1-5-18'] or EventData/Binary]",
            "/e:Event[e:System/e:Security[@UserID='S-1-5-18'] or e:EventData/e:Binary]"},
        {"*[EventData/Data[@Name='Image']='C:\\Windows\\SysWOW64\\PING.EXE']",
            "/e:Event[e:EventData/e:Data[@Name='Image']='C:\\Windows\\SysWOW64\\PING.EXE']"},
    };

    @Test
    void selectsWhatXPath10Selects() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        DocumentBuilder db = dbf.newDocumentBuilder();
        db.setErrorHandler(null);
        XPath xp = XPathFactory.newInstance().newXPath();
        xp.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return EventXml.NAMESPACE;
            }

            @Override
            public String getPrefix(String uri) {
                return "e";
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return List.of("e").iterator();
            }
        });
        List<EventRecord> records = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        for (EventRecord r : ReferenceRecords.sample(4)) {
            try {
                docs.add(db.parse(new InputSource(new StringReader(EventXml.render(r)))));
                records.add(r);
            } catch (org.xml.sax.SAXException e) {
                // a value with a control character XML 1.0 cannot carry: no oracle for this record
            }
        }
        for (String[] q : QUERIES) {
            EventFilter f = EventFilter.compile(q[0]);
            XPathExpression jdk = xp.compile(q[1]);
            int selected = 0;
            for (int i = 0; i < records.size(); i++) {
                boolean expected = (Boolean) jdk.evaluate(docs.get(i), XPathConstants.BOOLEAN);
                assertThat(f.matches(records.get(i))).as(q[0] + " on " + records.get(i)).isEqualTo(expected);
                selected += expected ? 1 : 0;
            }
            System.out.printf("%-100s %5d of %d%n", q[0], selected, records.size());
            assertThat(selected).as(q[0]).isBetween(1, records.size() - 1);
        }
    }
}
