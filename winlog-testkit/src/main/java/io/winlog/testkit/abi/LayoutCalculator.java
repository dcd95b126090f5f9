package io.winlog.testkit.abi;

import com.sun.jna.Native;
import com.sun.jna.Structure;
import com.sun.jna.Union;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Computes a JNA Structure's layout for one Windows architecture.
 *
 * <ul>
 *   <li>{@link #x64}: what JNA itself computes on this 64-bit JVM ({@code size()} and field
 *       offsets). With fixed-size field types (see {@link TypeRules}) that is the Windows x64
 *       layout; this is what the binding will really use there.</li>
 *   <li>{@link #x86}: computed here from the field types with MSVC's x86 rules: pointers and
 *       handles 4 bytes, every member aligned to its natural alignment capped by the default
 *       packing of 8 (so 64-bit members are 8-aligned, unlike the System V i386 ABI), a struct
 *       aligned to its largest member and its size rounded up to that, unions as large as their
 *       largest member, arrays as {@code n} elements.</li>
 * </ul>
 *
 * <p>Nested members are flattened to the ABI table's C access paths: a nested struct field
 * {@code Class} gives {@code Class.Type}; a field whose name the table lists as an anonymous
 * union/struct (e.g. {@code DUMMYUNIONNAME}) contributes no prefix, as in C.
 */
public final class LayoutCalculator {
    private static final int MAX_DEPTH = 16;
    private static final int DEFAULT_PACK = 8;

    private LayoutCalculator() {
    }

    /** The x64 layout as JNA computes it on this JVM. */
    public static ComputedLayout x64(Structure s, Set<String> anonymousNames) {
        List<ComputedLayout.Member> out = new ArrayList<>();
        walkJna(s, "", "", 0, anonymousNames, out, 0);
        return new ComputedLayout(s.size(), -1, out);
    }

    /** The x86 layout computed with MSVC's rules. */
    public static ComputedLayout x86(Structure s, Set<String> anonymousNames) {
        List<ComputedLayout.Member> out = new ArrayList<>();
        int[] sa = walkX86(s, "", "", 0, anonymousNames, out, 0);
        return new ComputedLayout(sa[0], sa[1], out);
    }

    private static void walkJna(Structure s, String prefix, String javaPrefix, int base, Set<String> anon,
                                List<ComputedLayout.Member> out, int depth) {
        checkDepth(s, depth);
        for (String name : JnaStructures.fieldOrder(s)) {
            Class<?> t = JnaStructures.field(s.getClass(), name).getType();
            Object v = JnaStructures.value(s, name);
            int off = base + JnaStructures.fieldOffset(s, name);
            boolean isAnon = isAnonymous(name, anon);
            int size;
            if (TypeRules.isNestedStruct(t)) {
                Structure nested = v != null ? (Structure) v : JnaStructures.instantiate(t.asSubclass(Structure.class));
                size = nested.size();
                out.add(new ComputedLayout.Member(prefix + name, javaPrefix + name, off, size, isAnon));
                walkJna(nested, isAnon ? prefix : prefix + name + ".", javaPrefix + name + ".", off, anon, out, depth + 1);
                continue;
            }
            if (t.isArray()) {
                size = arrayLength(s, name, v) * (Structure.class.isAssignableFrom(t.getComponentType())
                        ? ((Structure) Array.get(v, 0)).size() : Native.getNativeSize(t.getComponentType()));
            } else if (TypeRules.isPointerLike(t)) {
                size = Native.POINTER_SIZE;
            } else {
                size = Native.getNativeSize(t);
            }
            out.add(new ComputedLayout.Member(prefix + name, javaPrefix + name, off, size, isAnon));
        }
    }

    /** Returns {size, align} of {@code s} on x86 and appends its members. */
    private static int[] walkX86(Structure s, String prefix, String javaPrefix, int base, Set<String> anon,
                                 List<ComputedLayout.Member> out, int depth) {
        checkDepth(s, depth);
        boolean union = s instanceof Union;
        int cursor = 0;
        int maxSize = 0;
        int maxAlign = 1;
        for (String name : JnaStructures.fieldOrder(s)) {
            Class<?> t = JnaStructures.field(s.getClass(), name).getType();
            Object v = JnaStructures.value(s, name);
            boolean isAnon = isAnonymous(name, anon);
            int size;
            int align;
            List<ComputedLayout.Member> children = new ArrayList<>();
            if (TypeRules.isNestedStruct(t)) {
                Structure nested = v != null ? (Structure) v : JnaStructures.instantiate(t.asSubclass(Structure.class));
                int[] sa = walkX86(nested, isAnon ? prefix : prefix + name + ".", javaPrefix + name + ".", 0, anon,
                        children, depth + 1);
                size = sa[0];
                align = sa[1];
            } else if (t.isArray()) {
                Class<?> c = t.getComponentType();
                int n = arrayLength(s, name, v);
                if (Structure.class.isAssignableFrom(c) && !Structure.ByReference.class.isAssignableFrom(c)) {
                    int[] sa = walkX86((Structure) Array.get(v, 0), "", "", 0, Set.of(), new ArrayList<>(), depth + 1);
                    size = n * sa[0];
                    align = sa[1];
                } else {
                    size = n * TypeRules.x86Size(c);
                    align = TypeRules.x86Align(c);
                }
            } else {
                size = TypeRules.x86Size(t);
                align = TypeRules.x86Align(t);
            }
            align = Math.min(align, DEFAULT_PACK);
            int off = union ? 0 : alignUp(cursor, align);
            out.add(new ComputedLayout.Member(prefix + name, javaPrefix + name, base + off, size, isAnon));
            for (ComputedLayout.Member m : children) {
                out.add(new ComputedLayout.Member(m.path(), m.javaField(), base + off + m.offset(), m.size(), m.anonymous()));
            }
            cursor = off + size;
            maxSize = Math.max(maxSize, size);
            maxAlign = Math.max(maxAlign, align);
        }
        int raw = union ? maxSize : cursor;
        return new int[] {alignUp(raw, maxAlign), maxAlign};
    }

    private static int arrayLength(Structure s, String name, Object v) {
        if (v == null) {
            throw new IllegalArgumentException(s.getClass().getName() + "." + name
                    + " is an array field without a value: JNA needs it allocated to know its length");
        }
        return Array.getLength(v);
    }

    private static void checkDepth(Structure s, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("structure nesting deeper than " + MAX_DEPTH + " at " + s.getClass().getName());
        }
    }

    /**
     * A Java field stands for an anonymous C union/struct when the table lists it under
     * {@code anonymous} or it follows the SDK's own naming, {@code DUMMYUNIONNAME[n]} /
     * {@code DUMMYSTRUCTNAME[n]} (the table omits some, e.g. in SDK-only shapes).
     */
    static boolean isAnonymous(String name, Set<String> anon) {
        return anon.contains(name) || name.matches("DUMMY(UNION|STRUCT)NAME\\d*");
    }

    static int alignUp(int v, int a) {
        return (v + a - 1) / a * a;
    }
}
