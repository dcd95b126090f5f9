package io.winlog.testkit.abi;

import com.sun.jna.Callback;
import com.sun.jna.NativeMapped;
import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import com.sun.jna.Structure;
import com.sun.jna.ptr.ByReference;
import java.util.Optional;

/**
 * Which Java field types a layout-checked binding may use, and their x86 size and alignment.
 *
 * <p>Allowed: {@code byte short int long float double} (and arrays of them), {@link Pointer},
 * {@link PointerType} handles, {@link Callback}s, nested {@link Structure}s / unions (and arrays
 * of them), {@code Structure.ByReference}. Refused, because the layout JNA computes for them on
 * Linux is not the Windows one or the mapping hides an encoding: {@code NativeLong} and every
 * other {@code IntegerType} (jna-platform's {@code LONG}/{@code ULONG} follow the host's C
 * {@code long}, 8 bytes on Linux x64, 4 on Windows), {@code char} (JNA maps it to the host
 * {@code wchar_t}, 4 bytes on Linux), {@code boolean} (JNA maps it to a 4-byte int; Windows
 * {@code BOOLEAN} is 1 byte, {@code BOOL} 4), {@code String}/{@code WString} (pointers whose
 * encoding JNA picks).
 */
final class TypeRules {
    private TypeRules() {
    }

    /** Why {@code type} must not appear in a binding Structure, or empty when it is fine. */
    static Optional<String> forbidden(Class<?> type) {
        Class<?> t = type.isArray() ? type.getComponentType() : type;
        if (t == char.class) {
            return Optional.of("Java char maps to the host wchar_t (4 bytes on Linux); use short (WCHAR) or byte[] UTF-16LE");
        }
        if (t == boolean.class || t == Boolean.class) {
            return Optional.of("Java boolean maps to a 4-byte int; use byte for BOOLEAN (1 byte) or int for BOOL (4 bytes)");
        }
        if (t == String.class || t.getName().equals("com.sun.jna.WString")) {
            return Optional.of(t.getSimpleName() + " hides the string encoding; use Pointer to UTF-16LE bytes you encode");
        }
        if (NativeMapped.class.isAssignableFrom(t) && !PointerType.class.isAssignableFrom(t)) {
            return Optional.of(t.getName() + " is an IntegerType/NativeMapped whose size follows the host C types "
                    + "(NativeLong/LONG/ULONG are 8 bytes on Linux x64, 4 on Windows); use int/long");
        }
        return Optional.empty();
    }

    /** x86 size of a scalar (non-Structure, non-array) field type. */
    static int x86Size(Class<?> t) {
        if (t == byte.class) {
            return 1;
        }
        if (t == short.class) {
            return 2;
        }
        if (t == int.class || t == float.class) {
            return 4;
        }
        if (t == long.class || t == double.class) {
            return 8;
        }
        if (isPointerLike(t)) {
            return 4;
        }
        throw new IllegalArgumentException("no x86 size rule for " + t.getName());
    }

    /** x86 MSVC alignment of a scalar: natural alignment, 8-byte types 8-aligned (/Zp8 default). */
    static int x86Align(Class<?> t) {
        return x86Size(t);
    }

    /** Pointer-sized on every architecture (4 bytes on x86, 8 on x64). */
    static boolean isPointerLike(Class<?> t) {
        return Pointer.class.isAssignableFrom(t) || PointerType.class.isAssignableFrom(t)
                || Callback.class.isAssignableFrom(t) || ByReference.class.isAssignableFrom(t)
                || (Structure.class.isAssignableFrom(t) && Structure.ByReference.class.isAssignableFrom(t));
    }

    /** A nested by-value Structure (or Union) field. */
    static boolean isNestedStruct(Class<?> t) {
        return Structure.class.isAssignableFrom(t) && !Structure.ByReference.class.isAssignableFrom(t);
    }
}
