package io.winlog.jna.binding;

import com.sun.jna.Pointer;

/**
 * Registry constants (winnt.h / winreg.h). {@code win-layouts.json} does not carry these;
 * {@code AbiBindingTest} lists them as checked by hand against the SDK values quoted here
 * (Microsoft Learn "Registry Value Types", "Registry Key Security and Access Rights",
 * "Predefined Keys").
 */
public final class RegistryConstants {
    private RegistryConstants() {
    }

    public static final int REG_SZ = 1;
    public static final int REG_EXPAND_SZ = 2;
    public static final int REG_DWORD = 4;
    public static final int REG_MULTI_SZ = 7;

    public static final int REG_OPTION_NON_VOLATILE = 0;
    public static final int REG_CREATED_NEW_KEY = 1;
    public static final int REG_OPENED_EXISTING_KEY = 2;

    public static final int KEY_QUERY_VALUE = 0x0001;
    public static final int KEY_SET_VALUE = 0x0002;
    public static final int KEY_CREATE_SUB_KEY = 0x0004;
    public static final int KEY_ENUMERATE_SUB_KEYS = 0x0008;
    public static final int KEY_READ = 0x20019;
    public static final int KEY_WRITE = 0x20006;
    public static final int KEY_ALL_ACCESS = 0xF003F;
    /** DELETE standard right, needed by RegDeleteTree on the parent's subkeys. */
    public static final int DELETE = 0x00010000;

    /**
     * {@code HKEY_LOCAL_MACHINE = (HKEY)(ULONG_PTR)((LONG)0x80000002)}: sign-extended to
     * 0xFFFFFFFF80000002 on x64; JNA passes the low 32 bits on x86.
     */
    public static final long HKEY_LOCAL_MACHINE_VALUE = (long) (int) 0x80000002;

    /** HKEY_LOCAL_MACHINE as a handle. */
    public static Pointer hkeyLocalMachine() {
        return new Pointer(HKEY_LOCAL_MACHINE_VALUE);
    }
}
