package io.winlog.jna.messagedll;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The content of an {@code RT_VERSION} resource ({@code VS_VERSIONINFO}): the numeric file and
 * product versions of {@code VS_FIXEDFILEINFO} and the strings of one {@code StringFileInfo}
 * table (language 0x0409, code page 1200, which Explorer's Details tab shows).
 *
 * @param fileVersion    four 16-bit parts, e.g. {@code {0, 1, 0, 0}}
 * @param productVersion four 16-bit parts
 * @param strings        e.g. CompanyName, FileDescription, FileVersion, ProductName,
 *                       ProductVersion, OriginalFilename (insertion order is kept)
 */
public record VersionInfo(int[] fileVersion, int[] productVersion, Map<String, String> strings) {
    public VersionInfo {
        fileVersion = check(fileVersion);
        productVersion = check(productVersion);
        strings = Collections.unmodifiableMap(new LinkedHashMap<>(strings));
        for (Map.Entry<String, String> e : strings.entrySet()) {
            Objects.requireNonNull(e.getKey());
            Objects.requireNonNull(e.getValue(), e.getKey());
        }
    }

    private static int[] check(int[] v) {
        if (v.length != 4) {
            throw new IllegalArgumentException("a version has 4 parts, got " + v.length);
        }
        for (int p : v) {
            if (p < 0 || p > 0xFFFF) {
                throw new IllegalArgumentException("version parts are 0..65535: " + p);
            }
        }
        return v.clone();
    }

    /**
     * The version info winlog's DLLs carry: file and product version parsed from a Maven
     * version such as {@code 0.1.0-SNAPSHOT} (numeric parts, padded to four), the six standard
     * strings.
     */
    public static VersionInfo of(String description, String originalFilename, String mavenVersion) {
        int[] v = parseVersion(mavenVersion);
        Map<String, String> s = new LinkedHashMap<>();
        s.put("CompanyName", "winlog");
        s.put("FileDescription", description);
        s.put("FileVersion", mavenVersion);
        s.put("InternalName", originalFilename.replaceFirst("\\.dll$", ""));
        s.put("OriginalFilename", originalFilename);
        s.put("ProductName", "winlog");
        s.put("ProductVersion", mavenVersion);
        return new VersionInfo(v, v, s);
    }

    /** {@code 1.2.3-SNAPSHOT} → {1, 2, 3, 0}; missing or non-numeric parts are 0. */
    static int[] parseVersion(String version) {
        int[] out = new int[4];
        String core = version.split("[-+]", 2)[0];
        String[] parts = core.split("\\.");
        for (int i = 0; i < Math.min(4, parts.length); i++) {
            try {
                out[i] = Math.min(0xFFFF, Integer.parseInt(parts[i]));
            } catch (NumberFormatException e) {
                out[i] = 0;
            }
        }
        return out;
    }

    /** {@code a.b.c.d}. */
    public static String format(int[] v) {
        return v[0] + "." + v[1] + "." + v[2] + "." + v[3];
    }

    @Override
    public int[] fileVersion() {
        return fileVersion.clone();
    }

    @Override
    public int[] productVersion() {
        return productVersion.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionInfo v && java.util.Arrays.equals(v.fileVersion, fileVersion)
                && java.util.Arrays.equals(v.productVersion, productVersion) && v.strings.equals(strings);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(fileVersion) * 31 + strings.hashCode();
    }

    @Override
    public String toString() {
        return "VersionInfo{file " + format(fileVersion) + ", product " + format(productVersion) + ", " + strings + '}';
    }
}
