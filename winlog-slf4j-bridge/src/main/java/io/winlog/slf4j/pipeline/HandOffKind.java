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
     * winlog's {@link io.winlog.api.channel.EventChannel} in its shared-ring slot mode
     * ({@link ChannelHandOff}): pre-allocated slots filled by a translator, no allocation per log
     * call (two slot copies: caller scratch slot to ring, ring to consumer). BLOCK waits in the
     * channel; DROP uses its {@code tryPublish}. SPILL is not offered here.
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
