package io.winlog.api.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a {@code double} exactly as Python's {@code repr(float)} does (the reference JSONL
 * keeps python-evtx's text for Float/Double values): the shortest digit string that reads back
 * to the same double, in fixed notation when the decimal exponent is in [-4, 16), otherwise
 * {@code d.ddde+XX}; {@code inf}, {@code -inf}, {@code nan}.
 */
final class PyRepr {
    private PyRepr() {
    }

    static String format(double d) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, d);
        return sb.toString();
    }

    static void append(StringBuilder out, double d) {
        if (Double.isNaN(d)) {
            out.append("nan");
            return;
        }
        if (Double.isInfinite(d)) {
            out.append(d > 0 ? "inf" : "-inf");
            return;
        }
        if (d == 0) {
            out.append((Double.doubleToRawLongBits(d) < 0) ? "-0.0" : "0.0");
            return;
        }
        // Shortest round-tripping digits: the closest p-digit decimal for the smallest p that
        // reads back as d (Java 17's Double.toString is not always shortest).
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = null;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                shortest = r;
                break;
            }
        }
        if (shortest == null) {
            shortest = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        }
        BigDecimal stripped = shortest.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        // value = 0.d1d2d3... * 10^(decExp)  with decExp = exponent of the first digit + 1
        int decExp = digits.length() - stripped.scale();
        if (d < 0) {
            out.append('-');
        }
        int e10 = decExp - 1; // scientific exponent
        if (e10 >= -5 && e10 < 16) {
            // Python: repr uses 'r' format -> fixed notation when -4 <= exp < 16
            if (e10 < -4) {
                scientific(out, digits, e10);
            } else if (decExp <= 0) {
                out.append("0.");
                for (int i = 0; i < -decExp; i++) {
                    out.append('0');
                }
                out.append(digits);
            } else if (decExp >= digits.length()) {
                out.append(digits);
                for (int i = digits.length(); i < decExp; i++) {
                    out.append('0');
                }
                out.append(".0");
            } else {
                out.append(digits, 0, decExp).append('.').append(digits, decExp, digits.length());
            }
        } else {
            scientific(out, digits, e10);
        }
    }

    private static void scientific(StringBuilder out, String digits, int e10) {
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(e10 < 0 ? '-' : '+');
        int a = Math.abs(e10);
        if (a < 10) {
            out.append('0');
        }
        out.append(a);
    }
}
