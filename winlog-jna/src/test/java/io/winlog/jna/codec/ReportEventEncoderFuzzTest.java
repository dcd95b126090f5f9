package io.winlog.jna.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.EventRejectedException;
import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random hostile events through the whole encoder under every policy combination: it either
 * produces calls that respect every limit and carry the text exactly (modulo the documented
 * escapes and markers), or rejects with {@link EventRejectedException}; nothing else. 2,000
 * events in {@code verify}; 200,000 with {@code -Plong}. The seed is printed on failure.
 */
class ReportEventEncoderFuzzTest {
    private static final char[] ALPHABET = {'a', 'Z', ' ', '%', '%', '1', '9', 'n', '{', '!', '.', '\n', '\r', '\0',
            '\uD83D', '\uDE00', '\uD800', '\uDC00', 'é', '\u2060'};

    @Test
    void encoderNeverBreaksItsContract() {
        boolean longRun = "true".equals(System.getProperty("winlog.long"));
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        int events = longRun ? 200_000 : 2_000;
        ReportEventLimits limits = new ReportEventLimits(200, 2_000);
        for (int i = 0; i < events; i++) {
            List<String> strings = new ArrayList<>();
            int n = rnd.nextInt(6);
            for (int j = 0; j < n; j++) {
                strings.add(randomString(rnd, rnd.nextInt(10) == 0 ? rnd.nextInt(3_000) : rnd.nextInt(120)));
            }
            byte[] data = rnd.nextInt(4) == 0 ? new byte[rnd.nextInt(2_100)] : null;
            OverflowPolicy op = OverflowPolicy.values()[rnd.nextInt(3)];
            InsertionTextPolicy tp = InsertionTextPolicy.values()[rnd.nextInt(3)];
            EventSpec spec = EventSpec.builder(Integer.toUnsignedLong(rnd.nextInt())).type(EventType.values()[rnd.nextInt(6)])
                    .strings(strings).data(data).build();
            try {
                check(new ReportEventEncoder(limits, op, tp).encode(spec), spec, limits, op, tp);
            } catch (EventRejectedException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + seed + ", event " + i + ", " + op + "/" + tp + ": " + e, e);
            }
        }
    }

    private static void check(List<PreparedReportEvent> calls, EventSpec spec, ReportEventLimits limits,
                              OverflowPolicy op, InsertionTextPolicy tp) {
        assertThat(calls).isNotEmpty();
        for (PreparedReportEvent c : calls) {
            long bytes = c.stringBytes() + (c.data() == null ? 0 : c.data().length);
            assertThat(bytes).isLessThanOrEqualTo(limits.maxPayloadBytes());
            for (int i = 0; i < c.strings().length; i++) {
                String s = c.string(i);
                assertThat(s.length()).isLessThanOrEqualTo(limits.maxCharsPerString());
                assertThat(s.indexOf('\0')).isEqualTo(-1);
                if (tp == InsertionTextPolicy.ESCAPE) {
                    assertThat(InsertionTextSanitizer.firstProblem(s, true)).isEqualTo(-1);
                }
            }
        }
        if (op == OverflowPolicy.SPLIT) {
            for (int i = 0; i < spec.strings().size(); i++) {
                StringBuilder sb = new StringBuilder();
                for (PreparedReportEvent c : calls) {
                    String s = c.string(i);
                    sb.append(i == 0 && calls.size() > 1 ? s.replaceFirst("^\\(part \\d+/\\d+\\) ", "") : s);
                }
                assertThat(sb.toString()).isEqualTo(InsertionTextSanitizer.sanitize(spec.strings().get(i), tp, i));
            }
        }
    }

    private static String randomString(Random rnd, int len) {
        char[] c = new char[len];
        for (int i = 0; i < len; i++) {
            c[i] = ALPHABET[rnd.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }
}
