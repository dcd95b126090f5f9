package io.winlog.evtx.write;

/**
 * What each substitution of an event template carries: a System property, an EventData item,
 * the EventData binary, or a text value of UserData (or of another top-level element). Also the
 * bit numbers of {@link TemplateKey#presence()}: the System properties a record has decide the
 * shape of its template.
 */
final class Slot {
    private Slot() {
    }

    static final int PROVIDER_NAME = 0;
    static final int PROVIDER_GUID = 1;
    static final int EVENT_SOURCE = 2;
    static final int QUALIFIERS = 3;
    static final int VERSION = 4;
    static final int LEVEL = 5;
    static final int TASK = 6;
    static final int OPCODE = 7;
    static final int KEYWORDS = 8;
    static final int TIME = 9;
    static final int ACTIVITY = 10;
    static final int RELATED = 11;
    static final int PID = 12;
    static final int TID = 13;
    static final int PROCESSOR = 14;
    static final int SESSION = 15;
    static final int KERNEL = 16;
    static final int USER = 17;
    static final int PROCESSOR_TIME = 18;
    static final int CHANNEL = 19;
    static final int COMPUTER = 20;
    static final int USER_SID = 21;
    static final int BINARY = 22;
    static final int USER_DATA = 23;
    static final int OTHER_XML = 24;
    static final int EVENT_DATA = 25;
    /** Not a presence bit: EventRecordID is always written. */
    static final int RECORD_ID = 26;
    /** Slot kind of an EventData item (argument: its index). */
    static final int DATA = 27;
    /** Slot kind of a UserData / other-element text value (argument: its index). */
    static final int XML_TEXT = 28;
    /** Slot kind of the 16-bit EventID. */
    static final int EVENT_ID = 29;
}
