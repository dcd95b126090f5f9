package io.winlog.api.filter;

import io.winlog.api.event.EventRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one {@link EventFilter#matches} call: the record, the clock for
 * {@code timediff()}, the lazily parsed UserData (parsed at most once per call, shared by every
 * Select/Suppress of a QueryList), and scratch slots for numbers.
 */
final class EvalContext {
    final EventRecord record;
    private final Clock clock;
    private long nowMillis;
    private boolean nowKnown;
    private List<Object> userData;
    private boolean userDataParsed;

    /** Scratch result of a numeric conversion: NaN (no number) and negative (signed) flags. */
    boolean nan;
    boolean negative;
    /** Scratch number handed from a path's terminal sink back to its caller. */
    long scratch;

    /** Values collected from the left path of a path-to-path comparison (a stack for nesting). */
    final List<List<Object>> collected = new ArrayList<>(0);

    EvalContext(EventRecord record, Clock clock) {
        this.record = record;
        this.clock = clock;
    }

    long nowMillis() {
        if (!nowKnown) {
            nowMillis = clock.millis();
            nowKnown = true;
        }
        return nowMillis;
    }

    /** The top-level nodes of the UserData fragment; empty if absent or not well-formed XML. */
    List<Object> userData() {
        if (!userDataParsed) {
            userDataParsed = true;
            String xml = record.userDataXml();
            if (xml == null) {
                userData = List.of();
            } else {
                try {
                    userData = MiniXml.parseFragment(xml);
                } catch (MiniXml.XmlError e) {
                    userData = List.of(); // a malformed fragment matches no UserData path
                }
            }
        }
        return userData;
    }
}
