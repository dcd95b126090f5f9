package io.winlog.jna.codec;

import io.winlog.api.EventSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an {@link EventSpec} into the {@code ReportEventW} calls that write it: sanitizes every
 * insertion string ({@link InsertionTextSanitizer}), fits them into the limits
 * ({@link EventSplitter}) and encodes them to UTF-16LE. Pure, immutable, thread-safe.
 */
public final class ReportEventEncoder {
    private final ReportEventLimits limits;
    private final OverflowPolicy overflow;
    private final InsertionTextPolicy text;

    public ReportEventEncoder(ReportEventLimits limits, OverflowPolicy overflow, InsertionTextPolicy text) {
        this.limits = limits;
        this.overflow = overflow;
        this.text = text;
    }

    public ReportEventLimits limits() {
        return limits;
    }

    public OverflowPolicy overflow() {
        return overflow;
    }

    public InsertionTextPolicy textPolicy() {
        return text;
    }

    /**
     * The calls for {@code spec}: one, or several with {@link OverflowPolicy#SPLIT}.
     *
     * @throws io.winlog.api.EventRejectedException when the policies say reject
     */
    public List<PreparedReportEvent> encode(EventSpec spec) {
        List<String> in = spec.strings();
        List<String> clean = null;
        for (int i = 0; i < in.size(); i++) {
            String s = in.get(i);
            String c = InsertionTextSanitizer.sanitize(s == null ? "" : s, text, i);
            if (c != s && clean == null) {
                clean = new ArrayList<>(in.subList(0, i));
            }
            if (clean != null) {
                clean.add(c);
            }
        }
        List<String> strings = clean == null ? in : clean;
        byte[] data = spec.data();
        byte[] sid = spec.userSid() == null ? null : spec.userSid().toBytes();
        List<EventSplitter.Part> parts = EventSplitter.fit(strings, data == null ? 0 : data.length,
                sid == null ? 0 : sid.length, limits, overflow);
        short type = (short) spec.type().code();
        short category = (short) spec.category();
        int id = EventIds.toDword(spec.eventId());
        List<PreparedReportEvent> out = new ArrayList<>(parts.size());
        for (EventSplitter.Part p : parts) {
            byte[][] enc = new byte[p.strings().size()][];
            for (int i = 0; i < enc.length; i++) {
                enc[i] = Utf16.encodeNulTerminated(p.strings().get(i));
            }
            out.add(new PreparedReportEvent(type, category, id, sid, enc, p.withData() ? data : null, p.part(), p.parts()));
        }
        return out;
    }
}
