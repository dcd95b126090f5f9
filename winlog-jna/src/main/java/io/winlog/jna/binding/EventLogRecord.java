package io.winlog.jna.binding;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * EVENTLOGRECORD (winnt.h): the fixed 56-byte header of each record {@code ReadEventLogW}
 * returns. The variable parts (source and computer names, strings, SID, data) follow it at the
 * offsets it gives; decoding them is the codec's job (winlog-evtx's EVENTLOGRECORD codec reads
 * the same bytes from .evt files). All DWORDs are {@code int}, WORDs {@code short}: read them
 * unsigned ({@code Integer.toUnsignedLong}, {@code Short.toUnsignedInt}).
 */
@Structure.FieldOrder({"Length", "Reserved", "RecordNumber", "TimeGenerated", "TimeWritten", "EventID",
        "EventType", "NumStrings", "EventCategory", "ReservedFlags", "ClosingRecordNumber", "StringOffset",
        "UserSidLength", "UserSidOffset", "DataLength", "DataOffset"})
public class EventLogRecord extends Structure {
    /** The C name, for the layout test. */
    public static final String NATIVE_NAME = "EVENTLOGRECORD";
    /** {@code Reserved} always holds this ("LfLe"). */
    public static final int MAGIC = 0x654C664C;

    public int Length;
    public int Reserved;
    public int RecordNumber;
    public int TimeGenerated;
    public int TimeWritten;
    public int EventID;
    public short EventType;
    public short NumStrings;
    public short EventCategory;
    public short ReservedFlags;
    public int ClosingRecordNumber;
    public int StringOffset;
    public int UserSidLength;
    public int UserSidOffset;
    public int DataLength;
    public int DataOffset;

    public EventLogRecord() {
    }

    /** A view of the record header at {@code p} (reads it). */
    public EventLogRecord(Pointer p) {
        super(p);
        read();
    }
}
