package io.winlog.testkit.abi;

import com.sun.jna.Structure;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks JNA {@link Structure}s against the ABI table, for x64 (as JNA lays them out on this JVM)
 * and x86 (computed with MSVC rules by {@link LayoutCalculator}).
 *
 * <p>For each structure it reports: field types that cannot give the Windows layout
 * ({@link TypeRules}), a size or alignment that differs, every member whose offset or size
 * differs, Java members the C struct does not have, and C members the Java struct lacks.
 *
 * <p>The C name of a Structure is given explicitly ({@link #check(Class, String)}) or read from
 * its {@code public static final String NATIVE_NAME} (what {@link #check(Class)} and package
 * scans use; a Structure without it is itself reported, so none escapes the check).
 */
public final class StructureLayoutChecker {
    /** The static field a binding Structure declares to name its C struct. */
    public static final String NATIVE_NAME_FIELD = "NATIVE_NAME";

    private final WinLayouts table;
    private final Set<String> ignoredMissing = new HashSet<>();

    public StructureLayoutChecker(WinLayouts table) {
        this.table = table;
    }

    /**
     * Tolerates C members the Java side does not declare, e.g. {@code "EVENT_TRACE_HEADER.GuidPtr"}
     * for a union that binds only one alternative. Use sparingly, with a comment.
     */
    public StructureLayoutChecker ignoreMissing(String structDotMember) {
        ignoredMissing.add(structDotMember);
        return this;
    }

    /** Checks {@code type} against the C struct named by its {@code NATIVE_NAME}. */
    public List<LayoutProblem> check(Class<? extends Structure> type) {
        Optional<String> name = nativeName(type);
        if (name.isEmpty()) {
            return List.of(new LayoutProblem(type.getName(), "any", NATIVE_NAME_FIELD,
                    "declare public static final String NATIVE_NAME = \"<C struct name>\" so the layout can be checked"));
        }
        return check(type, name.get());
    }

    /** Checks {@code type} against the C struct {@code nativeName} on x64 and x86. */
    public List<LayoutProblem> check(Class<? extends Structure> type, String nativeName) {
        List<LayoutProblem> problems = new ArrayList<>();
        forbiddenTypes(type, type.getName(), problems, new HashSet<>(), 0);
        if (!problems.isEmpty()) {
            // Layout numbers for forbidden types are meaningless on this host; report the cause.
            return problems;
        }
        for (WinLayouts.Arch arch : WinLayouts.Arch.values()) {
            Optional<StructLayout> expected = table.struct(arch, nativeName);
            if (expected.isEmpty()) {
                problems.add(new LayoutProblem(type.getName(), arch.key, nativeName,
                        "the ABI table has no struct " + nativeName));
                continue;
            }
            StructLayout want = expected.get();
            Structure instance = JnaStructures.instantiate(type);
            ComputedLayout got = arch == WinLayouts.Arch.X64
                    ? LayoutCalculator.x64(instance, want.anonymous().keySet())
                    : LayoutCalculator.x86(instance, want.anonymous().keySet());
            compare(type.getName(), arch.key, want, got, problems);
        }
        return problems;
    }

    /** Checks every class; returns all problems. */
    public List<LayoutProblem> checkAll(Collection<Class<? extends Structure>> types) {
        List<LayoutProblem> all = new ArrayList<>();
        for (Class<? extends Structure> t : types) {
            all.addAll(check(t));
        }
        return all;
    }

    /** Fails with one message listing every problem of every class; passes when there is none. */
    public void assertLayouts(Collection<Class<? extends Structure>> types) {
        if (types.isEmpty()) {
            throw new AssertionError("no Structure classes given: a layout check over nothing proves nothing");
        }
        List<LayoutProblem> all = checkAll(types);
        if (!all.isEmpty()) {
            StringBuilder sb = new StringBuilder(all.size() + " ABI layout problem(s):");
            all.forEach(p -> sb.append("\n  ").append(p));
            throw new AssertionError(sb.toString());
        }
    }

    private void compare(String type, String arch, StructLayout want, ComputedLayout got, List<LayoutProblem> out) {
        if (want.size() != got.size()) {
            out.add(new LayoutProblem(type, arch, "sizeof", "expected " + want.size() + " bytes, Java layout gives " + got.size()));
        }
        if (got.align() > 0 && want.align() != got.align()) {
            out.add(new LayoutProblem(type, arch, "alignof", "expected " + want.align() + ", Java layout gives " + got.align()));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (ComputedLayout.Member m : got.members()) {
            String subject = m.javaField().equals(m.path()) ? m.path() : m.path() + " (Java " + m.javaField() + ")";
            if (m.anonymous()) {
                StructLayout.Anonymous a = want.anonymous().get(m.javaField().substring(m.javaField().lastIndexOf('.') + 1));
                if (a == null) {
                    continue; // not in the table; its members are still checked one by one
                }
                if (a.offset() != m.offset() || a.size() != m.size()) {
                    out.add(new LayoutProblem(type, arch, subject, "anonymous " + a.kind() + " expected at offset "
                            + a.offset() + " size " + a.size() + ", Java gives offset " + m.offset() + " size " + m.size()));
                }
                continue;
            }
            Integer off = want.fields().get(m.path());
            if (off == null) {
                out.add(new LayoutProblem(type, arch, subject, "no such member in C struct " + want.name()
                        + " (C members: " + want.fields().keySet() + ")"));
                continue;
            }
            seen.add(m.path());
            if (off != m.offset()) {
                out.add(new LayoutProblem(type, arch, subject, "expected offset " + off + ", Java layout gives " + m.offset()));
            }
            Integer size = want.fieldSizes().get(m.path());
            if (size != null && size != m.size()) {
                out.add(new LayoutProblem(type, arch, subject, "expected size " + size + ", Java layout gives " + m.size()));
            }
        }
        for (Map.Entry<String, Integer> e : want.fields().entrySet()) {
            if (!seen.contains(e.getKey()) && !ignoredMissing.contains(want.name() + "." + e.getKey())) {
                out.add(new LayoutProblem(type, arch, e.getKey(), "C member at offset " + e.getValue()
                        + " is missing from the Java structure (a missing member shifts everything after it)"));
            }
        }
    }

    private static void forbiddenTypes(Class<?> type, String where, List<LayoutProblem> out, Set<Class<?>> visiting, int depth) {
        if (depth > 16 || !visiting.add(type)) {
            return;
        }
        Structure s = JnaStructures.instantiate(type.asSubclass(Structure.class));
        for (String name : JnaStructures.fieldOrder(s)) {
            Field f = JnaStructures.field(type, name);
            Optional<String> why = TypeRules.forbidden(f.getType());
            if (why.isPresent()) {
                out.add(new LayoutProblem(where, "any", name, "field type " + f.getType().getSimpleName() + " not allowed: " + why.get()));
            } else if (TypeRules.isNestedStruct(f.getType())) {
                forbiddenTypes(f.getType(), where + "." + name, out, visiting, depth + 1);
            } else if (f.getType().isArray() && TypeRules.isNestedStruct(f.getType().getComponentType())) {
                forbiddenTypes(f.getType().getComponentType(), where + "." + name, out, visiting, depth + 1);
            }
        }
        visiting.remove(type);
    }

    /** The value of {@code NATIVE_NAME} on {@code type}, if declared. */
    public static Optional<String> nativeName(Class<?> type) {
        try {
            Field f = type.getField(NATIVE_NAME_FIELD);
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                return Optional.ofNullable((String) f.get(null));
            }
        } catch (NoSuchFieldException | IllegalAccessException ignored) {
            // not declared
        }
        return Optional.empty();
    }
}
