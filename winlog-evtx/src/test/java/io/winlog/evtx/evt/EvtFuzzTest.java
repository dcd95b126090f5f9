package io.winlog.evtx.evt;

import io.winlog.testkit.RequiresSharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.winlog.api.CorruptInputException;
import io.winlog.evtx.classic.EventLogRecordCodec;
import io.winlog.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Mutates the real .evt samples (bit flips, overwritten dwords, length lies in records, header
 * and end-of-file record, truncation, zeroed ranges) and reads every mutant in lenient,
 * recovering and strict mode: the only exception allowed is {@link CorruptInputException}
 * (lenient: only from {@code open}, for a file that is no longer a .evt), every loop ends, and
 * every record returned lies inside the file. A fast subset runs in {@code verify};
 * {@code -Plong} ({@code winlog.long=true}) runs 100,000 mutants.
 */
@AddLifecycleHook(RequiresSharedData.class)
class EvtFuzzTest {
    private static List<byte[]> samples;

    private static synchronized List<byte[]> samples() {
        if (samples == null) {
            List<byte[]> s = new ArrayList<>();
            for (Path p : SharedData.evtSamples()) {
                try {
                    s.add(Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            samples = s;
        }
        return samples;
    }

    @Property(tries = 200)
    void mutantsNeverBreakTheReader(@ForAll @IntRange(min = 0, max = 2) int sample, @ForAll long seed,
                                    @ForAll @IntRange(min = 1, max = 12) int mutations) {
        check(sample, seed, mutations);
    }

    @Property(tries = 100_000)
    @AddLifecycleHook(LongCampaignOnly.class)
    void longCampaign(@ForAll @IntRange(min = 0, max = 2) int sample, @ForAll long seed,
                      @ForAll @IntRange(min = 1, max = 40) int mutations) {
        check(sample, seed, mutations);
    }

    private static void check(int sample, long seed, int mutations) {
        List<byte[]> all = samples();
        if (all.isEmpty()) {
            SharedData.requireRoot();
            return;
        }
        byte[] mutant = mutate(all.get(sample % all.size()), new Random(seed), mutations);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            readLenient(mutant);
            readStrict(mutant);
        }, "reading a mutant must end (sample " + sample + ", seed " + seed + ", " + mutations + " mutations)");
    }

    private static void readLenient(byte[] mutant) {
        EvtReader r;
        try {
            r = EvtReader.of(ByteBuffer.wrap(mutant), EvtReaderOptions.defaults().withRecover(true).withDiagnostics(d -> { }));
        } catch (CorruptInputException notEvt) {
            assertThat(notEvt.offset()).isBetween(-1L, (long) mutant.length);
            return;
        }
        try (r) {
            long bound = 2L * mutant.length / EventLogRecordCodec.MIN_RECORD_SIZE + 4;
            long n = 0;
            for (EvtEntry e; (e = r.nextEntry()) != null; ) {
                assertThat(e.fileOffset()).isBetween((long) EvtFileHeader.SIZE, (long) mutant.length - 1);
                assertThat(e.raw().length()).isBetween(EventLogRecordCodec.MIN_RECORD_SIZE, mutant.length - EvtFileHeader.SIZE);
                e.event(); // the model mapping accepts every decoded record
                assertThat(++n).as("records returned").isLessThanOrEqualTo(bound);
            }
        }
    }

    private static void readStrict(byte[] mutant) {
        try (EvtReader r = EvtReader.of(ByteBuffer.wrap(mutant), EvtReaderOptions.strict())) {
            while (r.next() != null) {
                // drain
            }
        } catch (CorruptInputException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    /** Applies {@code count} random mutations to a copy of {@code original}. */
    static byte[] mutate(byte[] original, Random rnd, int count) {
        byte[] b = original.clone();
        int length = b.length;
        for (int i = 0; i < count && length > 0; i++) {
            ByteBuffer w = ByteBuffer.wrap(b, 0, length).order(ByteOrder.LITTLE_ENDIAN);
            switch (rnd.nextInt(7)) {
                case 0: { // bit flip
                    int at = rnd.nextInt(length);
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                    break;
                }
                case 1: { // a dword overwritten with an interesting value
                    if (length >= 4) {
                        w.putInt(rnd.nextInt(length - 3) & ~3, interesting(rnd, length));
                    }
                    break;
                }
                case 2: { // a record's Length or one of its offsets/sizes lies
                    int at = findSignature(b, length, rnd.nextInt(length), EventLogRecordCodec.SIGNATURE);
                    if (at >= 4) {
                        int field = rnd.nextInt(3) == 0 ? -4 : new int[] {0x20, 0x24, 0x28, 0x2C, 0x30, 0x34, 0x16}[rnd.nextInt(7)] - 4;
                        if (at + field + 4 <= length && at + field >= 0) {
                            w.putInt(at + field, interesting(rnd, length));
                        }
                    }
                    break;
                }
                case 3: { // header field lies
                    if (length >= EvtFileHeader.SIZE) {
                        w.putInt(4 * rnd.nextInt(12), interesting(rnd, length));
                    }
                    break;
                }
                case 4: { // end-of-file record fields lie
                    int at = findSignature(b, length, EvtFileHeader.SIZE, 0x11111111);
                    if (at >= 4 && at + 36 <= length) {
                        w.putInt(at - 4 + 4 * (5 + rnd.nextInt(5)), interesting(rnd, length));
                    }
                    break;
                }
                case 5: { // truncation
                    length = rnd.nextInt(length + 1);
                    break;
                }
                default: { // a zeroed range (a crash that never wrote a page)
                    int at = rnd.nextInt(length);
                    int n = Math.min(length - at, 1 + rnd.nextInt(4096));
                    java.util.Arrays.fill(b, at, at + n, (byte) 0);
                }
            }
        }
        return length == b.length ? b : java.util.Arrays.copyOf(b, length);
    }

    private static int interesting(Random rnd, int length) {
        switch (rnd.nextInt(9)) {
            case 0: return 0;
            case 1: return -1;
            case 2: return 0x28;
            case 3: return 0x30;
            case 4: return length;
            case 5: return length - 4;
            case 6: return Integer.MIN_VALUE;
            case 7: return rnd.nextInt(Math.max(1, length));
            default: return rnd.nextInt();
        }
    }

    private static int findSignature(byte[] b, int length, int from, int sig) {
        for (int p = Math.max(0, from) & ~3; p + 4 <= length; p += 4) {
            if ((b[p] & 0xFF | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24) == sig) {
                return p;
            }
        }
        return -1;
    }

    /** Runs the annotated property only when {@code winlog.long=true} ({@code -Plong}). */
    public static final class LongCampaignOnly implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return Boolean.getBoolean("winlog.long") ? SkipResult.doNotSkip()
                    : SkipResult.skip("long fuzz campaign: run with -Plong (winlog.long=true)");
        }
    }
}
