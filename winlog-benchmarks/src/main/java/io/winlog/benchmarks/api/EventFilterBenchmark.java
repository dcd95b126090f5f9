package io.winlog.benchmarks.api;

import io.winlog.api.event.EventRecord;
import io.winlog.api.filter.EventFilter;
import io.winlog.api.render.EventXml;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * {@link EventFilter#matches} for a typical Security query, cycling over 1024 real Security
 * records, against the JDK's XPath engine on the same events (pre-parsed DOMs, so the peer pays
 * neither rendering nor parsing - a lower bound for the "render to XML, then XPath" approach).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class EventFilterBenchmark {
    /** A Winlogbeat/SIEM-style logon query: ids, level, and an EventData condition. */
    static final String QUERY = "*[System[(EventID=4624 or EventID=4625) and Level<=4]"
            + " and EventData[Data[@Name='LogonType']=3 or Data[@Name='LogonType']=10 or Data[@Name='TargetUserName']='SYSTEM']]";
    /** The same query in the JDK's namespace-aware XPath (prefix e: for the event namespace). */
    static final String JDK_QUERY = "/e:Event[e:System[(e:EventID=4624 or e:EventID=4625) and e:Level<=4]"
            + " and e:EventData[e:Data[@Name='LogonType']=3 or e:Data[@Name='LogonType']=10 or e:Data[@Name='TargetUserName']='SYSTEM']]";

    private EventRecord[] records;
    private Document[] doms;
    private EventFilter filter;
    private XPathExpression jdk;
    private int i;

    @Setup
    public void setup() throws Exception {
        // the first 1024 records whose XML the JDK parser accepts (a few Security values hold
        // control characters such as U+0003 that XML 1.0 cannot carry)
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        DocumentBuilder db = f.newDocumentBuilder();
        db.setErrorHandler(null);
        List<EventRecord> kept = new java.util.ArrayList<>();
        List<Document> keptDoms = new java.util.ArrayList<>();
        for (EventRecord r : BenchmarkRecords.load("omer_security.evtx", 2000)) {
            if (kept.size() == 1024) {
                break;
            }
            try {
                keptDoms.add(db.parse(new InputSource(new StringReader(EventXml.render(r)))));
                kept.add(r);
            } catch (org.xml.sax.SAXException e) {
                // skipped for both contestants
            }
        }
        records = kept.toArray(new EventRecord[0]);
        doms = keptDoms.toArray(new Document[0]);
        if (records.length != 1024) {
            throw new IllegalStateException("expected 1024 records, got " + records.length);
        }
        filter = EventFilter.compile(QUERY);
        int matches = 0;
        javax.xml.xpath.XPath xp = XPathFactory.newInstance().newXPath();
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
            public java.util.Iterator<String> getPrefixes(String uri) {
                return List.of("e").iterator();
            }
        });
        jdk = xp.compile(JDK_QUERY);
        for (int k = 0; k < records.length; k++) {
            boolean a = filter.matches(records[k]);
            boolean b = (Boolean) jdk.evaluate(doms[k], XPathConstants.BOOLEAN);
            if (a != b) {
                throw new IllegalStateException("EventFilter and JDK XPath disagree on record " + records[k]);
            }
            matches += a ? 1 : 0;
        }
        if (matches == 0 || matches == records.length) {
            throw new IllegalStateException("benchmark query must select some but not all records: " + matches);
        }
    }

    @Benchmark
    public boolean eventFilter() {
        int k = i++ & (records.length - 1);
        return filter.matches(records[k]);
    }

    @Benchmark
    public Object jdkXPathOnParsedDom() throws Exception {
        int k = i++ & (records.length - 1);
        return jdk.evaluate(doms[k], XPathConstants.BOOLEAN);
    }

    @Benchmark
    public EventFilter compile() {
        return EventFilter.compile(QUERY);
    }
}
