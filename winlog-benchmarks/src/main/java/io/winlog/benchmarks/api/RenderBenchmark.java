package io.winlog.benchmarks.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.FileTime;
import io.winlog.api.event.Guids;
import io.winlog.api.event.NamedValue;
import io.winlog.api.render.EventJson;
import io.winlog.api.render.EventXml;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering one real record (cycling over 1024 records of a sample) as JSONL and as event XML,
 * into a reused {@link StringBuilder} as {@code winlog dump} does, against the usual library
 * ways to write the same text: Jackson's streaming {@link JsonGenerator} and the JDK's StAX
 * {@link XMLStreamWriter} (same keys/elements and value texts, into a reused StringWriter).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class RenderBenchmark {
    @Param({"omer_security.evtx", "omer_sysmon.evtx"})
    public String sample;

    private EventRecord[] records;
    private final StringBuilder sb = new StringBuilder(8192);
    private final StringWriter sw = new StringWriter(8192);
    private final JsonFactory jsonFactory = new JsonFactory();
    private final XMLOutputFactory xmlFactory = XMLOutputFactory.newFactory();
    private int i;

    @Setup
    public void setup() {
        List<EventRecord> list = BenchmarkRecords.load(sample, 1024);
        int n = Integer.highestOneBit(list.size());
        records = list.subList(0, n).toArray(new EventRecord[0]);
    }

    private EventRecord next() {
        return records[i++ & (records.length - 1)];
    }

    @Benchmark
    public int eventJson() {
        sb.setLength(0);
        EventJson.render(next(), -1, null, sb);
        return sb.length();
    }

    @Benchmark
    public int eventXml() {
        sb.setLength(0);
        EventXml.render(next(), sb);
        return sb.length();
    }

    @Benchmark
    public int jacksonGenerator() throws Exception {
        EventRecord r = next();
        sw.getBuffer().setLength(0);
        try (JsonGenerator g = jsonFactory.createGenerator(sw)) {
            g.writeStartObject();
            g.writeNumberField("record_id", r.recordId());
            g.writeStringField("timestamp", r.timeCreated() == null ? null : FileTime.format(r.timeCreated()));
            g.writeNumberField("event_id", r.eventId());
            writeInt(g, "qualifiers", r.qualifiers());
            writeInt(g, "version", r.version());
            writeInt(g, "level", r.level());
            writeInt(g, "task", r.task());
            writeInt(g, "opcode", r.opcode());
            g.writeStringField("keywords", r.keywords() == null ? null : String.format("0x%016x", r.keywords()));
            g.writeStringField("provider_name", r.providerName());
            g.writeStringField("provider_guid", r.providerGuidText());
            g.writeStringField("channel", r.channel());
            g.writeStringField("computer", r.computer());
            g.writeStringField("activity_id", r.activityId() == null ? null : Guids.format(r.activityId()));
            g.writeStringField("related_activity_id", r.relatedActivityId() == null ? null : Guids.format(r.relatedActivityId()));
            writeLong(g, "execution_pid", r.processId());
            writeLong(g, "execution_tid", r.threadId());
            g.writeStringField("security_user_sid", r.userSid() == null ? null : r.userSid().toString());
            g.writeArrayFieldStart("event_data");
            for (NamedValue nv : r.eventData()) {
                g.writeStartObject();
                g.writeStringField("name", nv.name());
                g.writeStringField("value", nv.value().text());
                g.writeStringField("type", nv.value().type().referenceName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return sw.getBuffer().length();
    }

    @Benchmark
    public int staxXml() throws Exception {
        EventRecord r = next();
        sw.getBuffer().setLength(0);
        XMLStreamWriter w = xmlFactory.createXMLStreamWriter(sw);
        w.writeStartElement("Event");
        w.writeDefaultNamespace(EventXml.NAMESPACE);
        w.writeStartElement("System");
        w.writeEmptyElement("Provider");
        if (r.providerName() != null) {
            w.writeAttribute("Name", r.providerName());
        }
        if (r.providerGuidText() != null) {
            w.writeAttribute("Guid", r.providerGuidText());
        }
        element(w, "EventID", Integer.toString(r.eventId()));
        element(w, "Version", r.version() == null ? null : r.version().toString());
        element(w, "Level", r.level() == null ? null : r.level().toString());
        element(w, "Task", r.task() == null ? null : r.task().toString());
        element(w, "Opcode", r.opcode() == null ? null : r.opcode().toString());
        element(w, "Keywords", r.keywords() == null ? null : "0x" + Long.toHexString(r.keywords()));
        if (r.timeCreated() != null) {
            w.writeEmptyElement("TimeCreated");
            w.writeAttribute("SystemTime", FileTime.format(r.timeCreated()));
        }
        element(w, "EventRecordID", Long.toString(r.recordId()));
        w.writeEmptyElement("Correlation");
        if (r.activityId() != null) {
            w.writeAttribute("ActivityID", Guids.format(r.activityId()));
        }
        if (r.processId() != null) {
            w.writeEmptyElement("Execution");
            w.writeAttribute("ProcessID", r.processId().toString());
            w.writeAttribute("ThreadID", String.valueOf(r.threadId()));
        }
        element(w, "Channel", r.channel());
        element(w, "Computer", r.computer());
        w.writeEmptyElement("Security");
        if (r.userSid() != null) {
            w.writeAttribute("UserID", r.userSid().toString());
        }
        w.writeEndElement();
        w.writeStartElement("EventData");
        for (NamedValue nv : r.eventData()) {
            List<EventValue> vs = nv.value().type().isArray() ? nv.value().elements() : List.of(nv.value());
            for (EventValue v : vs) {
                w.writeStartElement("Data");
                if (nv.name() != null) {
                    w.writeAttribute("Name", nv.name());
                }
                w.writeCharacters(v.text());
                w.writeEndElement();
            }
        }
        w.writeEndElement();
        w.writeEndElement();
        w.close();
        return sw.getBuffer().length();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws Exception {
        if (text != null) {
            w.writeStartElement(name);
            w.writeCharacters(text);
            w.writeEndElement();
        }
    }

    private static void writeInt(JsonGenerator g, String k, Integer v) throws Exception {
        if (v == null) {
            g.writeNullField(k);
        } else {
            g.writeNumberField(k, v);
        }
    }

    private static void writeLong(JsonGenerator g, String k, Long v) throws Exception {
        if (v == null) {
            g.writeNullField(k);
        } else {
            g.writeNumberField(k, v);
        }
    }

}
