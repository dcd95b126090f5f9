package io.winlog.api.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One Windows event: the System properties every event carries, its EventData (ordered, named,
 * typed values) or UserData (XML), and optionally the rendered message.
 *
 * <p>Immutable and cheap to build ({@link #builder()}). Optional properties are {@code null}
 * when the event does not carry them: Windows omits them from the XML, and the JSON form writes
 * {@code null}. XML and JSON are views produced by renderers, never stored here.
 *
 * <p>Numeric properties keep Windows' widths: event id, qualifiers, task are 16-bit unsigned;
 * version, level, opcode 8-bit unsigned; keywords the 64-bit mask; process/thread ids 32-bit
 * unsigned (held in {@code long}).
 */
public final class EventRecord {
    private final String providerName;
    private final UUID providerGuid;
    private final String providerGuidText;
    /** {@link #providerGuidText()} formatted once (a benign race, like String's hash: Strings are immutable). */
    private String formattedGuid;
    private final String eventSourceName;
    private final int eventId;
    private final Integer qualifiers;
    private final Integer version;
    private final Integer level;
    private final Integer task;
    private final Integer opcode;
    private final Long keywords;
    private final Instant timeCreated;
    private final long recordId;
    private final UUID activityId;
    private final UUID relatedActivityId;
    private final Long processId;
    private final Long threadId;
    private final Integer processorId;
    private final Integer sessionId;
    private final Long kernelTime;
    private final Long userTime;
    private final Long processorTime;
    private final String channel;
    private final String computer;
    private final Sid userSid;
    private final List<NamedValue> eventData;
    private final byte[] binaryData;
    private final String userDataXml;
    private final String otherXml;
    private final RenderingInfo renderingInfo;

    private EventRecord(Builder b) {
        this.providerName = b.providerName;
        this.providerGuid = b.providerGuid;
        this.providerGuidText = b.providerGuidText;
        this.eventSourceName = b.eventSourceName;
        this.eventId = b.eventId;
        this.qualifiers = b.qualifiers;
        this.version = b.version;
        this.level = b.level;
        this.task = b.task;
        this.opcode = b.opcode;
        this.keywords = b.keywords;
        this.timeCreated = b.timeCreated;
        this.recordId = b.recordId;
        this.activityId = b.activityId;
        this.relatedActivityId = b.relatedActivityId;
        this.processId = b.processId;
        this.threadId = b.threadId;
        this.processorId = b.processorId;
        this.sessionId = b.sessionId;
        this.kernelTime = b.kernelTime;
        this.userTime = b.userTime;
        this.processorTime = b.processorTime;
        this.channel = b.channel;
        this.computer = b.computer;
        this.userSid = b.userSid;
        this.eventData = b.eventData.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(b.eventData));
        this.binaryData = b.binaryData;
        this.userDataXml = b.userDataXml;
        this.otherXml = b.otherXml;
        this.renderingInfo = b.renderingInfo;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with every property of this record. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.providerName = providerName;
        b.providerGuid = providerGuid;
        b.providerGuidText = providerGuidText;
        b.eventSourceName = eventSourceName;
        b.eventId = eventId;
        b.qualifiers = qualifiers;
        b.version = version;
        b.level = level;
        b.task = task;
        b.opcode = opcode;
        b.keywords = keywords;
        b.timeCreated = timeCreated;
        b.recordId = recordId;
        b.activityId = activityId;
        b.relatedActivityId = relatedActivityId;
        b.processId = processId;
        b.threadId = threadId;
        b.processorId = processorId;
        b.sessionId = sessionId;
        b.kernelTime = kernelTime;
        b.userTime = userTime;
        b.processorTime = processorTime;
        b.channel = channel;
        b.computer = computer;
        b.userSid = userSid;
        b.eventData.addAll(eventData);
        b.binaryData = binaryData;
        b.userDataXml = userDataXml;
        b.otherXml = otherXml;
        b.renderingInfo = renderingInfo;
        return b;
    }

    /** {@code Provider/@Name}. */
    public String providerName() { return providerName; }
    /** {@code Provider/@Guid} as a GUID, or null (classic providers have none). */
    public UUID providerGuid() { return providerGuid; }
    /**
     * {@code Provider/@Guid} exactly as the source wrote it (a template may hold it as literal
     * text, in any case), or null. Falls back to the formatted {@link #providerGuid()}.
     */
    public String providerGuidText() {
        if (providerGuidText != null || providerGuid == null) {
            return providerGuidText;
        }
        String f = formattedGuid;
        if (f == null) {
            f = Guids.format(providerGuid);
            formattedGuid = f;
        }
        return f;
    }
    /** {@code Provider/@EventSourceName} (classic sources behind a manifest provider), or null. */
    public String eventSourceName() { return eventSourceName; }
    /** The 16-bit event id (without qualifiers). */
    public int eventId() { return eventId; }
    /** {@code EventID/@Qualifiers} (the high 16 bits of a classic event id), or null. */
    public Integer qualifiers() { return qualifiers; }
    /**
     * The full 32-bit classic event identifier: {@code qualifiers << 16 | eventId}, as
     * {@code ReportEvent} and {@code EVENTLOGRECORD.EventID} carry it.
     */
    public long fullEventId() { return ((qualifiers == null ? 0L : qualifiers & 0xFFFFL) << 16) | (eventId & 0xFFFFL); }
    public Integer version() { return version; }
    /** {@code Level}: 0 LogAlways, 1 Critical, 2 Error, 3 Warning, 4 Information, 5 Verbose. */
    public Integer level() { return level; }
    public Integer task() { return task; }
    public Integer opcode() { return opcode; }
    /** The 64-bit keyword mask, or null. */
    public Long keywords() { return keywords; }
    /** {@code TimeCreated/@SystemTime}, 100 ns precision. */
    public Instant timeCreated() { return timeCreated; }
    /** {@code EventRecordID}. */
    public long recordId() { return recordId; }
    public UUID activityId() { return activityId; }
    public UUID relatedActivityId() { return relatedActivityId; }
    public Long processId() { return processId; }
    public Long threadId() { return threadId; }
    /** {@code Execution/@ProcessorID} (ETW), or null. */
    public Integer processorId() { return processorId; }
    /** {@code Execution/@SessionID} (ETW), or null. */
    public Integer sessionId() { return sessionId; }
    /** {@code Execution/@KernelTime} (ETW, in ticks), or null. */
    public Long kernelTime() { return kernelTime; }
    /** {@code Execution/@UserTime} (ETW, in ticks), or null. */
    public Long userTime() { return userTime; }
    /** {@code Execution/@ProcessorTime} (ETW private sessions), or null. */
    public Long processorTime() { return processorTime; }
    public String channel() { return channel; }
    public String computer() { return computer; }
    /** {@code Security/@UserID}, or null. */
    public Sid userSid() { return userSid; }
    /** EventData items in order (unmodifiable, empty when none). */
    public List<NamedValue> eventData() { return eventData; }
    /** {@code EventData/Binary} (classic events' data), or null. Returns a copy. */
    public byte[] binaryData() { return binaryData == null ? null : binaryData.clone(); }
    /** True when the event has {@code EventData/Binary}. */
    public boolean hasBinaryData() { return binaryData != null; }
    /** The children of {@code UserData} as compact XML, or null when the event has no UserData. */
    public String userDataXml() { return userDataXml; }
    /** Any other top-level element of the event (e.g. {@code ProcessingErrorData}) as XML, or null. */
    public String otherXml() { return otherXml; }
    public RenderingInfo renderingInfo() { return renderingInfo; }

    /** The first EventData value with this name, or null. */
    public EventValue data(String name) {
        for (NamedValue nv : eventData) {
            if (name.equals(nv.name())) {
                return nv.value();
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EventRecord r)) {
            return false;
        }
        return eventId == r.eventId && recordId == r.recordId
                && Objects.equals(providerName, r.providerName) && Objects.equals(providerGuid, r.providerGuid)
                && Objects.equals(providerGuidText(), r.providerGuidText())
                && Objects.equals(eventSourceName, r.eventSourceName) && Objects.equals(qualifiers, r.qualifiers)
                && Objects.equals(version, r.version) && Objects.equals(level, r.level) && Objects.equals(task, r.task)
                && Objects.equals(opcode, r.opcode) && Objects.equals(keywords, r.keywords)
                && Objects.equals(timeCreated, r.timeCreated) && Objects.equals(activityId, r.activityId)
                && Objects.equals(relatedActivityId, r.relatedActivityId) && Objects.equals(processId, r.processId)
                && Objects.equals(threadId, r.threadId) && Objects.equals(processorId, r.processorId)
                && Objects.equals(sessionId, r.sessionId) && Objects.equals(kernelTime, r.kernelTime)
                && Objects.equals(userTime, r.userTime) && Objects.equals(processorTime, r.processorTime)
                && Objects.equals(channel, r.channel)
                && Objects.equals(computer, r.computer) && Objects.equals(userSid, r.userSid)
                && eventData.equals(r.eventData) && Arrays.equals(binaryData, r.binaryData)
                && Objects.equals(userDataXml, r.userDataXml) && Objects.equals(otherXml, r.otherXml)
                && Objects.equals(renderingInfo, r.renderingInfo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(providerName, eventId, recordId, timeCreated, channel, computer);
    }

    @Override
    public String toString() {
        return "EventRecord{" + providerName + " id=" + eventId + " record=" + recordId + " time=" + timeCreated
                + " channel=" + channel + " data=" + eventData + '}';
    }

    /** Builds {@link EventRecord}s. Not thread-safe; reusable after {@link #build()}. */
    public static final class Builder {
        private String providerName;
        private UUID providerGuid;
        private String providerGuidText;
        private String eventSourceName;
        private int eventId;
        private Integer qualifiers;
        private Integer version;
        private Integer level;
        private Integer task;
        private Integer opcode;
        private Long keywords;
        private Instant timeCreated;
        private long recordId;
        private UUID activityId;
        private UUID relatedActivityId;
        private Long processId;
        private Long threadId;
        private Integer processorId;
        private Integer sessionId;
        private Long kernelTime;
        private Long userTime;
        private Long processorTime;
        private String channel;
        private String computer;
        private Sid userSid;
        private final List<NamedValue> eventData = new ArrayList<>();
        private byte[] binaryData;
        private String userDataXml;
        private String otherXml;
        private RenderingInfo renderingInfo;

        private Builder() {
        }

        public Builder providerName(String v) { providerName = v; return this; }
        public Builder providerGuid(UUID v) { providerGuid = v; return this; }
        /** The provider GUID as literal text, kept as written (see {@link EventRecord#providerGuidText()}). */
        public Builder providerGuidText(String v) { providerGuidText = v; return this; }
        public Builder eventSourceName(String v) { eventSourceName = v; return this; }
        /** The 16-bit event id; higher bits are rejected (use {@link #qualifiers}). */
        public Builder eventId(int v) {
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalArgumentException("event id must be 0..65535 (qualifiers are separate): " + v);
            }
            eventId = v;
            return this;
        }
        public Builder qualifiers(Integer v) { qualifiers = v; return this; }
        /** Sets event id and qualifiers from a full 32-bit classic event identifier. */
        public Builder fullEventId(long v) {
            eventId = (int) (v & 0xFFFF);
            qualifiers = (int) ((v >>> 16) & 0xFFFF);
            return this;
        }
        public Builder version(Integer v) { version = v; return this; }
        public Builder level(Integer v) { level = v; return this; }
        public Builder task(Integer v) { task = v; return this; }
        public Builder opcode(Integer v) { opcode = v; return this; }
        public Builder keywords(Long v) { keywords = v; return this; }
        public Builder timeCreated(Instant v) { timeCreated = v; return this; }
        public Builder recordId(long v) { recordId = v; return this; }
        public Builder activityId(UUID v) { activityId = v; return this; }
        public Builder relatedActivityId(UUID v) { relatedActivityId = v; return this; }
        public Builder processId(Long v) { processId = v; return this; }
        public Builder threadId(Long v) { threadId = v; return this; }
        public Builder processorId(Integer v) { processorId = v; return this; }
        public Builder sessionId(Integer v) { sessionId = v; return this; }
        public Builder kernelTime(Long v) { kernelTime = v; return this; }
        public Builder userTime(Long v) { userTime = v; return this; }
        public Builder processorTime(Long v) { processorTime = v; return this; }
        public Builder channel(String v) { channel = v; return this; }
        public Builder computer(String v) { computer = v; return this; }
        public Builder userSid(Sid v) { userSid = v; return this; }
        public Builder addData(NamedValue v) { eventData.add(Objects.requireNonNull(v)); return this; }
        public Builder addData(String name, EventValue v) { return addData(new NamedValue(name, v)); }
        public Builder addData(String name, String v) { return addData(NamedValue.of(name, v)); }
        public Builder eventData(List<NamedValue> v) { eventData.clear(); eventData.addAll(v); return this; }
        /** {@code EventData/Binary}; the array is copied. */
        public Builder binaryData(byte[] v) { binaryData = v == null ? null : v.clone(); return this; }
        public Builder userDataXml(String v) { userDataXml = v; return this; }
        public Builder otherXml(String v) { otherXml = v; return this; }
        public Builder renderingInfo(RenderingInfo v) { renderingInfo = v; return this; }

        public EventRecord build() {
            return new EventRecord(this);
        }
    }
}
