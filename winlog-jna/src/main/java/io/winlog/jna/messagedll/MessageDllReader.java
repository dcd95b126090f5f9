package io.winlog.jna.messagedll;

import io.winlog.api.CorruptInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the resources of a PE file (any DLL or EXE, PE32 or PE32+) and decodes its message
 * table and version info: what tests use to check {@link MessageDllWriter}'s output, and what
 * the installer uses to check that an existing message file is the one it expects.
 *
 * <p>Every offset, size and count is checked against the file; damage throws
 * {@link CorruptInputException} with the file offset. The resource tree is read three levels
 * deep (type, name, language) and no deeper, so a cyclic or hostile directory cannot loop.
 */
public final class MessageDllReader {
    /** One resource leaf. */
    public record Resource(int type, int nameId, int language, byte[] data) {
    }

    private final ByteBuffer b;
    private final PeMachine machine;
    private final int machineCode;
    private final long storedChecksum;
    private final int checksumAt;
    private final long sizeOfImage;
    private final long sizeOfHeaders;
    private final List<Resource> resources = new ArrayList<>();
    /** {virtualAddress, virtualSize, rawPointer, rawSize} per section. */
    private final List<long[]> sections = new ArrayList<>();

    private MessageDllReader(byte[] file) {
        this.b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        need(0, 0x40, "DOS header");
        if (u16(0) != 0x5A4D) {
            throw new CorruptInputException("not a PE file: no 'MZ' signature", 0);
        }
        long peAt = u32(0x3C);
        need(peAt, 24, "PE signature and COFF header");
        if (u32(peAt) != 0x00004550L) {
            throw new CorruptInputException("not a PE file: no 'PE\\0\\0' signature at e_lfanew", peAt);
        }
        int coff = (int) peAt + 4;
        machineCode = u16(coff);
        machine = PeMachine.ofCode(machineCode);
        int nSections = u16(coff + 2);
        int optSize = u16(coff + 16);
        int opt = coff + 20;
        need(opt, optSize, "optional header");
        int magic = u16(opt);
        boolean pe32plus;
        if (magic == 0x10B) {
            pe32plus = false;
        } else if (magic == 0x20B) {
            pe32plus = true;
        } else {
            throw new CorruptInputException("unknown optional header magic 0x" + Integer.toHexString(magic), opt);
        }
        sizeOfImage = u32(opt + 56);
        sizeOfHeaders = u32(opt + 60);
        checksumAt = opt + 64;
        storedChecksum = u32(checksumAt);
        int dirs = opt + (pe32plus ? 112 : 96);
        long nDirs = u32(dirs - 4);
        long rsrcRva = 0;
        long rsrcSize = 0;
        if (nDirs > 2 && dirs + 8 * 3 <= opt + optSize) {
            rsrcRva = u32(dirs + 16);
            rsrcSize = u32(dirs + 20);
        }
        int sectionTable = opt + optSize;
        need(sectionTable, 40L * nSections, "section table");
        for (int i = 0; i < nSections; i++) {
            int s = sectionTable + 40 * i;
            sections.add(new long[] {u32(s + 12), u32(s + 8), u32(s + 20), u32(s + 16)});
        }
        if (rsrcRva != 0 && rsrcSize != 0) {
            readResources(rsrcRva, rsrcSize);
        }
    }

    /** Parses a PE file held in memory. */
    public static MessageDllReader read(byte[] file) {
        return new MessageDllReader(file);
    }

    /** Reads and parses a PE file. */
    public static MessageDllReader read(Path file) throws IOException {
        return new MessageDllReader(Files.readAllBytes(file));
    }

    /** The machine type, or null for one winlog does not name (see {@link #machineCode()}). */
    public PeMachine machine() {
        return machine;
    }

    public int machineCode() {
        return machineCode;
    }

    public long sizeOfImage() {
        return sizeOfImage;
    }

    public long sizeOfHeaders() {
        return sizeOfHeaders;
    }

    /** The checksum stored in the optional header. */
    public long storedChecksum() {
        return storedChecksum;
    }

    /** True when the stored checksum equals the one computed over the file. */
    public boolean checksumValid() {
        return storedChecksum == MessageDllWriter.checksum(b.array(), checksumAt);
    }

    /** Every resource leaf, in directory order. */
    public List<Resource> resources() {
        return List.copyOf(resources);
    }

    /** The first resource of this type, or null. */
    public Resource resource(int type) {
        for (Resource r : resources) {
            if (r.type() == type) {
                return r;
            }
        }
        return null;
    }

    /** The decoded {@code RT_MESSAGETABLE}, or null when the file has none. */
    public MessageTable messages() {
        Resource r = resource(MessageDllWriter.RT_MESSAGETABLE);
        return r == null ? null : decodeMessages(r.data());
    }

    /** The decoded {@code RT_VERSION}, or null when the file has none. */
    public VersionInfo version() {
        Resource r = resource(MessageDllWriter.RT_VERSION);
        return r == null ? null : decodeVersion(r.data());
    }

    // ---- resources ------------------------------------------------------------------------

    private void readResources(long rva, long size) {
        long base = fileOffset(rva, size);
        int root = (int) base;
        for (long[] typeEntry : entries(root, base, size)) {
            int type = (int) typeEntry[0];
            for (long[] nameEntry : entries(subdir(typeEntry, base, size), base, size)) {
                for (long[] langEntry : entries(subdir(nameEntry, base, size), base, size)) {
                    if ((langEntry[1] & 0x8000_0000L) != 0) {
                        throw new CorruptInputException("resource tree deeper than type/name/language", base + (langEntry[1] & 0x7FFF_FFFFL));
                    }
                    long entryAt = base + langEntry[1];
                    if (langEntry[1] + 16 > size) {
                        throw new CorruptInputException("IMAGE_RESOURCE_DATA_ENTRY outside the resource section", entryAt);
                    }
                    long dataRva = u32(entryAt);
                    long dataSize = u32(entryAt + 4);
                    long dataAt = fileOffset(dataRva, dataSize);
                    byte[] data = new byte[(int) dataSize];
                    b.get((int) dataAt, data);
                    resources.add(new Resource(type, (int) nameEntry[0], (int) langEntry[0], data));
                }
            }
        }
    }

    private int subdir(long[] entry, long base, long size) {
        if ((entry[1] & 0x8000_0000L) == 0) {
            throw new CorruptInputException("resource directory entry points to data where a subdirectory belongs", base);
        }
        long off = entry[1] & 0x7FFF_FFFFL;
        if (off + 16 > size) {
            throw new CorruptInputException("resource subdirectory outside the resource section", base + off);
        }
        return (int) (base + off);
    }

    /** {id, offsetToData} per entry of the directory at {@code at}; named entries get id -1. */
    private List<long[]> entries(int at, long base, long size) {
        need(at, 16, "IMAGE_RESOURCE_DIRECTORY");
        int named = u16(at + 12);
        int ids = u16(at + 14);
        long count = (long) named + ids;
        if (at - base + 16 + 8 * count > size) {
            throw new CorruptInputException(count + " resource directory entries do not fit the resource section", at);
        }
        List<long[]> out = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            int e = at + 16 + 8 * i;
            long name = u32(e);
            out.add(new long[] {(name & 0x8000_0000L) != 0 ? -1 : name, u32(e + 4)});
        }
        return out;
    }

    /** The file offset of {@code [rva, rva + size)}, which must lie in one section's raw data. */
    private long fileOffset(long rva, long size) {
        for (long[] s : sections) {
            long va = s[0];
            long raw = s[2];
            long rawSize = s[3];
            if (rva >= va && rva + size <= va + rawSize) {
                long off = raw + (rva - va);
                need(off, size, "data at RVA 0x" + Long.toHexString(rva));
                return off;
            }
        }
        throw new CorruptInputException("RVA 0x" + Long.toHexString(rva) + " (+" + size + ") is not in any section's file data", -1);
    }

    // ---- message table --------------------------------------------------------------------

    /**
     * Decodes {@code MESSAGE_RESOURCE_DATA} into ranges: consecutive ids with the same text
     * within a block become one range. Walks each block's entries by their Length, as
     * {@code RtlFindMessage} does; an entry running outside the data throws.
     */
    public static MessageTable decodeMessages(byte[] data) {
        ByteBuffer m = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (data.length < 4) {
            throw new CorruptInputException("MESSAGE_RESOURCE_DATA shorter than its block count", 0);
        }
        long blocks = m.getInt(0) & 0xFFFFFFFFL;
        if (4 + 12 * blocks > data.length) {
            throw new CorruptInputException(blocks + " MESSAGE_RESOURCE_BLOCKs do not fit " + data.length + " bytes", 0);
        }
        MessageTable.Builder t = MessageTable.builder();
        // Blocks may share entry runs, so bound the total walk, not only each block.
        long budget = MessageResourceEncoder.MAX_ENTRIES;
        for (int i = 0; i < blocks; i++) {
            int blk = 4 + 12 * i;
            long low = m.getInt(blk) & 0xFFFFFFFFL;
            long high = m.getInt(blk + 4) & 0xFFFFFFFFL;
            long at = m.getInt(blk + 8) & 0xFFFFFFFFL;
            if (high < low) {
                throw new CorruptInputException("MESSAGE_RESOURCE_BLOCK HighId < LowId", blk);
            }
            long runStart = low;
            String runText = null;
            for (long id = low; id <= high; id++) {
                if (--budget < 0) {
                    throw new CorruptInputException("message table walks more than " + MessageResourceEncoder.MAX_ENTRIES
                            + " entries", blk);
                }
                if (at + 4 > data.length) {
                    throw new CorruptInputException("message entry of id 0x" + Long.toHexString(id) + " outside the table", at);
                }
                int len = m.getShort((int) at) & 0xFFFF;
                int flags = m.getShort((int) at + 2) & 0xFFFF;
                if (len < 4 || at + len > data.length) {
                    throw new CorruptInputException("message entry of id 0x" + Long.toHexString(id) + " has bad Length " + len, at);
                }
                String text = entryText(data, (int) at + 4, len - 4, flags);
                if (runText != null && !runText.equals(text)) {
                    t.range(runStart, id - 1, runText);
                    runStart = id;
                }
                runText = text;
                at += len;
            }
            t.range(runStart, high, runText);
        }
        try {
            return t.build();
        } catch (IllegalArgumentException e) {
            throw new CorruptInputException("message table blocks overlap or are empty: " + e.getMessage(), 0, e);
        }
    }

    private static String entryText(byte[] d, int at, int n, int flags) {
        if ((flags & MessageResourceEncoder.FLAG_UNICODE) != 0) {
            int end = at;
            while (end + 1 < at + n && (d[end] != 0 || d[end + 1] != 0)) {
                end += 2;
            }
            char[] c = new char[(end - at) / 2];
            for (int i = 0; i < c.length; i++) {
                c[i] = (char) ((d[at + 2 * i] & 0xFF) | (d[at + 2 * i + 1] & 0xFF) << 8);
            }
            return new String(c);
        }
        int end = at;
        while (end < at + n && d[end] != 0) {
            end++;
        }
        return new String(d, at, end - at, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    // ---- version info ---------------------------------------------------------------------

    /**
     * Decodes {@code VS_VERSIONINFO}: the fixed file info's versions and the strings of every
     * StringTable (later tables do not override earlier keys).
     */
    public static VersionInfo decodeVersion(byte[] data) {
        ByteBuffer v = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        Node root = node(v, 0, data.length, 0);
        if (!root.key.equals("VS_VERSION_INFO") || root.valueLength < 52) {
            throw new CorruptInputException("RT_VERSION does not start with VS_VERSION_INFO and a VS_FIXEDFILEINFO", 0);
        }
        int f = root.valueAt;
        if ((v.getInt(f) & 0xFFFFFFFFL) != VersionResourceEncoder.FIXED_SIGNATURE) {
            throw new CorruptInputException("VS_FIXEDFILEINFO signature missing", f);
        }
        int[] file = {v.getShort(f + 10) & 0xFFFF, v.getShort(f + 8) & 0xFFFF, v.getShort(f + 14) & 0xFFFF, v.getShort(f + 12) & 0xFFFF};
        int[] product = {v.getShort(f + 18) & 0xFFFF, v.getShort(f + 16) & 0xFFFF, v.getShort(f + 22) & 0xFFFF, v.getShort(f + 20) & 0xFFFF};
        Map<String, String> strings = new LinkedHashMap<>();
        for (Node child : root.children(v)) {
            if (child.key.equals("StringFileInfo")) {
                for (Node table : child.children(v)) {
                    for (Node s : table.children(v)) {
                        String value = s.valueLength == 0 ? "" : utf16z(v, s.valueAt, s.end);
                        strings.putIfAbsent(s.key, value);
                    }
                }
            }
        }
        return new VersionInfo(file, product, strings);
    }

    /** One version-info node: key, where its value starts, and where its children start and end. */
    private record Node(String key, int valueLength, int type, int valueAt, int childrenAt, int end, int depth) {
        List<Node> children(ByteBuffer v) {
            List<Node> out = new ArrayList<>();
            int at = childrenAt;
            while (at + 6 <= end) {
                Node c = node(v, at, end, depth + 1);
                out.add(c);
                at = MessageDllWriter.align(c.end, 4);
            }
            return out;
        }
    }

    private static Node node(ByteBuffer v, int at, int limit, int depth) {
        if (depth > 4) {
            throw new CorruptInputException("version info nested deeper than VS_VERSIONINFO allows", at);
        }
        if (at + 6 > limit) {
            throw new CorruptInputException("version info node truncated", at);
        }
        int length = v.getShort(at) & 0xFFFF;
        int valueLength = v.getShort(at + 2) & 0xFFFF;
        int type = v.getShort(at + 4) & 0xFFFF;
        int end = at + length;
        if (length < 6 || end > limit) {
            throw new CorruptInputException("version info node length " + length + " out of range", at);
        }
        int keyEnd = at + 6;
        while (keyEnd + 1 < end && v.getShort(keyEnd) != 0) {
            keyEnd += 2;
        }
        if (keyEnd + 1 >= end) {
            throw new CorruptInputException("version info key without NUL", at + 6);
        }
        String key = utf16z(v, at + 6, keyEnd + 2);
        int valueAt = MessageDllWriter.align(keyEnd + 2, 4);
        // wValueLength counts WCHARs for text values (wType 1) and bytes for binary ones.
        int valueBytes = type == 1 ? 2 * valueLength : valueLength;
        if (type == 1 && valueAt + valueBytes > end) {
            valueBytes = Math.max(0, end - valueAt); // some resource compilers count bytes, not WCHARs
        }
        if (valueAt + valueBytes > end) {
            throw new CorruptInputException("version info value of '" + key + "' runs past its node", valueAt);
        }
        int childrenAt = MessageDllWriter.align(valueAt + valueBytes, 4);
        return new Node(key, valueLength, type, valueAt, childrenAt, end, depth);
    }

    private static String utf16z(ByteBuffer v, int from, int limit) {
        StringBuilder sb = new StringBuilder();
        for (int p = from; p + 1 < limit; p += 2) {
            char c = v.getChar(p);
            if (c == 0) {
                break;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    // ---- bounds ---------------------------------------------------------------------------

    private void need(long at, long n, String what) {
        if (at < 0 || n < 0 || at + n > b.limit()) {
            throw new CorruptInputException(what + " (" + n + " bytes) runs past the end of the file (" + b.limit() + " bytes)", at);
        }
    }

    private int u16(long at) {
        need(at, 2, "field");
        return b.getShort((int) at) & 0xFFFF;
    }

    private long u32(long at) {
        need(at, 4, "field");
        return b.getInt((int) at) & 0xFFFFFFFFL;
    }
}
