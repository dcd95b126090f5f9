package io.winlog.evtx.binxml;

import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.NamedValue;
import java.util.Arrays;
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
    // Kinds of an expanded content slot.
    private static final byte ELEMENT = 0;
    private static final byte VALUE = 1;
    private static final byte STATIC = 2;

    private Object[] items = new Object[256];
    private TemplateInstance[] contexts = new TemplateInstance[256];
    private byte[] kinds = new byte[256];
    private int top;
    /** Set when the record has a shape this mapper leaves to the tree path. */
    private boolean unsupported;

    /**
     * The record's event model, or null when its shape is left to {@link EventRecordMapper}.
     *
     * @param document the parsed record document, accepted by {@link TemplateExpander#check}
     */
    public EventRecord map(List<BinXmlNode> document) {
        top = 0;
        unsupported = false;
        try {
            collect(document, null);
            int end = top;
            for (int i = 0; i < end; i++) {
                if (kinds[i] == ELEMENT) {
                    EventRecord.Builder b = EventRecord.builder();
                    mapEvent((Element) items[i], contexts[i], b);
                    return unsupported ? null : b.build();
                }
            }
            return null; // no root: let the tree path report it
        } finally {
            truncate(0); // do not keep the record's values reachable
        }
    }

    // ---- expansion into slots (mirrors TemplateExpander.expandInto) ---------------------------

    private void push(byte kind, Object item, TemplateInstance ctx) {
        if (top == items.length) {
            int n = top * 2;
            items = Arrays.copyOf(items, n);
            contexts = Arrays.copyOf(contexts, n);
            kinds = Arrays.copyOf(kinds, n);
        }
        kinds[top] = kind;
        items[top] = item;
        contexts[top] = ctx;
        top++;
    }

    private void collect(List<BinXmlNode> nodes, TemplateInstance ctx) {
        for (int i = 0, n = nodes.size(); i < n; i++) {
            BinXmlNode node = nodes.get(i);
            if (node instanceof Element e) {
                if (!dropped(e, ctx)) {
                    push(ELEMENT, e, ctx);
                }
            } else if (node instanceof TemplateInstance ti) {
                collect(ti.definition().nodes(), ti);
            } else if (node instanceof Substitution s) {
                substitute(s, ctx);
            } else if (node instanceof Value v) {
                push(VALUE, v.value(), null);
            } else {
                push(STATIC, node, null);
            }
        }
    }

    private void substitute(Substitution s, TemplateInstance ctx) {
        int i = s.index();
        if (i >= ctx.values().length) {
            if (!s.optional()) {
                push(VALUE, EventValue.NULL, null);
            }
            return;
        }
        if (ctx.fragments() != null && ctx.fragments()[i] != null) {
            collect(ctx.fragments()[i], null);
            return;
        }
        EventValue v = ctx.values()[i];
        if (v.isNull() && s.optional()) {
            return;
        }
        push(VALUE, v, null);
    }

    /** An element whose only content is an optional array substitution expanding to nothing is dropped. */
    private boolean dropped(Element e, TemplateInstance ctx) {
        List<BinXmlNode> children = e.children();
        if (children.size() != 1 || !(children.get(0) instanceof Substitution s) || !s.optional()
                || (s.type() & 0x80) == 0) {
            return false;
        }
        int mark = top;
        substitute(s, ctx);
        boolean empty = top == mark;
        truncate(mark);
        return empty;
    }

    private void truncate(int mark) {
        for (int i = mark; i < top; i++) {
            items[i] = null;
            contexts[i] = null;
        }
        top = mark;
    }

    // ---- the mapping (mirrors EventRecordMapper) -----------------------------------------------

    private void mapEvent(Element event, TemplateInstance ctx, EventRecord.Builder b) {
        int start = top;
        collect(event.children(), ctx);
        int end = top;
        for (int i = start; i < end && !unsupported; i++) {
            if (kinds[i] != ELEMENT) {
                continue;
            }
            Element e = (Element) items[i];
            switch (e.name()) {
                case "System":
                    mapSystem(e, contexts[i], b);
                    break;
                case "EventData":
                    mapEventData(e, contexts[i], b);
                    break;
                default:
                    // UserData, RenderingInfo and other elements need XML text or child lookups.
                    unsupported = true;
            }
        }
        truncate(start);
    }

    private void mapSystem(Element system, TemplateInstance sctx, EventRecord.Builder b) {
        int start = top;
        collect(system.children(), sctx);
        int end = top;
        for (int i = start; i < end && !unsupported; i++) {
            if (kinds[i] != ELEMENT) {
                continue;
            }
            Element e = (Element) items[i];
            TemplateInstance ctx = contexts[i];
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
        truncate(start);
    }

    private void mapEventData(Element data, TemplateInstance dctx, EventRecord.Builder b) {
        int start = top;
        collect(data.children(), dctx);
        int end = top;
        for (int i = start; i < end && !unsupported; i++) {
            if (kinds[i] == ELEMENT) {
                Element e = (Element) items[i];
                TemplateInstance ctx = contexts[i];
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
            } else if (kinds[i] == VALUE && !((EventValue) items[i]).isNull()) {
                b.addData(new NamedValue(null, (EventValue) items[i]));
            }
        }
        truncate(start);
    }

    // ---- value helpers (mirror EventRecordMapper's over the expanded parts) ---------------------

    private EventValue contentValue(Element e, TemplateInstance ctx) {
        int start = top;
        collect(e.children(), ctx);
        EventValue v = value(start);
        truncate(start);
        return v;
    }

    private String contentText(Element e, TemplateInstance ctx) {
        int start = top;
        collect(e.children(), ctx);
        String s = text(start);
        truncate(start);
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
            int start = top;
            collect(a.value(), ctx);
            // TemplateExpander drops an attribute whose expanded parts are all NULL values (or none).
            if (!slotsRenderNothing(start)) {
                return start;
            }
            truncate(start);
        }
        return -1;
    }

    private EventValue attrValue(Element e, TemplateInstance ctx, String name) {
        int start = collectAttribute(e, ctx, name);
        if (start < 0) {
            return null;
        }
        EventValue v = value(start);
        truncate(start);
        return v;
    }

    private String attrText(Element e, TemplateInstance ctx, String name) {
        int start = collectAttribute(e, ctx, name);
        if (start < 0) {
            return null;
        }
        String s = text(start);
        truncate(start);
        return s;
    }

    private boolean slotsRenderNothing(int start) {
        for (int i = start; i < top; i++) {
            if (kinds[i] != VALUE || !((EventValue) items[i]).isNull()) {
                return false;
            }
        }
        return true;
    }

    /** EventRecordMapper.value over slots start..top; a part with elements is left to the tree path. */
    private EventValue value(int start) {
        if (top == start) {
            return null;
        }
        if (top - start == 1 && kinds[start] == VALUE) {
            return (EventValue) items[start];
        }
        for (int i = start; i < top; i++) {
            if (kinds[i] == ELEMENT) {
                unsupported = true; // the tree path renders such content as compact XML
                return null;
            }
        }
        return EventValue.ofString(text(start));
    }

    /** EventRecordMapper.text over slots start..top. */
    private String text(int start) {
        if (top - start == 1 && kinds[start] == VALUE) {
            return ((EventValue) items[start]).text();
        }
        int end = top;
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < end; i++) {
            Object p = items[i];
            if (kinds[i] == VALUE) {
                sb.append(((EventValue) p).text());
            } else if (kinds[i] == ELEMENT) {
                sb.append(contentText((Element) p, contexts[i]));
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
