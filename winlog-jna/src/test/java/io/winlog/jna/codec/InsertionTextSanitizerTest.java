package io.winlog.jna.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winlog.api.EventRejectedException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class InsertionTextSanitizerTest {
    private static final String G = String.valueOf(InsertionTextSanitizer.PERCENT_GUARD);

    @Test
    void cleanTextIsReturnedAsIs() {
        String s = "Payment 42 failed: 50% off, see C:\\temp\\x.log \uD83D\uDE00";
        assertThat(InsertionTextSanitizer.sanitize(s, InsertionTextPolicy.ESCAPE, 0)).isSameAs(s);
    }

    @Test
    void insertionSequencesAreGuarded() {
        assertThat(InsertionTextSanitizer.sanitize("file %1 and %%5 and %{S-1-5-18} %n%t", InsertionTextPolicy.ESCAPE, 0))
                .isEqualTo("file %" + G + "1 and %" + G + "%" + G + "5 and %" + G + "{S-1-5-18} %" + G + "n%" + G + "t");
        assertThat(InsertionTextSanitizer.sanitize("100%", InsertionTextPolicy.ESCAPE, 0)).isEqualTo("100%");
    }

    @Test
    void nulAndLoneSurrogatesAreMadeVisible() {
        assertThat(InsertionTextSanitizer.sanitize("a\0b\uD800c\uDC00", InsertionTextPolicy.ESCAPE, 0))
                .isEqualTo("a\u2400b\uFFFDc\uFFFD");
        assertThat(InsertionTextSanitizer.sanitize("x\uD800", InsertionTextPolicy.PASS_INSERTS, 0)).isEqualTo("x\uFFFD");
    }

    @Test
    void passInsertsKeepsPercentSequences() {
        assertThat(InsertionTextSanitizer.sanitize("%%1833 %1", InsertionTextPolicy.PASS_INSERTS, 0)).isEqualTo("%%1833 %1");
    }

    @Test
    void rejectSaysWhatAndWhere() {
        assertThatThrownBy(() -> InsertionTextSanitizer.sanitize("ok %1", InsertionTextPolicy.REJECT, 2))
                .isInstanceOf(EventRejectedException.class).hasMessageContaining("%3").hasMessageContaining("char 3")
                .hasMessageContaining("\"%1\"");
        assertThatThrownBy(() -> InsertionTextSanitizer.sanitize("a\0", InsertionTextPolicy.REJECT, 0))
                .hasMessageContaining("NUL");
    }

    /** After ESCAPE no renderer-significant sequence, NUL or lone surrogate remains. */
    @Property(tries = 400)
    void escapedTextHasNothingARendererWouldInterpret(
            @ForAll @StringLength(max = 60) @Chars({'%', '1', '%', 'n', '{', '\0', 'a', ' ', '\uD800', '\uDC00'}) String s) {
        String out = InsertionTextSanitizer.sanitize(s, InsertionTextPolicy.ESCAPE, 0);
        assertThat(InsertionTextSanitizer.firstProblem(out, true)).isEqualTo(-1);
        assertThat(out.length()).isLessThanOrEqualTo(2 * s.length());
    }

    /** Removing the guards gives back the input, when it had no NUL or lone surrogate. */
    @Property(tries = 400)
    void escapingIsReversible(@ForAll @StringLength(max = 60) @CharRange(from = ' ', to = '~') String s) {
        String out = InsertionTextSanitizer.sanitize(s, InsertionTextPolicy.ESCAPE, 0);
        assertThat(out.replace(G, "")).isEqualTo(s);
    }
}
