package io.winlog.evtx.binxml;

import static io.winlog.evtx.binxml.ExpandedSlots.ELEMENT;
import static io.winlog.evtx.binxml.ExpandedSlots.VALUE;

import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.NamedValue;
import java.util.List;

/**
 * Builds the winlog-api {@link EventRecord} straight from a parsed record (its template instances
 * and substitution values, as {@link BinXmlParser} returns them): the same record as
 * {@link EventRecordMapper#map} over the {@link TemplateExpander expanded} tree, without building
 * that tree.
 *
 * <p>Why: the JSONL and text outputs (and every reader of {@code EvtxRecord.event()}) need the
 * model, not the tree; expanding allocates an element and lists per element holding a value,
 * only to be walked once. Like {@link RecordXmlWriter}, this walks the template definition
 * (shared by all records of a chunk) with the instance's values at hand, on a reusable stack of
 * "expanded content" slots that follows {@link TemplateExpander}'s rules.
 *
 * <p>Conservative: a record whose mapping needs XML text of a subtree (UserData, RenderingInfo,
 * another top-level element, an EventData child that is not {@code <Data>} or {@code <Binary>},
 * or a value with elements in it) is not handled here: {@link #map} returns null and the caller
 * maps the expanded tree. A test maps every record of every sample both ways and compares.
 *
 * <p>Call it only for documents {@link TemplateExpander#check} accepted (that bounds the depth
 * and size of the walk). Not thread-safe: one mapper per thread.
 */
public final class TemplateEventMapper {
    /** The record's content, expanded into slots (no tree). */
    private final ExpandedSlots slots = new ExpandedSlots();
    /** Set when the record has a shape this mapper leaves to the tree path. */
    private boolean unsupported;

    /**
     * The record's event model, or null when its shape is left to {@link EventRecordMapper}.
     *
     * @param document the parsed record document, accepted by {@link TemplateExpander#check}
     */
    public EventRecord map(List<BinXmlNode> document) {
        slots.top = 0;
        unsupported = false;
        try {
            slots.collect(document, null);
            int end = slots.top;
            for (int i = 0; i < end; i++) {
                if (slots.kinds[i] == ELEMENT) {
                    EventRecord.Builder b = EventRecord.builder();
                    mapEvent((Element) slots.items[i], slots.contexts[i], b);
                    return unsupported ? null : b.build();
                }
            }
            return null; // no root: let the tree path report it
        } finally {
            slots.truncate(0); // do not keep the record's values reachable
        }
    }

    // ---- the mapping (mirrors EventRecordMapper) -----------------------------------------------

    private void mapEvent(Element event, TemplateInstance ctx, EventRecord.Builder b) {
        int start = slots.top;
        slots.collect(event.children(), ctx);
        int end = slots.top;
        for (int i = start; i < end && !unsupported; i++) {
            if (slots.kinds[i] != ELEMENT) {
                continue;
            }
            Element e = (Element) slots.items[i];
            switch (e.name()) {
                case "System":
                    mapSystem(e, slots.contexts[i], b);
                    break;
                case "EventData":
                    mapEventData(e, slots.contexts[i], b);
                    break;
                default:
                    // UserData, RenderingInfo and other elements need XML text or child lookups.
                    unsupported = true;
            }
        }
        slots.truncate(start);
    }

    private void mapSystem(Element system, TemplateInstance sctx, EventRecord.Builder b) {
        int start = slots.top;
        slots.collect(system.children(), sctx);
        int end = slots.top;
        for (int i = start; i < end && !unsupported; i++) {
            if (slots.kinds[i] != ELEMENT) {
                continue;
            }
            Element e = (Element) slots.items[i];
            TemplateInstance ctx = slots.contexts[i];
            switch (e.name()) {
                case "Provider": {
                    b.providerName(attrText(e, ctx, "Name"));
                    String g = attrText(e, ctx, "Guid");
                    if (g != null) {
                        b.providerGuidText(g);
                        b.providerGuid(EventRecordMapper.guid(attrValue(e, ctx, "Guid")));
                    }
                    b.eventSourceName(attrText(e, ctx, "EventSourceName"));
                    break;
                }
                case "EventID": {
                    Long id = EventRecordMapper.number(contentValue(e, ctx));
                    if (id != null) {
                        b.fullEventId(id & 0xFFFF);
                    }
                    Long q = EventRecordMapper.number(attrValue(e, ctx, "Qualifiers"));
                    b.qualifiers(q == null ? null : (int) (q & 0xFFFF));
                    break;
                }
                case "Version": b.version(EventRecordMapper.toInt(EventRecordMapper.number(contentValue(e, ctx)))); break;
                case "Level": b.level(EventRecordMapper.toInt(EventRecordMapper.number(contentValue(e, ctx)))); break;
                case "Task": b.task(EventRecordMapper.toInt(EventRecordMapper.number(contentValue(e, ctx)))); break;
                case "Opcode": b.opcode(EventRecordMapper.toInt(EventRecordMapper.number(contentValue(e, ctx)))); break;
                case "Keywords": b.keywords(EventRecordMapper.number(contentValue(e, ctx))); break;
                case "TimeCreated": b.timeCreated(EventRecordMapper.instant(attrValue(e, ctx, "SystemTime"))); break;
                case "EventRecordID": {
                    Long id = EventRecordMapper.number(contentValue(e, ctx));
                    b.recordId(id == null ? 0 : id);
                    break;
                }
                case "Correlation":
                    b.activityId(EventRecordMapper.guid(attrValue(e, ctx, "ActivityID")));
                    b.relatedActivityId(EventRecordMapper.guid(attrValue(e, ctx, "RelatedActivityID")));
                    break;
                case "Execution":
                    b.processId(EventRecordMapper.number(attrValue(e, ctx, "ProcessID")));
                    b.threadId(EventRecordMapper.number(attrValue(e, ctx, "ThreadID")));
                    b.processorId(EventRecordMapper.toInt(EventRecordMapper.number(attrValue(e, ctx, "ProcessorID"))));
                    b.sessionId(EventRecordMapper.toInt(EventRecordMapper.number(attrValue(e, ctx, "SessionID"))));
                    b.kernelTime(EventRecordMapper.number(attrValue(e, ctx, "KernelTime")));
                    b.userTime(EventRecordMapper.number(attrValue(e, ctx, "UserTime")));
                    b.processorTime(EventRecordMapper.number(attrValue(e, ctx, "ProcessorTime")));
                    break;
                case "Channel": {
                    String c = contentText(e, ctx);
                    b.channel(c.isEmpty() ? null : c);
                    break;
                }
                case "Computer": b.computer(contentText(e, ctx)); break;
                case "Security": b.userSid(EventRecordMapper.sid(attrValue(e, ctx, "UserID"))); break;
                default:
                    break;
            }
        }
        slots.truncate(start);
    }

    private void mapEventData(Element data, TemplateInstance dctx, EventRecord.Builder b) {
        int start = slots.top;
        slots.collect(data.children(), dctx);
        int end = slots.top;
        for (int i = start; i < end && !unsupported; i++) {
            if (slots.kinds[i] == ELEMENT) {
                Element e = (Element) slots.items[i];
                TemplateInstance ctx = slots.contexts[i];
                if (e.name().equals("Binary")) {
                    byte[] bin = EventRecordMapper.binary(contentValue(e, ctx));
                    if (bin != null && bin.length > 0) {
                        b.binaryData(bin);
                    }
                } else if (e.name().equals("Data")) {
                    EventValue v = contentValue(e, ctx);
                    String name = attrText(e, ctx, "Name");
                    b.addData(new NamedValue(name, v == null ? EventValue.NULL : v));
                } else {
                    unsupported = true; // kept whole as XML by the tree path
                }
            } else if (slots.kinds[i] == VALUE && !((EventValue) slots.items[i]).isNull()) {
                b.addData(new NamedValue(null, (EventValue) slots.items[i]));
            }
        }
        slots.truncate(start);
    }

    // ---- value helpers (mirror EventRecordMapper's over the expanded parts) ---------------------

    private EventValue contentValue(Element e, TemplateInstance ctx) {
        int start = slots.top;
        slots.collect(e.children(), ctx);
        EventValue v = value(start);
        slots.truncate(start);
        return v;
    }

    private String contentText(Element e, TemplateInstance ctx) {
        int start = slots.top;
        slots.collect(e.children(), ctx);
        String s = text(start);
        slots.truncate(start);
        return s;
    }

    /** Collects the expanded parts of the first kept attribute with this name; -1 when there is none. */
    private int collectAttribute(Element e, TemplateInstance ctx, String name) {
        List<Attribute> attrs = e.attributes();
        for (int i = 0, n = attrs.size(); i < n; i++) {
            Attribute a = attrs.get(i);
            if (!a.name().equals(name)) {
                continue;
            }
            int start = slots.top;
            slots.collect(a.value(), ctx);
            // TemplateExpander drops an attribute whose expanded parts are all NULL values (or none).
            if (!slots.renderNothingFrom(start)) {
                return start;
            }
            slots.truncate(start);
        }
        return -1;
    }

    private EventValue attrValue(Element e, TemplateInstance ctx, String name) {
        int start = collectAttribute(e, ctx, name);
        if (start < 0) {
            return null;
        }
        EventValue v = value(start);
        slots.truncate(start);
        return v;
    }

    private String attrText(Element e, TemplateInstance ctx, String name) {
        int start = collectAttribute(e, ctx, name);
        if (start < 0) {
            return null;
        }
        String s = text(start);
        slots.truncate(start);
        return s;
    }

    /** EventRecordMapper.value over slots start..top; a part with elements is left to the tree path. */
    private EventValue value(int start) {
        if (slots.top == start) {
            return null;
        }
        if (slots.top - start == 1 && slots.kinds[start] == VALUE) {
            return (EventValue) slots.items[start];
        }
        for (int i = start; i < slots.top; i++) {
            if (slots.kinds[i] == ELEMENT) {
                unsupported = true; // the tree path renders such content as compact XML
                return null;
            }
        }
        return EventValue.ofString(text(start));
    }

    /** EventRecordMapper.text over slots start..top. */
    private String text(int start) {
        if (slots.top - start == 1 && slots.kinds[start] == VALUE) {
            return ((EventValue) slots.items[start]).text();
        }
        int end = slots.top;
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < end; i++) {
            Object p = slots.items[i];
            if (slots.kinds[i] == VALUE) {
                sb.append(((EventValue) p).text());
            } else if (slots.kinds[i] == ELEMENT) {
                sb.append(contentText((Element) p, slots.contexts[i]));
            } else if (p instanceof CData c) {
                sb.append(c.text());
            } else if (p instanceof CharRef c) {
                sb.append((char) c.codePoint());
            } else if (p instanceof EntityRef r) {
                String s = r.resolved();
                sb.append(s != null ? s : "&" + r.name() + ";");
            }
        }
        return sb.toString();
    }
}
