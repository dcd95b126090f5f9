package io.winlog.evtx.binxml;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.render.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link RawValueJson} writes a UTF-16LE string value as the general path writes the decoded
 * string ({@code EventJson.appendString}, then the line's UTF-8 encoding): escapes, control
 * characters, non-ASCII text and unpaired surrogates, after any text already in the buffer,
 * including a held-back high surrogate; and trailing NULs dropped as {@link ValueDecoder#utf16}
 * drops them.
 */
class RawValueJsonTest {
    @Property(tries = 500)
    void stringsAreEscapedAsTheGeneralPathEscapesThem(
            @ForAll @Chars({'"', '\\', '\n', '\r', '\t', '\b', '\f', '\u0001', '\u001f', '\u007f', 'a', '\u00e9',
                    '\u4e2d', '\ud83d', '\ude00', '\u0000'}) String tricky,
            @ForAll @CharRange(from = 0, to = 0xFFFF) String any,
            @ForAll("prefixes") String before,
            @ForAll @IntRange(min = 0, max = 3) int trailingNuls) {
        String value = tricky + any;
        byte[] utf16 = (value + "\u0000".repeat(trailingNuls)).getBytes(StandardCharsets.UTF_16LE);
        byte[] record = new byte[utf16.length + 3]; // the value sits inside a larger buffer
        System.arraycopy(utf16, 0, record, 1, utf16.length);

        Utf8Buffer direct = new Utf8Buffer(4);
        direct.append(before);
        RawValueJson.string(record, 1, utf16.length, direct);
        direct.ascii('\n');

        StringBuilder sb = new StringBuilder(before);
        EventJson.appendString(sb, ValueDecoder.utf16(record, 1, utf16.length));
        Utf8Buffer general = new Utf8Buffer(4);
        general.append(sb);
        general.ascii('\n');

        assertThat(Arrays.copyOf(direct.array(), direct.length()))
                .isEqualTo(Arrays.copyOf(general.array(), general.length()));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> prefixes() {
        // Text before the value, ending in a lone high surrogate or not.
        return net.jqwik.api.Arbitraries.of("", "{\"v\": ", "x\ud83d", "\u00e9\u4e2d");
    }
}
