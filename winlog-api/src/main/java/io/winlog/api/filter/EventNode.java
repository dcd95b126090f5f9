package io.winlog.api.filter;

import io.winlog.api.event.EventRecord;
import io.winlog.api.event.FileTime;
import io.winlog.api.event.RenderingInfo;
import java.util.List;

/**
 * The fixed elements of the event XML ({@code <Event>}, {@code <System>} and its children,
 * {@code <EventData>}, {@code <UserData>}, {@code <RenderingInfo>} ...), read straight from an
 * {@link EventRecord} without building XML. A filter step that names one of them resolves to the
 * constant at compile time; at run time the constant is the "node" and its values come from the
 * record. Data items, UserData elements, attribute values are other node objects (see
 * {@link NodeValues}).
 */
enum EventNode {
    DOCUMENT(null),
    EVENT("Event"),
    SYSTEM("System"),
    PROVIDER("Provider"),
    EVENT_ID("EventID"),
    VERSION("Version"),
    LEVEL("Level"),
    TASK("Task"),
    OPCODE("Opcode"),
    KEYWORDS("Keywords"),
    TIME_CREATED("TimeCreated"),
    EVENT_RECORD_ID("EventRecordID"),
    CORRELATION("Correlation"),
    EXECUTION("Execution"),
    CHANNEL("Channel"),
    COMPUTER("Computer"),
    SECURITY("Security"),
    EVENT_DATA("EventData"),
    BINARY("Binary"),
    USER_DATA("UserData"),
    RENDERING_INFO("RenderingInfo"),
    RI_MESSAGE("Message"),
    RI_LEVEL("Level"),
    RI_TASK("Task"),
    RI_OPCODE("Opcode"),
    RI_CHANNEL("Channel"),
    RI_PROVIDER("Provider"),
    RI_KEYWORDS("Keywords");

    static final List<EventNode> EVENT_CHILDREN = List.of(SYSTEM, EVENT_DATA, USER_DATA, RENDERING_INFO);
    static final List<EventNode> SYSTEM_CHILDREN = List.of(PROVIDER, EVENT_ID, VERSION, LEVEL, TASK, OPCODE, KEYWORDS,
            TIME_CREATED, EVENT_RECORD_ID, CORRELATION, EXECUTION, CHANNEL, COMPUTER, SECURITY);
    static final List<EventNode> RI_CHILDREN = List.of(RI_MESSAGE, RI_LEVEL, RI_TASK, RI_OPCODE, RI_CHANNEL,
            RI_PROVIDER, RI_KEYWORDS);

    /** The attribute names each fixed element can carry (for compile-time checks and docs). */
    static List<String> attributeNames(EventNode n) {
        switch (n) {
            case PROVIDER: return List.of("Name", "Guid", "EventSourceName");
            case EVENT_ID: return List.of("Qualifiers");
            case TIME_CREATED: return List.of("SystemTime");
            case CORRELATION: return List.of("ActivityID", "RelatedActivityID");
            case EXECUTION: return List.of("ProcessID", "ThreadID", "ProcessorID", "SessionID", "KernelTime", "UserTime",
                    "ProcessorTime");
            case SECURITY: return List.of("UserID");
            case RENDERING_INFO: return List.of("Culture");
            default: return List.of();
        }
    }

    final String elementName;

    EventNode(String elementName) {
        this.elementName = elementName;
    }

    /** The fixed children of this element (empty for leaves and for dynamic content). */
    List<EventNode> fixedChildren() {
        switch (this) {
            case EVENT: return EVENT_CHILDREN;
            case SYSTEM: return SYSTEM_CHILDREN;
            case RENDERING_INFO: return RI_CHILDREN;
            default: return List.of();
        }
    }

    /** True if the element is present in this record's XML. */
    boolean exists(EventRecord r) {
        switch (this) {
            case DOCUMENT: case EVENT: case SYSTEM: case EVENT_ID: case EVENT_RECORD_ID: case SECURITY:
                return true;
            case PROVIDER: return r.providerName() != null || r.providerGuidText() != null || r.eventSourceName() != null;
            case VERSION: return r.version() != null;
            case LEVEL: return r.level() != null;
            case TASK: return r.task() != null;
            case OPCODE: return r.opcode() != null;
            case KEYWORDS: return r.keywords() != null;
            case TIME_CREATED: return r.timeCreated() != null;
            case CORRELATION: return r.activityId() != null || r.relatedActivityId() != null || r.version() != null;
            case EXECUTION: return r.processId() != null || r.threadId() != null;
            case CHANNEL: return r.channel() != null;
            case COMPUTER: return r.computer() != null;
            case EVENT_DATA: return !r.eventData().isEmpty() || r.hasBinaryData();
            case BINARY: return r.hasBinaryData();
            case USER_DATA: return r.userDataXml() != null;
            case RENDERING_INFO: return r.renderingInfo() != null;
            case RI_MESSAGE: return ri(r) != null && ri(r).message() != null;
            case RI_LEVEL: return ri(r) != null && ri(r).level() != null;
            case RI_TASK: return ri(r) != null && ri(r).task() != null;
            case RI_OPCODE: return ri(r) != null && ri(r).opcode() != null;
            case RI_CHANNEL: return ri(r) != null && ri(r).channel() != null;
            case RI_PROVIDER: return ri(r) != null && ri(r).provider() != null;
            case RI_KEYWORDS: return ri(r) != null && !ri(r).keywords().isEmpty();
            default: return false;
        }
    }

    /**
     * The value of attribute {@code name} of this element in record {@code r}, or null when the
     * element has no such attribute. Values are the record's own objects (String, Integer, Long,
     * UUID, Sid, Instant), so reading them allocates nothing.
     */
    Object attribute(EventRecord r, String name) {
        switch (this) {
            case PROVIDER:
                switch (name) {
                    case "Name": return r.providerName();
                    case "Guid": return r.providerGuidText();
                    case "EventSourceName": return r.eventSourceName();
                    default: return null;
                }
            case EVENT_ID: return name.equals("Qualifiers") ? r.qualifiers() : null;
            case TIME_CREATED: return name.equals("SystemTime") ? r.timeCreated() : null;
            case CORRELATION:
                switch (name) {
                    case "ActivityID": return r.activityId();
                    case "RelatedActivityID": return r.relatedActivityId();
                    default: return null;
                }
            case EXECUTION:
                switch (name) {
                    case "ProcessID": return r.processId();
                    case "ThreadID": return r.threadId();
                    case "ProcessorID": return r.processorId();
                    case "SessionID": return r.sessionId();
                    case "KernelTime": return r.kernelTime();
                    case "UserTime": return r.userTime();
                    case "ProcessorTime": return r.processorTime();
                    default: return null;
                }
            case SECURITY: return name.equals("UserID") ? r.userSid() : null;
            case RENDERING_INFO: return name.equals("Culture") && ri(r) != null ? ri(r).culture() : null;
            default: return null;
        }
    }

    /** The text content of a leaf element (the XPath string-value), or null for structural elements. */
    String leafText(EventRecord r) {
        switch (this) {
            case EVENT_ID: return Integer.toString(r.eventId());
            case VERSION: return str(r.version());
            case LEVEL: return str(r.level());
            case TASK: return str(r.task());
            case OPCODE: return str(r.opcode());
            case KEYWORDS: return r.keywords() == null ? null : "0x" + Long.toHexString(r.keywords());
            case EVENT_RECORD_ID: return Long.toUnsignedString(r.recordId());
            case CHANNEL: return r.channel();
            case COMPUTER: return r.computer();
            case PROVIDER: case TIME_CREATED: case CORRELATION: case EXECUTION: case SECURITY: return "";
            case BINARY: return r.hasBinaryData() ? io.winlog.api.event.EventValue.hex(r.binaryData()) : null;
            case RI_MESSAGE: return ri(r) == null ? null : ri(r).message();
            case RI_LEVEL: return ri(r) == null ? null : ri(r).level();
            case RI_TASK: return ri(r) == null ? null : ri(r).task();
            case RI_OPCODE: return ri(r) == null ? null : ri(r).opcode();
            case RI_CHANNEL: return ri(r) == null ? null : ri(r).channel();
            case RI_PROVIDER: return ri(r) == null ? null : ri(r).provider();
            default: return null;
        }
    }

    /** True for the System leaves whose text is an unsigned integer (compared without parsing). */
    boolean isNumericLeaf() {
        switch (this) {
            case EVENT_ID: case VERSION: case LEVEL: case TASK: case OPCODE: case KEYWORDS: case EVENT_RECORD_ID:
                return true;
            default:
                return false;
        }
    }

    /** The numeric value of a numeric leaf (unsigned 64-bit for Keywords and EventRecordID). */
    long numericLeaf(EventRecord r) {
        switch (this) {
            case EVENT_ID: return r.eventId();
            case VERSION: return r.version();
            case LEVEL: return r.level();
            case TASK: return r.task();
            case OPCODE: return r.opcode();
            case KEYWORDS: return r.keywords();
            case EVENT_RECORD_ID: return r.recordId();
            default: throw new IllegalStateException(name());
        }
    }

    /** Unused by leaves; for SystemTime formatting by structural string-values. */
    static String format(java.time.Instant t) {
        return FileTime.format(t);
    }

    private static RenderingInfo ri(EventRecord r) {
        return r.renderingInfo();
    }

    private static String str(Integer v) {
        return v == null ? null : v.toString();
    }
}
