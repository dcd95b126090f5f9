package io.winlog.evtx;

import io.winlog.testkit.RequiresSharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.winlog.api.CorruptInputException;
import io.winlog.api.event.EventRecord;
import io.winlog.evtx.chunk.EvtxChunkHeader;
import io.winlog.evtx.chunk.EvtxFileHeader;
import io.winlog.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Mutates real .evtx samples (bit flips, dwords overwritten with interesting values, lies in
 * record sizes, element sizes, template offsets, substitution counts and sizes, chunk and file
 * header fields, chunk shuffles and duplicates, truncation, zeroed and spliced ranges) and reads
 * every mutant lenient (with and without recovery, one and two threads) and strict.
 *
 * <p>Documented behaviour checked: lenient mode throws only {@link CorruptInputException}, and
 * only from {@code open} when the file header magic is gone; strict mode throws only
 * {@link CorruptInputException}; reading ends (a 60 s timeout per mutant detects hangs; a mutant normally takes milliseconds, but the shared machine can starve a run); the records returned are
 * bounded by the chunk count (memory) and lie inside the file; every record maps to an
 * {@link EventRecord} and renders as XML. A fast subset runs in {@code verify}; {@code -Plong}
 * ({@code winlog.long=true}) runs 100,000 mutants.
 */
@AddLifecycleHook(RequiresSharedData.class)
class EvtxFuzzTest {
    private static final int SMALL = 4096 + 2 * 65536;
    /** Mutants read in this JVM (reported after the class, so a campaign's size is on record). */
    private static final AtomicLong CHECKED = new AtomicLong();
    private static List<byte[]> corpus;

    @AfterContainer
    static void report() throws IOException {
        String line = "EvtxFuzzTest: " + CHECKED.get() + " mutants read (lenient + strict), winlog.long="
                + Boolean.getBoolean("winlog.long");
        System.out.println(line);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/evtx-fuzz-count.txt"), line + System.lineSeparator());
    }

    static synchronized List<byte[]> corpus() {
        if (corpus == null) {
            List<byte[]> c = new ArrayList<>();
            for (Path p : SharedData.evtxSamples()) {
                try {
                    byte[] b = Files.readAllBytes(p);
                    // Small files whole; the first two chunks of the bigger ones (multi-chunk cases).
                    c.add(b.length <= SMALL ? b : Arrays.copyOf(b, SMALL));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            corpus = c;
        }
        return corpus;
    }

    @Property(tries = 1500)
    void mutantsNeverBreakTheReader(@ForAll @IntRange(min = 0, max = 24) int sample, @ForAll long seed,
                                    @ForAll @IntRange(min = 1, max = 8) int mutations) {
        check(sample, seed, mutations);
    }

    @Property(tries = 100_000)
    @AddLifecycleHook(LongCampaignOnly.class)
    void longCampaign(@ForAll @IntRange(min = 0, max = 24) int sample, @ForAll long seed,
                      @ForAll @IntRange(min = 1, max = 40) int mutations) {
        check(sample, seed, mutations);
    }

    static void check(int sample, long seed, int mutations) {
        List<byte[]> all = corpus();
        if (all.isEmpty()) {
            SharedData.requireRoot();
            return;
        }
        Random rnd = new Random(seed);
        byte[] mutant = mutate(all.get(sample % all.size()), rnd, mutations);
        boolean recover = rnd.nextBoolean();
        int threads = rnd.nextInt(4) == 0 ? 2 : 1;
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            readLenient(mutant, recover, threads);
            readDirect(mutant, recover);
            readStrict(mutant);
            if (threads > 1) {
                // next() maps events on the decoding threads in parallel mode: the same events,
                // and in strict mode the same failure after the same events, as on one thread.
                assertThat(events(mutant, recover, false, 2)).isEqualTo(events(mutant, recover, false, 1));
                assertThat(events(mutant, false, true, 2)).isEqualTo(events(mutant, false, true, 1));
            }
        }, "reading a mutant must end (sample " + sample + ", seed " + seed + ", " + mutations + " mutations)");
        CHECKED.incrementAndGet();
    }

    static void readLenient(byte[] mutant, boolean recover, int threads) {
        EvtxReader r;
        try {
            r = EvtxReader.open(mutant, EvtxReadOptions.defaults().recover(recover).threads(threads));
        } catch (CorruptInputException notEvtx) {
            assertThat(notEvtx.offset()).isBetween(-1L, (long) mutant.length);
            return;
        }
        try (r) {
            long chunks = (mutant.length - EvtxFileHeader.SIZE + 65535) / 65536;
            long bound = chunks * (EvtxChunkHeader.CHUNK_SIZE / 29 + 1);
            long n = 0;
            StringBuilder sb = new StringBuilder();
            io.winlog.evtx.binxml.Utf8Buffer fast = new io.winlog.evtx.binxml.Utf8Buffer(4096);
            for (EvtxRecord rec; (rec = r.nextRecord()) != null; ) {
                assertThat(rec.fileOffset()).isBetween((long) EvtxFileHeader.SIZE, (long) mutant.length - 29);
                // The fast XML path first (before event() builds the tree): same bytes as the tree path.
                fast.clear();
                rec.appendXml(fast);
                fast.ascii('\n');
                // event() too maps without the tree (when it can): the same JSONL as the tree mapping.
                assertThat(rec.event()).isNotNull();
                sb.setLength(0);
                rec.appendXml(sb);
                assertThat(sb).isNotEmpty();
                assertThat(io.winlog.api.render.EventJson.render(rec.event())).isEqualTo(
                        io.winlog.api.render.EventJson.render(io.winlog.evtx.binxml.EventRecordMapper.map(rec.root())));
                assertThat(java.util.Arrays.copyOf(fast.array(), fast.length()))
                        .isEqualTo((sb + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                assertThat(++n).as("records returned").isLessThanOrEqualTo(bound);
            }
            assertThat(r.chunkHealth()).hasSize((int) Math.max(0, chunks));
        }
    }

    /**
     * The direct XML and JSON paths on the mutant: the same bytes as the general path for every
     * record they take, and they take no record the general path rejects.
     */
    static void readDirect(byte[] mutant, boolean recover) {
        for (DirectPathCheck.Format format : DirectPathCheck.Format.values()) {
            try {
                DirectPathCheck.run(format, mutant, EvtxReadOptions.defaults().recover(recover));
            } catch (CorruptInputException notEvtx) {
                assertThat(notEvtx.offset()).isBetween(-1L, (long) mutant.length);
            }
        }
    }

    /** What {@code next()} returns, as JSONL lines, then the failure that ended it (if any). */
    static List<String> events(byte[] mutant, boolean recover, boolean strict, int threads) {
        List<String> out = new java.util.ArrayList<>();
        try (EvtxReader r = EvtxReader.open(mutant, EvtxReadOptions.defaults().recover(recover).strict(strict)
                .threads(threads))) {
            for (io.winlog.api.event.EventRecord e; (e = r.next()) != null; ) {
                out.add(io.winlog.api.render.EventJson.render(e));
            }
        } catch (CorruptInputException e) {
            out.add("failed: " + e.getMessage() + " at " + e.offset());
        }
        return out;
    }

    static void readStrict(byte[] mutant) {
        try (EvtxReader r = EvtxReader.open(mutant, EvtxReadOptions.defaults().strict(true))) {
            for (EvtxRecord rec; (rec = r.nextRecord()) != null; ) {
                rec.event();
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
            int chunks = (length - 4096) / 65536;
            switch (rnd.nextInt(11)) {
                case 0: { // bit flips
                    for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
                        b[rnd.nextInt(length)] ^= (byte) (1 << rnd.nextInt(8));
                    }
                    break;
                }
                case 1: { // a dword overwritten with an interesting value
                    if (length >= 4) {
                        w.putInt(rnd.nextInt(length - 3), interesting(rnd, length));
                    }
                    break;
                }
                case 2: { // a record's size or trailing size copy lies
                    int at = find(b, length, rnd.nextInt(length), new byte[] {0x2a, 0x2a, 0, 0});
                    if (at >= 0 && at + 8 <= length) {
                        int size = w.getInt(at + 4);
                        int field = rnd.nextBoolean() || size <= 8 || (long) at + size > length ? at + 4 : at + size - 4;
                        w.putInt(field, interesting(rnd, 65536));
                    }
                    break;
                }
                case 3: { // an element's data size or attribute list size lies
                    int at = findToken(b, length, rnd.nextInt(length), (byte) 0x41, (byte) 0x01);
                    if (at >= 0 && at + 11 <= length) {
                        w.putInt(at + 1 + 2 * rnd.nextInt(2), interesting(rnd, 65536));
                    }
                    break;
                }
                case 4: { // a template instance's definition offset, or a substitution count/size, lies
                    int at = findToken(b, length, rnd.nextInt(length), (byte) 0x0c, (byte) 0x0c);
                    if (at >= 0 && at + 14 <= length) {
                        int[] fields = {at + 6, at + 10};
                        int f = fields[rnd.nextInt(fields.length)];
                        if (rnd.nextBoolean()) {
                            w.putInt(f, interesting(rnd, 65536));
                        } else {
                            int g = f + 4 * (1 + rnd.nextInt(4));
                            w.putShort(g + 2 <= length ? g : f, (short) interesting(rnd, 65536));
                        }
                    }
                    break;
                }
                case 5: { // chunk header field lies (record numbers, offsets, CRCs)
                    if (chunks > 0) {
                        int c = 4096 + 65536 * rnd.nextInt(chunks);
                        w.putInt(c + 8 + 4 * rnd.nextInt(30), interesting(rnd, 65536));
                    }
                    break;
                }
                case 6: { // file header field lies (chunk count, flags, versions)
                    if (length >= 128) {
                        w.putInt(4 * rnd.nextInt(32), interesting(rnd, length));
                    }
                    break;
                }
                case 7: { // chunk shuffle or duplicate
                    if (chunks >= 2) {
                        int x = rnd.nextInt(chunks);
                        int y = rnd.nextInt(chunks);
                        byte[] tmp = Arrays.copyOfRange(b, 4096 + 65536 * x, 4096 + 65536 * (x + 1));
                        if (rnd.nextBoolean()) {
                            System.arraycopy(b, 4096 + 65536 * y, b, 4096 + 65536 * x, 65536);
                        }
                        System.arraycopy(tmp, 0, b, 4096 + 65536 * y, 65536);
                    }
                    break;
                }
                case 8: { // truncation
                    length = rnd.nextInt(length + 1);
                    break;
                }
                case 9: { // a range copied from elsewhere (torn write)
                    int n = 1 + rnd.nextInt(Math.min(length, 2048));
                    int from = rnd.nextInt(length - n + 1);
                    int to = rnd.nextInt(length - n + 1);
                    System.arraycopy(b, from, b, to, n);
                    break;
                }
                default: { // a zeroed or 0xFF-filled range (a page never written)
                    int at = rnd.nextInt(length);
                    int n = Math.min(length - at, 1 + rnd.nextInt(4096));
                    Arrays.fill(b, at, at + n, rnd.nextBoolean() ? (byte) 0 : (byte) 0xFF);
                }
            }
        }
        return length == b.length ? b : Arrays.copyOf(b, length);
    }

    private static int interesting(Random rnd, int scale) {
        switch (rnd.nextInt(10)) {
            case 0: return 0;
            case 1: return -1;
            case 2: return 1;
            case 3: return scale;
            case 4: return scale - 4;
            case 5: return Integer.MIN_VALUE;
            case 6: return 0x7FFFFFFF;
            case 7: return rnd.nextInt(Math.max(1, scale));
            case 8: return 512 + rnd.nextInt(1024);
            default: return rnd.nextInt();
        }
    }

    private static int find(byte[] b, int length, int from, byte[] sig) {
        for (int p = from; p + sig.length <= length; p++) {
            if (b[p] == sig[0] && b[p + 1] == sig[1] && b[p + 2] == sig[2] && b[p + 3] == sig[3]) {
                return p;
            }
        }
        return -1;
    }

    private static int findToken(byte[] b, int length, int from, byte t1, byte t2) {
        for (int p = from; p < length; p++) {
            if (b[p] == t1 || b[p] == t2) {
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
