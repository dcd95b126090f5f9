package io.winlog.slf4j.pipeline;

import java.util.Locale;

/** Which {@link HandOff} carries log calls to the writer thread. */
public enum HandOffKind {
    /**
     * The default: {@link MpscSlotRing}, pre-allocated slots filled in place, no allocation per
     * log call. Overflow per {@link OverflowPolicy} (BLOCK, SPILL to the heap, DROP).
     */
    RING,
    /**
     * winlog's {@link io.winlog.api.channel.EventChannel} ({@link ChannelHandOff}): one small
     * object per log call (the channel passes references), the channel's own BLOCK and
     * DROP_NEWEST policies and statistics. SPILL is not offered here (the channel's spill needs a
     * serializer and a journal directory).
     */
    CHANNEL;

    public static HandOffKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown hand-off '" + text + "': use RING or CHANNEL");
        }
    }
}
