package io.winlog.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.event.EventRecord;
import io.winlog.api.render.EventJson;
import io.winlog.evtx.binxml.EventRecordMapper;
import io.winlog.evtx.binxml.TemplateEventMapper;
import io.winlog.testkit.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The tree-less event mapping ({@link TemplateEventMapper}, used by {@link EvtxRecord#event()}
 * before any tree exists) gives exactly the record of {@link EventRecordMapper} over the expanded
 * tree, for every record of every sample, recovered records included: equal models and the same
 * JSONL line (with the header keys, as {@code winlog dump --format jsonl} writes it).
 */
class FastEventEquivalenceTest {
    @Test
    void treeLessMappingEqualsTheTreeMapping() {
        SharedData.requireRoot();
        long records = 0;
        long treeLess = 0;
        StringBuilder a = new StringBuilder(4096);
        StringBuilder b = new StringBuilder(4096);
        for (Path p : SharedData.evtxSamples()) {
            // Two readers: the fast path must not lean on a tree built by the other.
            try (EvtxReader fast = EvtxReader.open(p, EvtxReadOptions.defaults().recover(true));
                 EvtxReader tree = EvtxReader.open(p, EvtxReadOptions.defaults().recover(true))) {
                for (EvtxRecord f; (f = fast.nextRecord()) != null; ) {
                    EvtxRecord t = tree.nextRecord();
                    EventRecord expected = EventRecordMapper.map(t.root());
                    EventRecord direct = f.mapWithoutTree();
                    if (direct != null) {
                        treeLess++;
                        assertSame(p, f, direct, expected, a, b);
                    }
                    assertSame(p, f, f.event(), expected, a, b);
                    records++;
                }
                assertThat(tree.nextRecord()).isNull();
            }
        }
        assertThat(records).isGreaterThan(17_000);
        // Most sample records (all but UserData / RenderingInfo / XML-valued shapes) skip the tree.
        assertThat(treeLess).as("records mapped without the tree, of " + records).isGreaterThan(records / 2);
    }

    private static void assertSame(Path p, EvtxRecord f, EventRecord actual, EventRecord expected,
                                   StringBuilder a, StringBuilder b) {
        a.setLength(0);
        b.setLength(0);
        EventJson.render(actual, f.headerRecordNumber(), f.headerTimestamp(), a);
        EventJson.render(expected, f.headerRecordNumber(), f.headerTimestamp(), b);
        if (!a.toString().contentEquals(b)) {
            assertThat(a.toString()).as(p + " " + f).isEqualTo(b.toString());
        }
        assertThat(actual).as(p + " " + f).isEqualTo(expected);
    }
}
