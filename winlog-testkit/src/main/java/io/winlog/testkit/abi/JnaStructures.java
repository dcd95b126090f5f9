package io.winlog.testkit.abi;

import com.sun.jna.Structure;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/** Reflection helpers over JNA {@link Structure}s (field order, offsets, values). */
final class JnaStructures {
    private JnaStructures() {
    }

    /** A fresh instance of {@code type}, the way JNA itself creates nested structures. */
    static Structure instantiate(Class<? extends Structure> type) {
        try {
            return Structure.newInstance(type);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot instantiate " + type.getName()
                    + " (a layout-checked Structure needs a public no-argument constructor): " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> fieldOrder(Structure s) {
        return (List<String>) invoke(s, "getFieldOrder", new Class<?>[0]);
    }

    static int fieldOffset(Structure s, String name) {
        return (Integer) invoke(s, "fieldOffset", new Class<?>[] {String.class}, name);
    }

    static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException ignored) {
                // look in the superclass
            }
        }
        throw new IllegalArgumentException(type.getName() + " lists field '" + name + "' in its order but has no such field");
    }

    static Object value(Structure s, String name) {
        try {
            return field(s.getClass(), name).get(s);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object invoke(Structure s, String method, Class<?>[] types, Object... args) {
        for (Class<?> c = s.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(method, types);
                m.setAccessible(true);
                return m.invoke(s, args);
            } catch (NoSuchMethodException ignored) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(s.getClass().getName() + "." + method + " failed: " + e.getCause(), e.getCause());
            }
        }
        throw new IllegalStateException("no " + method + " on " + s.getClass());
    }
}
