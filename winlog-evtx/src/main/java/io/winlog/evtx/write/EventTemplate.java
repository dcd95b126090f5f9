package io.winlog.evtx.write;

import io.winlog.api.event.Guids;
import io.winlog.api.event.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The template for one {@link TemplateKey shape}: the Event element as Windows lays it out
 * (System with every property as a typed substitution; Provider literal; EventData items as
 * {@code <Data Name='n'>%i</Data>}; UserData structure with text substitutions) plus the list of
 * substitution slots the record encoder fills, in index order.
 *
 * <p>Immutable and chunk-independent: each chunk that uses it gets its own copy of the
 * definition ({@link BinXmlEmitter#emitDefinition}).
 */
final class EventTemplate {
    static final String EVENT_NS = "http://schemas.microsoft.com/win/2004/08/events/event";

    private final TemplateKey key;
    private final TemplateNode.Element root;
    private final int[] slotKinds;
    private final int[] slotArgs;
    private final byte[] guid = new byte[16];
    private final int templateId;

    private EventTemplate(TemplateKey key, TemplateNode.Element root, int[] kinds, int[] args) {
        this.key = key;
        this.root = root;
        this.slotKinds = kinds;
        this.slotArgs = args;
        UUID g = UUID.nameUUIDFromBytes(key.describe().getBytes(StandardCharsets.UTF_8));
        Guids.toBytes(g, guid, 0);
        this.templateId = (guid[0] & 0xFF) | (guid[1] & 0xFF) << 8 | (guid[2] & 0xFF) << 16 | (guid[3] & 0xFF) << 24;
    }

    TemplateKey key() { return key; }
    TemplateNode.Element root() { return root; }
    int slotCount() { return slotKinds.length; }
    int slotKind(int i) { return slotKinds[i]; }
    int slotArg(int i) { return slotArgs[i]; }
    byte[] guid() { return guid; }
    int templateId() { return templateId; }

    /**
     * Builds the template of {@code key}. The XML fragments give the structure of XML EventData
     * items ({@code dataXml[i]}, null where item i is a value), UserData and another top-level
     * element; their text values are numbered in that order.
     */
    static EventTemplate build(TemplateKey key, XmlFragment[] dataXml, XmlFragment userData, XmlFragment other) {
        Builder b = new Builder();
        List<TemplateNode> system = new ArrayList<>();
        List<TemplateNode.Attr> provider = new ArrayList<>();
        if (key.has(Slot.PROVIDER_NAME)) {
            provider.add(new TemplateNode.Attr("Name", new TemplateNode.Text(key.providerName())));
        }
        if (key.has(Slot.PROVIDER_GUID)) {
            provider.add(new TemplateNode.Attr("Guid", new TemplateNode.Text(key.providerGuidText())));
        }
        if (key.has(Slot.EVENT_SOURCE)) {
            provider.add(new TemplateNode.Attr("EventSourceName", new TemplateNode.Text(key.eventSourceName())));
        }
        system.add(elem("Provider", provider));
        List<TemplateNode.Attr> eventIdAttrs = new ArrayList<>();
        if (key.has(Slot.QUALIFIERS)) {
            eventIdAttrs.add(new TemplateNode.Attr("Qualifiers", b.slot(Slot.QUALIFIERS, 0, ValueType.UINT16)));
        }
        system.add(new TemplateNode.Element("EventID", List.copyOf(eventIdAttrs),
                List.of(b.slot(Slot.EVENT_ID, 0, ValueType.UINT16))));
        b.simple(key, system, Slot.VERSION, "Version", ValueType.UINT8);
        b.simple(key, system, Slot.LEVEL, "Level", ValueType.UINT8);
        b.simple(key, system, Slot.TASK, "Task", ValueType.UINT16);
        b.simple(key, system, Slot.OPCODE, "Opcode", ValueType.UINT8);
        b.simple(key, system, Slot.KEYWORDS, "Keywords", ValueType.HEX_INT64);
        if (key.has(Slot.TIME)) {
            system.add(elem("TimeCreated", List.of(new TemplateNode.Attr("SystemTime",
                    b.slot(Slot.TIME, 0, ValueType.FILETIME)))));
        }
        system.add(new TemplateNode.Element("EventRecordID", List.of(),
                List.of(b.slot(Slot.RECORD_ID, 0, ValueType.UINT64))));
        List<TemplateNode.Attr> corr = new ArrayList<>();
        b.attr(key, corr, Slot.ACTIVITY, "ActivityID", ValueType.GUID);
        b.attr(key, corr, Slot.RELATED, "RelatedActivityID", ValueType.GUID);
        system.add(elem("Correlation", corr));
        List<TemplateNode.Attr> exec = new ArrayList<>();
        b.attr(key, exec, Slot.PID, "ProcessID", ValueType.UINT32);
        b.attr(key, exec, Slot.TID, "ThreadID", ValueType.UINT32);
        b.attr(key, exec, Slot.PROCESSOR, "ProcessorID", ValueType.UINT32);
        b.attr(key, exec, Slot.SESSION, "SessionID", ValueType.UINT32);
        b.attr(key, exec, Slot.KERNEL, "KernelTime", ValueType.UINT32);
        b.attr(key, exec, Slot.USER, "UserTime", ValueType.UINT32);
        b.attr(key, exec, Slot.PROCESSOR_TIME, "ProcessorTime", ValueType.UINT64);
        if (!exec.isEmpty()) {
            system.add(elem("Execution", exec));
        }
        b.simple(key, system, Slot.CHANNEL, "Channel", ValueType.STRING);
        b.simple(key, system, Slot.COMPUTER, "Computer", ValueType.STRING);
        List<TemplateNode.Attr> sec = new ArrayList<>();
        b.attr(key, sec, Slot.USER_SID, "UserID", ValueType.SID);
        system.add(elem("Security", sec));

        List<TemplateNode> event = new ArrayList<>();
        event.add(new TemplateNode.Element("System", List.of(), List.copyOf(system)));
        int xmlBase = 0;
        if (key.has(Slot.EVENT_DATA)) {
            List<TemplateNode> data = new ArrayList<>();
            for (int i = 0; i < key.dataCount(); i++) {
                if (dataXml != null && dataXml[i] != null) {
                    data.addAll(b.xml(dataXml[i].nodes, xmlBase));
                    xmlBase += dataXml[i].values.size();
                    continue;
                }
                String name = key.dataName(i);
                List<TemplateNode.Attr> attrs = name == null ? List.of()
                        : List.of(new TemplateNode.Attr("Name", new TemplateNode.Text(name)));
                data.add(new TemplateNode.Element("Data", attrs,
                        List.of(b.slotCode(Slot.DATA, i, key.dataType(i)))));
            }
            if (key.has(Slot.BINARY)) {
                data.add(new TemplateNode.Element("Binary", List.of(),
                        List.of(b.slot(Slot.BINARY, 0, ValueType.BINARY))));
            }
            event.add(new TemplateNode.Element("EventData", List.of(), List.copyOf(data)));
        }
        if (userData != null) {
            event.add(new TemplateNode.Element("UserData", List.of(), b.xml(userData.nodes, xmlBase)));
            xmlBase += userData.values.size();
        }
        if (other != null) {
            event.addAll(b.xml(other.nodes, xmlBase));
        }
        TemplateNode.Element root = new TemplateNode.Element("Event",
                List.of(new TemplateNode.Attr("xmlns", new TemplateNode.Text(EVENT_NS))), List.copyOf(event));
        return new EventTemplate(key, root, b.kinds(), b.args());
    }

    private static TemplateNode.Element elem(String name, List<TemplateNode.Attr> attrs) {
        return new TemplateNode.Element(name, List.copyOf(attrs), List.of());
    }

    /** Collects slots in index order while the tree is built. */
    private static final class Builder {
        private final List<int[]> slots = new ArrayList<>();

        TemplateNode.Subst slot(int kind, int arg, ValueType type) {
            return slotCode(kind, arg, type.code());
        }

        TemplateNode.Subst slotCode(int kind, int arg, int typeCode) {
            slots.add(new int[] {kind, arg});
            return new TemplateNode.Subst(slots.size() - 1, typeCode);
        }

        void simple(TemplateKey key, List<TemplateNode> into, int bit, String name, ValueType type) {
            if (key.has(bit)) {
                into.add(new TemplateNode.Element(name, List.of(), List.of(slot(bit, 0, type))));
            }
        }

        void attr(TemplateKey key, List<TemplateNode.Attr> into, int bit, String name, ValueType type) {
            if (key.has(bit)) {
                into.add(new TemplateNode.Attr(name, slot(bit, 0, type)));
            }
        }

        /** Re-numbers the fragment's relative text substitutions into this template's slots. */
        List<TemplateNode> xml(List<TemplateNode> nodes, int base) {
            List<TemplateNode> out = new ArrayList<>(nodes.size());
            for (TemplateNode n : nodes) {
                out.add(renumber(n, base));
            }
            return List.copyOf(out);
        }

        private TemplateNode renumber(TemplateNode n, int base) {
            if (n instanceof TemplateNode.Subst s) {
                return slotCode(Slot.XML_TEXT, base + s.index(), s.type());
            }
            if (n instanceof TemplateNode.Element e) {
                List<TemplateNode.Attr> attrs = new ArrayList<>(e.attrs().size());
                for (TemplateNode.Attr a : e.attrs()) {
                    attrs.add(new TemplateNode.Attr(a.name(), renumber(a.value(), base)));
                }
                return new TemplateNode.Element(e.name(), List.copyOf(attrs), xml(e.children(), base));
            }
            return n;
        }

        int[] kinds() {
            int[] k = new int[slots.size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = slots.get(i)[0];
            }
            return k;
        }

        int[] args() {
            int[] a = new int[slots.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = slots.get(i)[1];
            }
            return a;
        }
    }
}
