package io.winlog.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import io.winlog.api.WinlogException;
import io.winlog.jna.binding.Advapi32;
import io.winlog.jna.binding.RegistryConstants;
import io.winlog.jna.binding.WinConstants;
import io.winlog.jna.codec.Utf16;
import io.winlog.jna.engine.RegistryApi;
import io.winlog.jna.engine.RegistryValue;
import io.winlog.jna.engine.Win32Errors;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link RegistryApi} over advapi32, rooted at HKEY_LOCAL_MACHINE (Windows only). */
final class JnaRegistry implements RegistryApi {
    /** Longest registry key name is 255 chars; values we read are paths (MAX_PATH-ish) but allow 64 KB. */
    private static final int MAX_KEY_CHARS = 256;
    private static final int MAX_VALUE_BYTES = 64 * 1024;

    private final Advapi32 api;

    JnaRegistry(Advapi32 api) {
        this.api = api;
    }

    @Override
    public boolean keyExists(String path) {
        Pointer k = open(path, RegistryConstants.KEY_READ, true);
        if (k == null) {
            return false;
        }
        api.RegCloseKey(k);
        return true;
    }

    @Override
    public List<String> subKeys(String path) {
        Pointer k = open(path, RegistryConstants.KEY_READ, true);
        if (k == null) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            Memory name = new Memory(2L * MAX_KEY_CHARS);
            for (int i = 0; i < 1_000_000; i++) {
                IntByReference chars = new IntByReference(MAX_KEY_CHARS);
                int rc = api.RegEnumKeyExW(k, i, name, chars, null, null, null, null);
                if (rc == WinConstants.ERROR_NO_MORE_ITEMS) {
                    break;
                }
                check(rc, "enumerate subkeys of", path);
                out.add(Utf16.decodeNulTerminated(name.getByteArray(0, 2 * chars.getValue()), 0, 2 * chars.getValue()));
            }
            return out;
        } finally {
            api.RegCloseKey(k);
        }
    }

    @Override
    public Optional<RegistryValue> value(String path, String valueName) {
        Pointer k = open(path, RegistryConstants.KEY_QUERY_VALUE, true);
        if (k == null) {
            return Optional.empty();
        }
        try {
            Memory n = utf16(valueName);
            IntByReference type = new IntByReference();
            IntByReference size = new IntByReference();
            int rc = api.RegQueryValueExW(k, n, null, type, null, size);
            if (rc == WinConstants.ERROR_FILE_NOT_FOUND) {
                return Optional.empty();
            }
            check(rc, "read value " + valueName + " of", path);
            int len = size.getValue();
            if (len < 0 || len > MAX_VALUE_BYTES) {
                throw new WinlogException("registry value " + path + "\\" + valueName + " is " + len
                        + " bytes, more than the " + MAX_VALUE_BYTES + " expected for an event source setting");
            }
            Memory buf = new Memory(Math.max(len, 1));
            rc = api.RegQueryValueExW(k, n, null, type, buf, size);
            check(rc, "read value " + valueName + " of", path);
            byte[] b = buf.getByteArray(0, Math.min(len, size.getValue()));
            return Optional.of(decode(type.getValue(), b));
        } finally {
            api.RegCloseKey(k);
        }
    }

    @Override
    public void createKey(String path) {
        PointerByReference out = new PointerByReference();
        int rc = api.RegCreateKeyExW(RegistryConstants.hkeyLocalMachine(), utf16(path), 0, null,
                RegistryConstants.REG_OPTION_NON_VOLATILE, RegistryConstants.KEY_WRITE, null, out, new IntByReference());
        check(rc, "create key", path);
        api.RegCloseKey(out.getValue());
    }

    @Override
    public void setValue(String path, String name, RegistryValue value) {
        Pointer k = open(path, RegistryConstants.KEY_SET_VALUE, false);
        try {
            int type;
            byte[] data;
            if (value instanceof RegistryValue.Text t) {
                type = t.expand() ? RegistryConstants.REG_EXPAND_SZ : RegistryConstants.REG_SZ;
                data = Utf16.encodeNulTerminated(t.value());
            } else if (value instanceof RegistryValue.Dword d) {
                type = RegistryConstants.REG_DWORD;
                data = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(d.value()).array();
            } else if (value instanceof RegistryValue.MultiText m) {
                type = RegistryConstants.REG_MULTI_SZ;
                StringBuilder sb = new StringBuilder();
                m.values().forEach(s -> sb.append(s).append('\0'));
                data = Utf16.encodeNulTerminated(sb.toString());
            } else {
                RegistryValue.Other o = (RegistryValue.Other) value;
                type = o.type();
                data = o.bytes();
            }
            Memory m = new Memory(Math.max(1, data.length));
            m.write(0, data, 0, data.length);
            check(api.RegSetValueExW(k, utf16(name), 0, type, m, data.length), "set value " + name + " of", path);
        } finally {
            api.RegCloseKey(k);
        }
    }

    @Override
    public void deleteTree(String path) {
        int cut = path.lastIndexOf('\\');
        Pointer parent = open(path.substring(0, Math.max(0, cut)), RegistryConstants.KEY_ALL_ACCESS, true);
        if (parent == null) {
            return;
        }
        try {
            int rc = api.RegDeleteTreeW(parent, utf16(path.substring(cut + 1)));
            if (rc != WinConstants.ERROR_FILE_NOT_FOUND) {
                check(rc, "delete key", path);
            }
        } finally {
            api.RegCloseKey(parent);
        }
    }

    private Pointer open(String path, int access, boolean missingOk) {
        PointerByReference out = new PointerByReference();
        int rc = api.RegOpenKeyExW(RegistryConstants.hkeyLocalMachine(), utf16(path), 0, access, out);
        if (missingOk && (rc == WinConstants.ERROR_FILE_NOT_FOUND || rc == WinConstants.ERROR_PATH_NOT_FOUND)) {
            return null;
        }
        check(rc, "open key", path);
        return out.getValue();
    }

    private static void check(int rc, String what, String path) {
        if (rc != WinConstants.ERROR_SUCCESS) {
            throw new WinlogException("cannot " + what + " HKLM\\" + path + ": " + Win32Errors.name(rc), rc, null);
        }
    }

    private static Memory utf16(String s) {
        byte[] b = Utf16.encodeNulTerminated(s);
        Memory m = new Memory(b.length);
        m.write(0, b, 0, b.length);
        return m;
    }

    static RegistryValue decode(int type, byte[] b) {
        if (type == RegistryConstants.REG_SZ || type == RegistryConstants.REG_EXPAND_SZ) {
            return new RegistryValue.Text(Utf16.decodeRegistryString(b), type == RegistryConstants.REG_EXPAND_SZ);
        }
        if (type == RegistryConstants.REG_DWORD && b.length >= 4) {
            return new RegistryValue.Dword(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt());
        }
        if (type == RegistryConstants.REG_MULTI_SZ) {
            List<String> out = new ArrayList<>();
            int i = 0;
            while (i + 1 < b.length) {
                String s = Utf16.decodeNulTerminated(b, i, b.length - i);
                if (s.isEmpty()) {
                    break;
                }
                out.add(s);
                i += 2 * s.length() + 2;
            }
            return new RegistryValue.MultiText(out);
        }
        return new RegistryValue.Other(type, Arrays.copyOf(b, b.length));
    }
}
