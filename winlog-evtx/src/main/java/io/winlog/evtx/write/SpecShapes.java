package io.winlog.evtx.write;

import io.winlog.api.EventSpec;
import java.util.Arrays;
import java.util.List;

/**
 * The templates of classic events ({@link EventSpec}) by shape, so the writer's fast path finds
 * an event's template with one array load instead of building an {@code EventRecord} and its
 * {@link TemplateKey}. With the writer's options fixed, a classic event's template depends only
 * on how many insertion strings it has, whether it has binary data and whether it has a user
 * SID; the first event of each shape goes through the general path, which builds (or finds) the
 * template and {@linkplain #put records} it here.
 *
 * <p>Only templates whose every slot the fast path can fill from an {@code EventSpec} are kept.
 * Not thread-safe: owned by one {@link EvtxWriter}.
 */
final class SpecShapes {
    /** Events with more insertion strings than this always take the general path. */
    static final int MAX_STRINGS = 31;

    private final EventTemplate[] byShape = new EventTemplate[(MAX_STRINGS + 1) * 4];

    /**
     * The shape index of {@code s} (whose binary data is {@code data}), or -1 when the fast path
     * leaves it to the general one: many strings, or a value over the 16-bit size limit (the
     * general path refuses it with its message).
     */
    static int shape(EventSpec s, byte[] data) {
        List<String> strings = s.strings();
        int n = strings.size();
        if (n > MAX_STRINGS) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            if (strings.get(i).length() > ValueEncoder.MAX_VALUE_BYTES / 2) {
                return -1;
            }
        }
        boolean binary = data != null && data.length > 0;
        if (binary && data.length > ValueEncoder.MAX_VALUE_BYTES) {
            return -1;
        }
        return n << 2 | (binary ? 2 : 0) | (s.userSid() != null ? 1 : 0);
    }

    EventTemplate get(int shape) {
        return byShape[shape];
    }

    /** Remembers {@code t} for {@code shape} if the fast path can fill all of its slots. */
    void put(int shape, EventTemplate t) {
        for (int i = 0; i < t.slotCount(); i++) {
            if (!RecordEncoder.specSlot(t.slotKind(i))) {
                return;
            }
        }
        byShape[shape] = t;
    }

    void clear() {
        Arrays.fill(byShape, null);
    }
}
