package io.winlog.evtx.write;

import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.NamedValue;
import java.util.List;

/**
 * Turns a classic {@link EventSpec} (the arguments of ReportEvent) into the {@link EventRecord}
 * Windows would log for it: provider, channel and computer from the writer's options; level
 * from the event type; task from the category; EventID and Qualifiers from the full 32-bit id;
 * the classic keyword bits (EventLogClassic, plus audit success/failure); each insertion string
 * as an unnamed WString Data item; the binary data as {@code EventData/Binary}.
 */
final class EventSpecMapper {
    /** {@code WINEVENT_KEYWORD_EVENTLOG_CLASSIC}: set on every event logged through ReportEvent. */
    static final long KEYWORD_CLASSIC = 0x0080_0000_0000_0000L;
    static final long KEYWORD_AUDIT_SUCCESS = 0x0020_0000_0000_0000L;
    static final long KEYWORD_AUDIT_FAILURE = 0x0010_0000_0000_0000L;

    private final EvtxWriterOptions options;

    EventSpecMapper(EvtxWriterOptions options) {
        this.options = options;
    }

    /** The keyword mask Windows logs for a classic event of this type. */
    long keywords(EventSpec s) {
        long keywords = KEYWORD_CLASSIC;
        if (s.type() == EventType.AUDIT_SUCCESS) {
            keywords |= KEYWORD_AUDIT_SUCCESS;
        } else if (s.type() == EventType.AUDIT_FAILURE) {
            keywords |= KEYWORD_AUDIT_FAILURE;
        }
        return keywords;
    }

    EventRecord map(EventSpec s) {
        long keywords = keywords(s);
        EventRecord.Builder b = EventRecord.builder()
                .providerName(options.providerName())
                .providerGuid(options.providerGuid())
                .fullEventId(s.eventId())
                .level(s.type().level())
                .task(s.category())
                .keywords(keywords)
                .timeCreated(s.time() != null ? s.time() : options.clock().instant())
                .channel(options.channel())
                .computer(options.computer())
                .userSid(s.userSid());
        List<String> strings = s.strings();
        for (int i = 0; i < strings.size(); i++) {
            b.addData(new NamedValue(null, EventValue.ofString(strings.get(i))));
        }
        byte[] data = s.data();
        if (data != null) {
            b.binaryData(data);
        }
        return b.build();
    }
}
