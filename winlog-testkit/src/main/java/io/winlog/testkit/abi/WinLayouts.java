package io.winlog.testkit.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winlog.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ABI ground truth of {@code ../shared/abi/win-layouts.json}: struct layouts for x64 and
 * x86, constant values, x86 stdcall argument byte counts. Immutable once loaded.
 *
 * <p>Load the real file with {@link #load()} (skips the calling test when ../shared is absent),
 * or build a small table from JSON text with {@link #parse(String)} (the harness's own tests use
 * this to describe deliberately broken cases).
 */
public final class WinLayouts {
    /** The two Windows architectures the data describes. */
    public enum Arch {
        X64("x64"), X86("x86");

        final String key;

        Arch(String key) {
            this.key = key;
        }
    }

    private final JsonNode root;

    private WinLayouts(JsonNode root) {
        this.root = root;
    }

    /** Loads {@code ../shared/abi/win-layouts.json}; skips the calling test when it is absent. */
    public static WinLayouts load() {
        return load(SharedData.winLayouts());
    }

    /** Loads a win-layouts.json file. */
    public static WinLayouts load(Path file) {
        try {
            return new WinLayouts(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ABI table " + file, e);
        }
    }

    /** Parses JSON text with the same shape as win-layouts.json (any subset of its sections). */
    public static WinLayouts parse(String json) {
        try {
            return new WinLayouts(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid ABI JSON: " + e.getMessage(), e);
        }
    }

    /** The layout of {@code name} on {@code arch}, if the table has it. */
    public Optional<StructLayout> struct(Arch arch, String name) {
        JsonNode s = root.path(arch.key).path(name);
        if (s.isMissingNode()) {
            return Optional.empty();
        }
        Map<String, Integer> fields = ints(s.path("fields"));
        Map<String, Integer> sizes = ints(s.path("field_sizes"));
        Map<String, StructLayout.Anonymous> anon = new LinkedHashMap<>();
        s.path("anonymous").fields().forEachRemaining(e -> anon.put(e.getKey(),
                new StructLayout.Anonymous(e.getValue().path("kind").asText(), e.getValue().path("offset").asInt(),
                        e.getValue().path("size").asInt())));
        return Optional.of(new StructLayout(name, s.path("size").asInt(), s.path("align").asInt(), fields, sizes, anon));
    }

    /**
     * The value of constant {@code name}: the x64 value, or with {@code arch == X86} the x86 value
     * where it differs. Numbers only (GUIDs and strings are empty).
     */
    public Optional<BigInteger> constant(Arch arch, String name) {
        if (arch == Arch.X86) {
            JsonNode v = root.path("constants_x86").path(name);
            if (v.isNumber()) {
                return Optional.of(v.bigIntegerValue());
            }
        }
        JsonNode v = root.path("constants").path(name);
        return v.isNumber() ? Optional.of(v.bigIntegerValue()) : Optional.empty();
    }

    /** True when {@code constants_x86} lists {@code name} (its x86 value differs from x64). */
    public boolean hasX86Override(String name) {
        return root.path("constants_x86").path(name).isNumber();
    }

    /** The x86 stdcall argument byte count ({@code @N}) of API function {@code name}, if known. */
    public Optional<Integer> x86StdcallArgBytes(String name) {
        JsonNode v = root.path("functions").path(name).path("x86_stdcall_arg_bytes");
        return v.isInt() ? Optional.of(v.asInt()) : Optional.empty();
    }

    /** The DLL the table says exports {@code name}, if known. */
    public Optional<String> functionDll(String name) {
        JsonNode v = root.path("functions").path(name).path("dll");
        return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static Map<String, Integer> ints(JsonNode obj) {
        Map<String, Integer> m = new LinkedHashMap<>();
        obj.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asInt()));
        return m;
    }
}
