package io.winlog.jna.engine;

import java.util.List;
import java.util.Optional;

/**
 * The registry operations event source registration needs, on paths relative to
 * {@code HKEY_LOCAL_MACHINE} ({@code "SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application"}).
 * Key names compare case-insensitively, as in Windows. Implemented over advapi32
 * ({@code io.winlog.jna.JnaRegistry}) and in memory for tests.
 *
 * <p>Failures throw {@link io.winlog.api.WinlogException} carrying the Win32 error code
 * ({@code ERROR_ACCESS_DENIED} = 5 when not elevated).
 */
public interface RegistryApi {
    boolean keyExists(String path);

    /** Names of the direct subkeys; empty when the key does not exist. */
    List<String> subKeys(String path);

    /** A value; empty when the key or the value does not exist. */
    Optional<RegistryValue> value(String path, String name);

    /** Creates the key and any missing parents; no-op when it exists. */
    void createKey(String path);

    void setValue(String path, String name, RegistryValue value);

    /** Deletes the key with its values and subkeys; no-op when absent. */
    void deleteTree(String path);
}
