package io.winlog.jna.messagedll;

/**
 * The machine type a resource-only PE file declares. Windows maps a resource-only DLL of either
 * type into 32- and 64-bit processes alike when it is loaded with
 * {@code LoadLibraryEx(LOAD_LIBRARY_AS_DATAFILE | LOAD_LIBRARY_AS_IMAGE_RESOURCE)}, which is
 * how {@code FormatMessage} callers and the Event Viewer load message files.
 */
public enum PeMachine {
    /** {@code IMAGE_FILE_MACHINE_I386}, PE32 optional header. */
    I386(0x014C, 0x10B),
    /** {@code IMAGE_FILE_MACHINE_AMD64}, PE32+ optional header. */
    AMD64(0x8664, 0x20B);

    private final int code;
    private final int optionalHeaderMagic;

    PeMachine(int code, int optionalHeaderMagic) {
        this.code = code;
        this.optionalHeaderMagic = optionalHeaderMagic;
    }

    /** The COFF {@code Machine} value. */
    public int code() {
        return code;
    }

    /** {@code 0x10B} (PE32) or {@code 0x20B} (PE32+). */
    public int optionalHeaderMagic() {
        return optionalHeaderMagic;
    }

    /** True for PE32+. */
    public boolean is64Bit() {
        return optionalHeaderMagic == 0x20B;
    }

    /** The machine with this COFF code, or null. */
    public static PeMachine ofCode(int code) {
        for (PeMachine m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        return null;
    }
}
