package io.winlog.jna.messagedll;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Encodes a {@link MessageTable} as {@code MESSAGE_RESOURCE_DATA}: the block count, one
 * {@code MESSAGE_RESOURCE_BLOCK} (LowId, HighId, OffsetToEntries) per range, then the
 * {@code MESSAGE_RESOURCE_ENTRY} runs (Length, Flags = 1 for Unicode, NUL-terminated UTF-16LE
 * text padded to 4 bytes).
 *
 * <p>Ranges with the same size and text share one run of entries: a block only says where its
 * first entry is, and the lookup ({@code RtlFindMessage}) walks {@code id - LowId} entries from
 * there by their Length. That keeps "0..65535 in each of the four severities" at one run of
 * 65,536 entries (768 KiB) instead of four.
 */
final class MessageResourceEncoder {
    /** {@code MESSAGE_RESOURCE_UNICODE}. */
    static final int FLAG_UNICODE = 0x0001;
    /** Bounds the size of what we emit: 16 Mi entries. */
    static final long MAX_ENTRIES = 1L << 24;

    private MessageResourceEncoder() {
    }

    static byte[] encode(MessageTable table) {
        int blocks = table.ranges().size();
        // Distinct runs, each written once.
        Map<String, Long> runs = new HashMap<>();
        long entries = 0;
        for (MessageTable.Range r : table.ranges()) {
            if (runs.putIfAbsent(r.size() + ":" + r.text(), -1L) == null) {
                entries += r.size();
            }
        }
        if (entries > MAX_ENTRIES) {
            throw new IllegalArgumentException("message table too large: " + entries + " distinct entries (at most "
                    + MAX_ENTRIES + "); use ranges with a shared text");
        }
        LeBytes out = new LeBytes();
        out.u32(blocks);
        int blockTable = out.size();
        out.zeros(12 * blocks);
        int i = 0;
        for (MessageTable.Range r : table.ranges()) {
            String key = r.size() + ":" + r.text();
            long at = runs.get(key);
            if (at < 0) {
                at = out.size();
                runs.put(key, at);
                byte[] entry = entry(r.text());
                for (long n = 0; n < r.size(); n++) {
                    out.bytes(entry);
                }
            }
            out.putU32(blockTable + 12 * i, r.low());
            out.putU32(blockTable + 12 * i + 4, r.high());
            out.putU32(blockTable + 12 * i + 8, at);
            i++;
        }
        return out.toArray();
    }

    /** One {@code MESSAGE_RESOURCE_ENTRY}. */
    static byte[] entry(String text) {
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16LE);
        int length = (4 + utf16.length + 2 + 3) & ~3;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("message text too long for a message table entry (" + text.length()
                    + " chars; at most 32,765)");
        }
        LeBytes e = new LeBytes();
        e.u16(length).u16(FLAG_UNICODE).bytes(utf16);
        e.zeros(length - e.size());
        return e.toArray();
    }
}
