package io.winlog.jna.engine;

import io.winlog.api.WinlogException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A case-insensitive in-memory registry under HKLM, with an optional "not elevated" mode in
 * which every write fails with ERROR_ACCESS_DENIED, as on Windows.
 */
public final class InMemoryRegistry implements RegistryApi {
    /** Keys by lower-case path; each keeps its stored name and its values. */
    private final Map<String, Key> keys = new TreeMap<>();
    public boolean readOnly;
    /** Keys whose subkeys cannot be listed (ERROR_ACCESS_DENIED), like the Security log unelevated. */
    public final java.util.Set<String> unreadable = new java.util.HashSet<>();
    public int writes;

    private static final class Key {
        final String path;
        final Map<String, RegistryValue> values = new LinkedHashMap<>();

        Key(String path) {
            this.path = path;
        }
    }

    private static String norm(String p) {
        return p.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean keyExists(String path) {
        return keys.containsKey(norm(path));
    }

    @Override
    public List<String> subKeys(String path) {
        if (unreadable.contains(norm(path))) {
            throw new WinlogException("cannot open key HKLM\\" + path + ": ERROR_ACCESS_DENIED", 5, null);
        }
        String prefix = norm(path) + "\\";
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Key> e : keys.entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getKey().indexOf('\\', prefix.length()) < 0) {
                out.add(e.getValue().path.substring(prefix.length()));
            }
        }
        return out;
    }

    @Override
    public Optional<RegistryValue> value(String path, String name) {
        Key k = keys.get(norm(path));
        if (k == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, RegistryValue> e : k.values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public void createKey(String path) {
        denyIfReadOnly(path);
        String[] parts = path.split("\\\\");
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (sb.length() > 0) {
                sb.append('\\');
            }
            sb.append(part);
            keys.putIfAbsent(norm(sb.toString()), new Key(sb.toString()));
        }
        writes++;
    }

    @Override
    public void setValue(String path, String name, RegistryValue value) {
        denyIfReadOnly(path);
        Key k = keys.get(norm(path));
        if (k == null) {
            throw new WinlogException("no key " + path, 2, null);
        }
        k.values.keySet().removeIf(n -> n.equalsIgnoreCase(name));
        k.values.put(name, value);
        writes++;
    }

    @Override
    public void deleteTree(String path) {
        denyIfReadOnly(path);
        String p = norm(path);
        keys.keySet().removeIf(k -> k.equals(p) || k.startsWith(p + "\\"));
        writes++;
    }

    private void denyIfReadOnly(String path) {
        if (readOnly) {
            throw new WinlogException("cannot write HKLM\\" + path + ": ERROR_ACCESS_DENIED", 5, null);
        }
    }
}
