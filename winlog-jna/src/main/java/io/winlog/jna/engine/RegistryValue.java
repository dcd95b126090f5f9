package io.winlog.jna.engine;

import java.util.List;

/** A registry value of one of the types event source registration uses. */
public sealed interface RegistryValue {
    /** REG_SZ, or REG_EXPAND_SZ when {@code expand} (environment variables like %SystemRoot% expanded on read). */
    record Text(String value, boolean expand) implements RegistryValue {
    }

    /** REG_DWORD. */
    record Dword(int value) implements RegistryValue {
    }

    /** REG_MULTI_SZ. */
    record MultiText(List<String> values) implements RegistryValue {
        public MultiText {
            values = List.copyOf(values);
        }
    }

    /** Any other type, kept as raw bytes. */
    record Other(int type, byte[] bytes) implements RegistryValue {
    }
}
