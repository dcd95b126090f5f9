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
}
