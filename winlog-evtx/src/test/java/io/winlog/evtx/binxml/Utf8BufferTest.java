package io.winlog.evtx.binxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link Utf8Buffer} encodes exactly like {@code OutputStreamWriter(UTF_8)} (what the CLI used
 * before): surrogate pairs, also split across appends, and unpaired surrogates as {@code '?'}.
 */
class Utf8BufferTest {
    @Property(tries = 300)
    void encodesLikeTheJdkWriter(@ForAll @Size(max = 6) List<@CharRange(from = 0, to = 0xFFFF) String> pieces)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            for (String p : pieces) {
                w.write(p);
            }
            w.write('\n');
        }
        Utf8Buffer b = new Utf8Buffer(1);
        for (String p : pieces) {
            b.append(p);
        }
        b.ascii('\n');
        assertThat(Arrays.copyOf(b.array(), b.length())).isEqualTo(bytes.toByteArray());
    }

    @Property(tries = 100)
    void surrogatesAroundAsciiAndNumbers(@ForAll @Size(max = 8) List<@CharRange(from = 0xD7F0, to = 0xE010) String> pieces)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Buffer b = new Utf8Buffer(4);
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            for (String p : pieces) {
                w.write(p);
                w.write("<7");
                b.append(p);
                b.ascii("<").append(7L);
            }
            w.write('\n');
        }
        b.ascii('\n');
        assertThat(Arrays.copyOf(b.array(), b.length())).isEqualTo(bytes.toByteArray());
    }

    /**
     * Long texts (the JDK-encoder path) with surrogates anywhere, including a high surrogate at the
     * end that the next piece may complete, appended as strings, string ranges and string builders.
     */
    @Property(tries = 300)
    void longPiecesWithSurrogatesEncodeLikeTheJdkWriter(
            @ForAll @Size(max = 5) List<@CharRange(from = 0xD780, to = 0xE080) @net.jqwik.api.constraints.StringLength(min = 60, max = 200) String> pieces,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 2) int how) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Buffer b = new Utf8Buffer(8);
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            for (String p : pieces) {
                String q = "ascii " + p + (p.length() % 3 == 0 ? "x" : "");
                w.write(q, 1, q.length() - 1);
                if (how == 0) {
                    b.append(q.substring(1));
                } else if (how == 1) {
                    b.append(q, 1, q.length());
                } else {
                    b.append(new StringBuilder(q), 1, q.length());
                }
            }
            w.write('\n');
        }
        b.ascii('\n');
        assertThat(Arrays.copyOf(b.array(), b.length())).isEqualTo(bytes.toByteArray());
    }

    @org.junit.jupiter.api.Test
    void asciiLinesTakeTheBulkPath() {
        Utf8Buffer b = new Utf8Buffer(4);
        StringBuilder sb = new StringBuilder("{\"record_id\": 1, \"value\": \"caf\u00e9 \ud83d\ude00\"}");
        while (sb.length() < 300) {
            sb.append(" pad");
        }
        b.append(sb);
        assertThat(Arrays.copyOf(b.array(), b.length())).isEqualTo(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void aReusableLineBuilderIsKeptForAsciiAndRenewedAfterOtherText() {
        Utf8Buffer b = new Utf8Buffer(4);
        StringBuilder line = new StringBuilder("plain");
        assertThat(b.appendReusable(line)).isSameAs(line);
        StringBuilder wide = new StringBuilder("caf\u00e9 \u4e2d");
        StringBuilder next = b.appendReusable(wide);
        assertThat(next).isNotSameAs(wide).isEmpty();
        assertThat(new String(b.array(), 0, b.length(), StandardCharsets.UTF_8)).isEqualTo("plaincaf\u00e9 \u4e2d");
    }
}
