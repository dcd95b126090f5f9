package io.winlog.jna.messagedll;

import java.util.Map;

/**
 * Encodes {@link VersionInfo} as {@code VS_VERSIONINFO}: the root node with
 * {@code VS_FIXEDFILEINFO}, a {@code StringFileInfo} with one {@code StringTable}
 * ({@code 040904B0}: U.S. English, UTF-16) and a {@code VarFileInfo} whose
 * {@code Translation} names the same pair. Every node is {@code wLength, wValueLength, wType,
 * szKey} padded to 4 bytes, its value padded to 4, then its children; {@code wLength} counts
 * the node with its children but not the padding after it.
 */
final class VersionResourceEncoder {
    static final long FIXED_SIGNATURE = 0xFEEF04BDL;
    static final int LANGUAGE = 0x0409;
    static final int CODE_PAGE = 1200;
    /** {@code VOS_NT_WINDOWS32}. */
    static final long FILE_OS = 0x00040004L;
    /** {@code VFT_DLL}. */
    static final long FILE_TYPE_DLL = 2;

    private VersionResourceEncoder() {
    }

    static byte[] encode(VersionInfo v) {
        LeBytes out = new LeBytes();
        int root = begin(out, "VS_VERSION_INFO", 52, 0);
        int[] f = v.fileVersion();
        int[] p = v.productVersion();
        out.u32(FIXED_SIGNATURE).u32(0x00010000L)
                .u32(((long) f[0] << 16) | f[1]).u32(((long) f[2] << 16) | f[3])
                .u32(((long) p[0] << 16) | p[1]).u32(((long) p[2] << 16) | p[3])
                .u32(0x3F).u32(0).u32(FILE_OS).u32(FILE_TYPE_DLL).u32(0).u32(0).u32(0);

        out.align(4);
        int sfi = begin(out, "StringFileInfo", 0, 1);
        out.align(4);
        int table = begin(out, String.format("%04X%04X", LANGUAGE, CODE_PAGE), 0, 1);
        for (Map.Entry<String, String> e : v.strings().entrySet()) {
            out.align(4);
            int s = begin(out, e.getKey(), e.getValue().length() + 1, 1);
            out.utf16z(e.getValue());
            end(out, s);
        }
        end(out, table);
        end(out, sfi);

        out.align(4);
        int vfi = begin(out, "VarFileInfo", 0, 1);
        out.align(4);
        int var = begin(out, "Translation", 4, 0);
        out.u16(LANGUAGE).u16(CODE_PAGE);
        end(out, var);
        end(out, vfi);
        end(out, root);
        return out.toArray();
    }

    /** Writes a node header and key, pads to 4; returns the node's start for {@link #end}. */
    private static int begin(LeBytes out, String key, int valueLength, int type) {
        int start = out.size();
        out.u16(0).u16(valueLength).u16(type).utf16z(key).align(4);
        return start;
    }

    private static void end(LeBytes out, int start) {
        out.putU16(start, out.size() - start);
    }
}
