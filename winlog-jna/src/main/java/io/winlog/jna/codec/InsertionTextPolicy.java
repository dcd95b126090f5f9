package io.winlog.jna.codec;

/**
 * What the writer does with text Windows would not show as logged (see
 * {@link InsertionTextSanitizer} for the exact rules and the reasons).
 */
public enum InsertionTextPolicy {
    /**
     * Default. NUL becomes U+2400 (␀), a lone surrogate U+FFFD (�), and every {@code %} that
     * starts an insertion or FormatMessage sequence is followed by U+2060 WORD JOINER (invisible,
     * so the text reads exactly as logged and is never expanded).
     */
    ESCAPE,
    /** Refuses such text with {@link io.winlog.api.EventRejectedException} naming the position. */
    REJECT,
    /**
     * NUL and lone surrogates are escaped as with {@link #ESCAPE}, {@code %} sequences are passed
     * through: for applications that deliberately use {@code %%n} parameter strings.
     */
    PASS_INSERTS
}
