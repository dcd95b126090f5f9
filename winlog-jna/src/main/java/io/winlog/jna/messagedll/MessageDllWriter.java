package io.winlog.jna.messagedll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a resource-only PE file (a "message DLL") in pure Java: no code, no imports, one
 * {@code .rsrc} section holding an {@code RT_MESSAGETABLE} and an {@code RT_VERSION} resource.
 * What {@code mc.exe}, {@code rc.exe} and {@code link /NOENTRY /DLL} would produce, without a
 * Windows toolchain.
 *
 * <pre>{@code
 * byte[] dll = MessageDllWriter.builder()
 *         .messages(MessageTable.builder().message(1, "Orders").message(2, "Billing").build())
 *         .version(VersionInfo.of("Acme categories", "acme-categories.dll", "1.4.0"))
 *         .build()
 *         .write();
 * }</pre>
 *
 * <p>Layout: DOS header and stub (0x00-0x7F), {@code PE\0\0}, COFF header (one section,
 * {@code EXECUTABLE_IMAGE | DLL}), optional header (PE32 for {@link PeMachine#I386}, the
 * default, or PE32+ for {@link PeMachine#AMD64}; entry point 0, only the resource data
 * directory set, {@code SizeOfImage} and {@code SizeOfHeaders} aligned, the image checksum
 * computed as {@code CheckSumMappedFile} does), the {@code .rsrc} section header, and the
 * section at file offset 0x200 / RVA 0x1000. Output is deterministic (time stamps are 0), so a
 * build produces the same bytes every time and an installed copy can be verified by content.
 */
public final class MessageDllWriter {
    /** {@code RT_MESSAGETABLE}. */
    public static final int RT_MESSAGETABLE = 11;
    /** {@code RT_VERSION}. */
    public static final int RT_VERSION = 16;
    /** U.S. English, the language {@code mc.exe} gives message tables by default. */
    public static final int LANG_EN_US = 0x0409;

    static final int FILE_ALIGNMENT = 0x200;
    static final int SECTION_ALIGNMENT = 0x1000;
    static final int PE_OFFSET = 0x80;
    static final int RSRC_RVA = SECTION_ALIGNMENT;

    private final PeMachine machine;
    private final MessageTable messages;
    private final VersionInfo version;
    private final int language;

    private MessageDllWriter(Builder b) {
        this.machine = b.machine;
        this.messages = Objects.requireNonNull(b.messages, "messages");
        this.version = Objects.requireNonNull(b.version, "version");
        this.language = b.language;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The complete PE file. */
    public byte[] write() {
        byte[] rsrc = resourceSection();
        int headersEnd = PE_OFFSET + 4 + 20 + (machine.is64Bit() ? 240 : 224) + 40;
        int sizeOfHeaders = align(headersEnd, FILE_ALIGNMENT);
        int rawSize = align(rsrc.length, FILE_ALIGNMENT);
        int sizeOfImage = align(RSRC_RVA + rsrc.length, SECTION_ALIGNMENT);

        LeBytes out = new LeBytes();
        dosHeaderAndStub(out);
        // PE signature and COFF file header.
        out.u8('P').u8('E').u8(0).u8(0);
        out.u16(machine.code()).u16(1).u32(0).u32(0).u32(0).u16(machine.is64Bit() ? 240 : 224);
        int characteristics = 0x0002 /* EXECUTABLE_IMAGE */ | 0x2000 /* DLL */
                | (machine.is64Bit() ? 0x0020 /* LARGE_ADDRESS_AWARE */ : 0x0100 /* 32BIT_MACHINE */);
        out.u16(characteristics);

        // Optional header.
        int optionalStart = out.size();
        out.u16(machine.optionalHeaderMagic()).u8(14).u8(0);            // magic, linker 14.0
        out.u32(0).u32(rawSize).u32(0);                                  // code, initialized, uninitialized data
        out.u32(0).u32(RSRC_RVA);                                        // entry point (none), base of code
        if (machine.is64Bit()) {
            out.u64(0x1_8000_0000L);                                     // image base
        } else {
            out.u32(RSRC_RVA).u32(0x1000_0000L);                         // base of data, image base
        }
        out.u32(SECTION_ALIGNMENT).u32(FILE_ALIGNMENT);
        int[] v = version.fileVersion();
        out.u16(6).u16(0).u16(v[0]).u16(v[1]).u16(6).u16(0).u32(0);      // OS, image, subsystem versions; Win32VersionValue
        out.u32(sizeOfImage).u32(sizeOfHeaders);
        int checksumAt = out.size();
        out.u32(0).u16(2);                                                // checksum (below), subsystem WINDOWS_GUI
        int dllCharacteristics = 0x0040 /* DYNAMIC_BASE */ | 0x0100 /* NX_COMPAT */ | 0x0400 /* NO_SEH */
                | (machine.is64Bit() ? 0x0020 /* HIGH_ENTROPY_VA */ : 0);
        out.u16(dllCharacteristics);
        if (machine.is64Bit()) {
            out.u64(0x100000).u64(0x1000).u64(0x100000).u64(0x1000);
        } else {
            out.u32(0x100000).u32(0x1000).u32(0x100000).u32(0x1000);
        }
        out.u32(0).u32(16);                                               // loader flags, number of data directories
        for (int i = 0; i < 16; i++) {
            if (i == 2) { // IMAGE_DIRECTORY_ENTRY_RESOURCE
                out.u32(RSRC_RVA).u32(rsrc.length);
            } else {
                out.u32(0).u32(0);
            }
        }
        if (out.size() - optionalStart != (machine.is64Bit() ? 240 : 224)) {
            throw new IllegalStateException("optional header size " + (out.size() - optionalStart));
        }

        // Section table: .rsrc, initialized data, readable.
        out.u8('.').u8('r').u8('s').u8('r').u8('c').u8(0).u8(0).u8(0);
        out.u32(rsrc.length).u32(RSRC_RVA).u32(rawSize).u32(sizeOfHeaders).u32(0).u32(0).u16(0).u16(0);
        out.u32(0x4000_0040L);
        out.zeros(sizeOfHeaders - out.size());

        out.bytes(rsrc).zeros(rawSize - rsrc.length);
        byte[] file = out.toArray();
        long sum = checksum(file, checksumAt);
        for (int i = 0; i < 4; i++) {
            file[checksumAt + i] = (byte) (sum >>> (8 * i));
        }
        return file;
    }

    /** Writes {@link #write()} to {@code path} (replacing it). */
    public void write(Path path) throws IOException {
        Files.write(path, write());
    }

    /**
     * The PE image checksum ({@code CheckSumMappedFile}): the 16-bit one's-complement-style sum
     * of the file's little-endian words with the checksum field taken as 0, folded to 16 bits,
     * plus the file length.
     */
    static long checksum(byte[] file, int checksumAt) {
        long sum = 0;
        for (int i = 0; i < file.length; i += 2) {
            if (i >= checksumAt && i < checksumAt + 4) {
                continue;
            }
            int word = (file[i] & 0xFF) | (i + 1 < file.length ? (file[i + 1] & 0xFF) << 8 : 0);
            sum += word;
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        sum = (sum & 0xFFFF) + (sum >>> 16);
        return (sum + file.length) & 0xFFFF_FFFFL;
    }

    private static void dosHeaderAndStub(LeBytes out) {
        out.u8('M').u8('Z').u16(0x90).u16(3).u16(0).u16(4).u16(0).u16(0xFFFF).u16(0)
                .u16(0xB8).u16(0).u16(0).u16(0).u16(0x40).u16(0);
        out.zeros(8).u16(0).u16(0).zeros(20).u32(PE_OFFSET);
        // The conventional real-mode stub: print the message with INT 21h/09h, exit with INT 21h/4Ch.
        out.u8(0x0E).u8(0x1F).u8(0xBA).u8(0x0E).u8(0x00).u8(0xB4).u8(0x09).u8(0xCD).u8(0x21)
                .u8(0xB8).u8(0x01).u8(0x4C).u8(0xCD).u8(0x21);
        for (char c : "This program cannot be run in DOS mode.\r\r\n$".toCharArray()) {
            out.u8(c);
        }
        out.zeros(PE_OFFSET - out.size());
    }

    /**
     * The {@code .rsrc} section: the three-level directory (type → name id 1 → language), the
     * {@code IMAGE_RESOURCE_DATA_ENTRY}s (OffsetToData is an RVA), then the data, 8-aligned.
     */
    private byte[] resourceSection() {
        List<byte[]> data = new ArrayList<>();
        data.add(MessageResourceEncoder.encode(messages));   // type 11 first: entries sorted by id
        data.add(VersionResourceEncoder.encode(version));
        int[] types = {RT_MESSAGETABLE, RT_VERSION};
        int n = types.length;

        LeBytes out = new LeBytes();
        int rootSize = 16 + 8 * n;
        int nameDirs = rootSize;
        int langDirs = nameDirs + n * (16 + 8);
        int dataEntries = langDirs + n * (16 + 8);
        int dataStart = align(dataEntries + n * 16, 8);

        directory(out, n);
        for (int i = 0; i < n; i++) {
            out.u32(types[i]).u32(0x8000_0000L | (nameDirs + i * 24));
        }
        for (int i = 0; i < n; i++) {
            directory(out, 1);
            out.u32(1).u32(0x8000_0000L | (langDirs + i * 24));
        }
        for (int i = 0; i < n; i++) {
            directory(out, 1);
            out.u32(language).u32(dataEntries + i * 16);
        }
        int at = dataStart;
        for (byte[] d : data) {
            out.u32(RSRC_RVA + at).u32(d.length).u32(0).u32(0);
            at = align(at + d.length, 8);
        }
        out.align(8);
        for (byte[] d : data) {
            out.bytes(d).align(8);
        }
        return out.toArray();
    }

    /** An {@code IMAGE_RESOURCE_DIRECTORY} with {@code ids} id entries to follow. */
    private static void directory(LeBytes out, int ids) {
        out.u32(0).u32(0).u16(0).u16(0).u16(0).u16(ids);
    }

    static int align(int v, int a) {
        return (v + a - 1) & -a;
    }

    /** Configures a {@link MessageDllWriter}. */
    public static final class Builder {
        private PeMachine machine = PeMachine.I386;
        private MessageTable messages;
        private VersionInfo version;
        private int language = LANG_EN_US;

        private Builder() {
        }

        /** PE32 ({@link PeMachine#I386}, default) or PE32+ ({@link PeMachine#AMD64}). */
        public Builder machine(PeMachine m) {
            machine = Objects.requireNonNull(m);
            return this;
        }

        public Builder messages(MessageTable t) {
            messages = t;
            return this;
        }

        public Builder version(VersionInfo v) {
            version = v;
            return this;
        }

        /** The LANGID of both resources (default 0x0409, U.S. English, as {@code mc.exe}). */
        public Builder language(int langId) {
            if (langId < 0 || langId > 0xFFFF) {
                throw new IllegalArgumentException("LANGID is 16-bit: " + langId);
            }
            language = langId;
            return this;
        }

        public MessageDllWriter build() {
            return new MessageDllWriter(this);
        }
    }
}
