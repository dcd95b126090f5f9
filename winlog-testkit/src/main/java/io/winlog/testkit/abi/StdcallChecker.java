package io.winlog.testkit.abi;

import com.sun.jna.Structure;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a JNA library interface's methods against the x86 stdcall argument byte counts
 * ({@code _Name@N}) in the ABI table. On x86 every argument takes at least 4 bytes of stack,
 * {@code long}/{@code double} take 8, a by-value Structure its size rounded up to 4. A wrong
 * Java parameter type (a {@code long} where Windows takes a DWORD, a missing parameter) changes
 * the count and corrupts the stack on 32-bit Windows even when x64 happens to work.
 */
public final class StdcallChecker {
    private final WinLayouts table;

    public StdcallChecker(WinLayouts table) {
        this.table = table;
    }

    /** Problems, and the functions the table does not list (check those with {@code extra}). */
    public record Result(List<LayoutProblem> problems, List<String> unchecked, int checked) {
    }

    /**
     * Checks every abstract method of {@code library}. {@code extra} gives expected byte counts
     * for functions the table lacks (taken from the documented prototypes); a method in neither
     * is reported as unchecked.
     */
    public Result check(Class<?> library, Map<String, Integer> extra) {
        List<LayoutProblem> problems = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        int checked = 0;
        for (Method m : library.getDeclaredMethods()) {
            if (!Modifier.isAbstract(m.getModifiers()) || m.isSynthetic()) {
                continue;
            }
            Optional<Integer> want = table.x86StdcallArgBytes(m.getName());
            if (want.isEmpty() && extra.containsKey(m.getName())) {
                want = Optional.of(extra.get(m.getName()));
            }
            if (want.isEmpty()) {
                unchecked.add(m.getName());
                continue;
            }
            checked++;
            int got = x86ArgBytes(m);
            if (got != want.get()) {
                problems.add(new LayoutProblem(library.getName(), "x86", m.getName(),
                        "stdcall @" + want.get() + " expected, Java parameters give @" + got));
            }
        }
        return new Result(problems, unchecked, checked);
    }

    /** The x86 stdcall argument bytes of a Java binding method. */
    public static int x86ArgBytes(Method m) {
        int total = 0;
        for (Class<?> p : m.getParameterTypes()) {
            if (p == long.class || p == double.class) {
                total += 8;
            } else if (Structure.class.isAssignableFrom(p) && Structure.ByValue.class.isAssignableFrom(p)) {
                Structure s = JnaStructures.instantiate(p.asSubclass(Structure.class));
                total += LayoutCalculator.alignUp(LayoutCalculator.x86(s, java.util.Set.of()).size(), 4);
            } else {
                total += 4;
            }
        }
        return total;
    }
}
