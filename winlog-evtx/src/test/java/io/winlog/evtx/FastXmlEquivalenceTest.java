package io.winlog.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.evtx.binxml.Utf8Buffer;
import io.winlog.testkit.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The fast XML path ({@link EvtxRecord#appendXml(Utf8Buffer)}: rendered from the template and the
 * values, never expanding the tree) gives exactly the bytes of the tree path ({@link EvtxRecord#xml()}
 * encoded as UTF-8), for every record of every sample, recovered records included.
 */
class FastXmlEquivalenceTest {
    @Test
    void fastXmlIsByteIdenticalToTheTreeRendering() {
        SharedData.requireRoot();
        long records = 0;
        Utf8Buffer out = new Utf8Buffer(4096);
        for (Path p : SharedData.evtxSamples()) {
            // Two readers: the fast path must not lean on a tree built by the other.
            try (EvtxReader fast = EvtxReader.open(p, EvtxReadOptions.defaults().recover(true));
                 EvtxReader tree = EvtxReader.open(p, EvtxReadOptions.defaults().recover(true))) {
                for (EvtxRecord f; (f = fast.nextRecord()) != null; ) {
                    EvtxRecord t = tree.nextRecord();
                    out.clear();
                    f.appendXml(out);
                    out.append('\n'); // flushes a held-back surrogate, as the end of a line does
                    byte[] expected = (t.xml() + "\n").getBytes(StandardCharsets.UTF_8);
                    byte[] actual = Arrays.copyOf(out.array(), out.length());
                    if (!Arrays.equals(expected, actual)) {
                        assertThat(new String(actual, StandardCharsets.UTF_8)).as(p + " " + f)
                                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
                    }
                    records++;
                }
                assertThat(tree.nextRecord()).isNull();
            }
        }
        assertThat(records).isGreaterThan(17_000);
    }
}
