package io.winlog.testkit.abi;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the numeric constants a binding declares ({@code public static final} byte, short,
 * int or long fields named as in the Windows headers) against the ABI table's {@code constants},
 * and, for names in {@code constants_x86}, that the value a 32-bit JVM passes (the low 32 bits
 * of a pointer-sized constant) is the x86 one.
 *
 * <p>Java has no unsigned types: an {@code int} constant matches when its 32 bits equal the
 * table value's low 32 bits and the table value fits 32 bits (signed or unsigned), so
 * {@code 0x80000000} declared as an int matches {@code 2147483648}.
 */
public final class ConstantChecker {
    private static final BigInteger MASK32 = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    private static final BigInteger MASK64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final WinLayouts table;

    public ConstantChecker(WinLayouts table) {
        this.table = table;
    }

    /**
     * The result: problems found, and the names the table does not know (the caller must decide:
     * a test should list them explicitly, with the source of their values).
     */
    public record Result(List<LayoutProblem> problems, List<String> unchecked, int checked) {
    }

    /** Checks every numeric constant of {@code holder} (a class or interface). */
    public Result check(Class<?> holder) {
        List<LayoutProblem> problems = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        int checked = 0;
        for (Field f : holder.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (!Modifier.isStatic(mod) || !Modifier.isFinal(mod) || f.isSynthetic()) {
                continue;
            }
            Class<?> t = f.getType();
            if (t != int.class && t != long.class && t != short.class && t != byte.class) {
                continue;
            }
            long v;
            try {
                f.setAccessible(true);
                v = ((Number) f.get(null)).longValue();
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            Optional<BigInteger> want = table.constant(WinLayouts.Arch.X64, f.getName());
            if (want.isEmpty()) {
                unchecked.add(f.getName());
                continue;
            }
            checked++;
            int bits = t == long.class ? 64 : t == int.class ? 32 : t == short.class ? 16 : 8;
            BigInteger mask = bits == 64 ? MASK64 : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            BigInteger javaBits = BigInteger.valueOf(v).and(mask);
            BigInteger w = want.get();
            boolean fits = w.signum() >= 0 ? w.bitLength() <= bits : w.bitLength() < bits;
            if (!fits || !w.and(mask).equals(javaBits)) {
                problems.add(new LayoutProblem(holder.getName(), "x64", f.getName(),
                        "expected " + w + " (0x" + w.and(MASK64).toString(16) + "), Java declares " + v
                                + (fits ? "" : " and the value does not fit a Java " + t)));
            }
            if (table.hasX86Override(f.getName())) {
                BigInteger w86 = table.constant(WinLayouts.Arch.X86, f.getName()).orElseThrow();
                BigInteger low = BigInteger.valueOf(v).and(MASK32);
                if (!w86.and(MASK32).equals(low)) {
                    problems.add(new LayoutProblem(holder.getName(), "x86", f.getName(),
                            "a 32-bit JVM passes 0x" + low.toString(16) + ", x86 expects 0x" + w86.toString(16)));
                }
            }
        }
        return new Result(problems, unchecked, checked);
    }
}
