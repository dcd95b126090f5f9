package io.winlog.jna.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winlog.api.EventRejectedException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class EventSplitterTest {
    private static final ReportEventLimits SMALL = new ReportEventLimits(100, 1_000);

    @Test
    void fittingEventIsOnePartUnchanged() {
        List<String> s = List.of("hello", "world");
        List<EventSplitter.Part> parts = EventSplitter.fit(s, 10, 12, SMALL, OverflowPolicy.REJECT);
        assertThat(parts).singleElement().satisfies(p -> {
            assertThat(p.strings()).isSameAs(s);
            assertThat(p.withData()).isTrue();
        });
    }

    @Test
    void splitMarksPartsAndKeepsEveryChar() {
        String big = "x".repeat(250);
        List<EventSplitter.Part> parts = EventSplitter.fit(List.of(big, "second"), 4, 0, SMALL, OverflowPolicy.SPLIT);
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).strings().get(0)).startsWith("(part 1/3) ");
        assertThat(parts.get(2).strings().get(0)).startsWith("(part 3/3) ");
        assertThat(parts.get(0).strings().get(1)).isEqualTo("second");
        assertThat(parts.get(1).strings().get(1)).isEmpty();
        assertThat(parts).extracting(EventSplitter.Part::withData).containsExactly(true, false, false);
        StringBuilder joined = new StringBuilder();
        parts.forEach(p -> joined.append(p.strings().get(0).replaceFirst("^\\(part \\d+/\\d+\\) ", "")));
        assertThat(joined.toString()).isEqualTo(big);
    }

    @Test
    void splitPrefersLineBreaksAndNeverCutsSurrogatePairs() {
        String text = "a".repeat(80) + "\n" + "b".repeat(50);
        List<String> chunks = EventSplitter.chunk(text, 90);
        assertThat(chunks.get(0)).endsWith("\n").hasSize(81);
        String emoji = "\uD83D\uDE00".repeat(100);
        for (String c : EventSplitter.chunk(emoji, 51)) {
            assertThat(Character.isHighSurrogate(c.charAt(c.length() - 1))).isFalse();
        }
    }

    @Test
    void truncateAddsMarkerWithCounts() {
        String big = "y".repeat(250);
        List<EventSplitter.Part> parts = EventSplitter.fit(List.of(big), 0, 0, SMALL, OverflowPolicy.TRUNCATE);
        String s = parts.get(0).strings().get(0);
        assertThat(s.length()).isLessThanOrEqualTo(100);
        assertThat(s).endsWith(" chars omitted]").contains("of 250");
        int kept = s.indexOf(" \u2026");
        assertThat(s).contains("truncated: " + (250 - kept) + " of 250");
    }

    @Test
    void totalBudgetCutsOnlyTheLongStrings() {
        // 5 strings of 100 would need 5*202 = 1010 bytes > 1000: the capacity drops just enough.
        List<String> s = List.of("a".repeat(100), "b".repeat(100), "c".repeat(100), "d".repeat(100), "short");
        List<EventSplitter.Part> parts = EventSplitter.fit(s, 0, 0, SMALL, OverflowPolicy.TRUNCATE);
        assertThat(parts.get(0).strings().get(4)).isEqualTo("short");
        assertThat(bytes(parts.get(0).strings(), 0, 0)).isLessThanOrEqualTo(1_000);
    }

    @Test
    void rejectAndImpossibleCasesSayWhy() {
        assertThatThrownBy(() -> EventSplitter.fit(List.of("z".repeat(101)), 0, 0, SMALL, OverflowPolicy.REJECT))
                .isInstanceOf(EventRejectedException.class).hasMessageContaining("per-string limit of 100");
        assertThatThrownBy(() -> EventSplitter.fit(List.of("z".repeat(500)), 990, 0, SMALL, OverflowPolicy.SPLIT))
                .isInstanceOf(EventRejectedException.class).hasMessageContaining("990 bytes of binary data");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            many.add("");
        }
        assertThatThrownBy(() -> EventSplitter.fit(many, 0, 0, ReportEventLimits.forSource("s"), OverflowPolicy.SPLIT))
                .hasMessageContaining("65535");
    }

    @Test
    void splitRefusesAbsurdPartCounts() {
        assertThatThrownBy(() -> EventSplitter.fit(List.of("w".repeat(200_000)), 0, 0, SMALL, OverflowPolicy.SPLIT))
                .isInstanceOf(EventRejectedException.class).hasMessageContaining("TRUNCATE");
    }

    @Test
    void defaultLimitsMatchTheDocumentedNumbers() {
        ReportEventLimits l = ReportEventLimits.forSource("MyApp");
        assertThat(l.maxCharsPerString()).isEqualTo(30_000);
        assertThat(l.maxPayloadBytes()).isLessThan(0x3FF67).isGreaterThan(4 * 60_002);
        assertThatThrownBy(() -> ReportEventLimits.forSource("x", 31_840)).hasMessageContaining("31839");
    }

    /** Every part respects both limits, and the text survives splitting exactly. */
    @Property(tries = 200)
    void splitPartsFitAndLoseNothing(@ForAll @Size(max = 6) List<@StringLength(max = 700) String> strings,
                                     @ForAll @IntRange(max = 300) int data) {
        List<EventSplitter.Part> parts = EventSplitter.fit(strings, data, 0, SMALL, OverflowPolicy.SPLIT);
        for (EventSplitter.Part p : parts) {
            for (String s : p.strings()) {
                assertThat(s.length()).isLessThanOrEqualTo(100);
            }
            assertThat(bytes(p.strings(), p.withData() ? data : 0, 0)).isLessThanOrEqualTo(1_000);
        }
        for (int i = 0; i < strings.size(); i++) {
            StringBuilder sb = new StringBuilder();
            for (EventSplitter.Part p : parts) {
                String s = p.strings().get(i);
                sb.append(i == 0 && parts.size() > 1 ? s.replaceFirst("^\\(part \\d+/\\d+\\) ", "") : s);
            }
            assertThat(sb.toString()).isEqualTo(strings.get(i));
        }
    }

    /** Truncation always fits. */
    @Property(tries = 200)
    void truncatedEventFits(@ForAll @Size(max = 8) List<@StringLength(max = 700) String> strings) {
        List<EventSplitter.Part> parts = EventSplitter.fit(strings, 0, 28, SMALL, OverflowPolicy.TRUNCATE);
        assertThat(parts).hasSize(1);
        assertThat(bytes(parts.get(0).strings(), 0, 28)).isLessThanOrEqualTo(1_000);
        parts.get(0).strings().forEach(s -> assertThat(s.length()).isLessThanOrEqualTo(100));
    }

    private static long bytes(List<String> strings, int data, int sid) {
        long b = data + sid;
        for (String s : strings) {
            b += 2L * s.length() + 2;
        }
        return b;
    }
}
