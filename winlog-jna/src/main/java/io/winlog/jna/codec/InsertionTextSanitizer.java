package io.winlog.jna.codec;

import io.winlog.api.EventRejectedException;

/**
 * Makes an insertion string display in Event Viewer exactly as the application logged it.
 *
 * <p>Three things go wrong with raw text:
 * <ol>
 *   <li><b>NUL</b>: insertion strings are NUL-terminated {@code LPCWSTR}s, so everything after an
 *       embedded NUL would be lost without any error.</li>
 *   <li><b>Lone surrogates</b> (a Java String is not necessarily valid UTF-16): the record stores
 *       them, but renderers (XML, Event Viewer) replace or drop them unpredictably.</li>
 *   <li><b>Insertion sequences</b>: when a viewer renders a classic event it expands the insertion
 *       codes of the description <em>recursively</em>, including those that come from the
 *       strings themselves, and the protocol has no escape mechanism ([MS-EVEN] 3.2.4.1.5
 *       "Expanding Unexpanded Event Description Strings": {@code %n} = insertion string n,
 *       {@code %%n} = parameter message n, {@code %{S...}} = a SID, {@code %{guid}}). A logged
 *       file name containing {@code %1} would be replaced by the whole string, {@code %%5} by
 *       "Access is denied." from the parameter file. FormatMessage also gives meaning to
 *       {@code %n %r %t %b %. %! %0} in message text.</li>
 * </ol>
 *
 * <p>{@link InsertionTextPolicy#ESCAPE} neutralises a {@code %} that is followed by a digit,
 * {@code %}, <code>{</code>, or one of {@code n r t b . !} by inserting U+2060 WORD JOINER
 * right after it: the visible text is unchanged, and no recognisable code remains. Other
 * {@code %} ({@code 50% off}) are left alone: FormatMessage's {@code "% "}
 * (a trailing-space escape) only has meaning in message templates, never as an insertion code. The result is never longer than twice the input.
 *
 * <p>Allocation-free when nothing needs changing (the common case): the same String is returned.
 */
public final class InsertionTextSanitizer {
    /** Replaces NUL. */
    public static final char NUL_REPLACEMENT = '\u2400';
    /** Replaces a lone surrogate. */
    public static final char SURROGATE_REPLACEMENT = '\uFFFD';
    /** Inserted after a {@code %} that would start an insertion or FormatMessage sequence. */
    public static final char PERCENT_GUARD = '\u2060';

    private InsertionTextSanitizer() {
    }

    /**
     * Returns {@code s} made safe under {@code policy}.
     *
     * @param index the insertion string's position (for messages), 0-based
     * @throws EventRejectedException with {@link InsertionTextPolicy#REJECT} when {@code s}
     *                                contains NUL, a lone surrogate or an insertion sequence
     */
    public static String sanitize(String s, InsertionTextPolicy policy, int index) {
        int first = firstProblem(s, policy != InsertionTextPolicy.PASS_INSERTS);
        if (first < 0) {
            return s;
        }
        if (policy == InsertionTextPolicy.REJECT) {
            throw new EventRejectedException("insertion string %" + (index + 1) + " contains " + describe(s, first)
                    + " at char " + first + "; Event Viewer would not show it as logged. Remove it, or use the "
                    + "ESCAPE text policy (invisible guard after %, visible U+2400/U+FFFD for NUL/lone surrogates)");
        }
        boolean guardPercent = policy == InsertionTextPolicy.ESCAPE;
        StringBuilder sb = new StringBuilder(s.length() + 16);
        sb.append(s, 0, first);
        int n = s.length();
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            if (c == 0) {
                sb.append(NUL_REPLACEMENT);
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    sb.append(c).append(s.charAt(++i));
                } else {
                    sb.append(SURROGATE_REPLACEMENT);
                }
            } else if (Character.isLowSurrogate(c)) {
                sb.append(SURROGATE_REPLACEMENT);
            } else if (c == '%' && guardPercent && i + 1 < n && startsSequence(s.charAt(i + 1))) {
                sb.append('%').append(PERCENT_GUARD);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Index of the first char that needs treatment, or -1. */
    static int firstProblem(String s, boolean percent) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (c == '%' && percent && i + 1 < n && startsSequence(s.charAt(i + 1))) {
                return i;
            }
        }
        return -1;
    }

    /** True when {@code %} followed by {@code next} means something to a renderer. */
    static boolean startsSequence(char next) {
        return (next >= '0' && next <= '9') || next == '%' || next == '{' || next == 'n' || next == 'r'
                || next == 't' || next == 'b' || next == '.' || next == '!';
    }

    private static String describe(String s, int i) {
        char c = s.charAt(i);
        if (c == 0) {
            return "a NUL character (it would end the string)";
        }
        if (Character.isSurrogate(c)) {
            return "a lone surrogate U+" + Integer.toHexString(c).toUpperCase() + " (invalid UTF-16)";
        }
        return "the insertion sequence \"%" + s.charAt(i + 1) + "\" (a viewer would expand it)";
    }
}
