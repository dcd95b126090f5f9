package io.winlog.api.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPILL survives a process kill: a child JVM spills most of N events to the journal and is
 * killed ({@code destroyForcibly}, SIGKILL) while replaying them; a second child reopens the
 * journal. Together they deliver every event; the only duplicates are the one batch that was
 * delivered but not yet acknowledged when the kill hit; nothing acknowledged is delivered again.
 *
 * <p>No timing assumptions: the parent waits for the child's output (with generous bounds), and
 * a slower machine only makes the kill land earlier or later in the replay.
 */
class SpillKillTest {
    private static final int COUNT = 2000;

    @Test
    void journalIsReplayedAfterKill(@TempDir Path tmp) throws Exception {
        Path journal = tmp.resolve("journal");
        Path out1 = tmp.resolve("run1.txt");
        Path out2 = tmp.resolve("run2.txt");

        Process first = start("produce", journal, out1);
        try {
            String line = readLine(first);
            assertThat(line).as("child said").startsWith("PUBLISHED");
            // Wait until delivery is past the in-memory ring and well into the journal replay.
            int threshold = SpillKillChild.CAPACITY + 1 + 100;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (lines(out1).size() < threshold) {
                assertThat(first.isAlive()).as("child still running").isTrue();
                assertThat(System.nanoTime()).as("child delivered %d events in time", threshold).isLessThan(deadline);
                Thread.sleep(10);
            }
        } finally {
            first.destroyForcibly();
            first.waitFor(60, TimeUnit.SECONDS);
        }
        List<Integer> run1 = lines(out1);
        assertThat(run1.size()).as("the kill landed mid-replay").isLessThan(COUNT);

        Process second = start("recover", journal, out2);
        String done = readLine(second);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(done).as("recovery child said").startsWith("DONE");
        List<Integer> run2 = lines(out2);

        assertThat(isIncreasing(run1)).as("run 1 in publish order").isTrue();
        assertThat(isIncreasing(run2)).as("run 2 in publish order").isTrue();
        Set<Integer> all = new HashSet<>(run1);
        all.addAll(run2);
        assertThat(all).as("nothing lost").hasSize(COUNT);
        assertThat(all).allMatch(i -> i >= 0 && i < COUNT);
        List<Integer> duplicates = new ArrayList<>(run2);
        duplicates.retainAll(new HashSet<>(run1));
        assertThat(duplicates.size()).as("only the unacknowledged batch is delivered twice: %s", duplicates)
                .isLessThanOrEqualTo(SpillKillChild.MAX_BATCH);
        // The duplicates are the tail of run 1 (its unacknowledged last batch), not anything earlier.
        assertThat(run1.subList(run1.size() - duplicates.size(), run1.size())).isEqualTo(duplicates);
        assertThat(done).contains("recovered=" + run2.size()).contains("pending=0");
    }

    private static final int STREAM_COUNT = 3000;
    private static final Pattern FROZEN = Pattern.compile("FROZEN ring=(\\d+) journal=(\\d+) delivered=(\\d+)");

    /**
     * {@link SpillMode#WRITE_AHEAD} survives a kill mid-stream: two producers are still publishing,
     * the handler is stuck inside a batch, the ring is full (at least capacity - maxBatch events
     * not even handed to the handler) and more events are in the journal (see {@link SpillStreamKillChild}). After a restart: every event the child saw accepted was either delivered
     * before the kill or is replayed; the only events delivered twice are a suffix of run 1 no
     * longer than one batch (delivered, not yet acknowledged); per-producer order holds in both runs.
     */
    @Test
    void writeAheadLosesNothingWhenKilledMidStream(@TempDir Path tmp) throws Exception {
        StreamOutcome o = killMidStream(tmp, SpillMode.WRITE_AHEAD);
        assertThat(o.lost).as("accepted but neither delivered before the kill nor replayed").isEmpty();
    }

    /**
     * The same kill with {@link SpillMode#OVERFLOW}: what was in the in-memory ring is lost (at
     * most its capacity), everything spilled is replayed — the documented difference.
     */
    @Test
    void overflowLosesAtMostTheRingWhenKilledMidStream(@TempDir Path tmp) throws Exception {
        StreamOutcome o = killMidStream(tmp, SpillMode.OVERFLOW);
        // The ring was full when the handler froze, at most one batch of it handed to the handler:
        // at least CAPACITY - MAX_BATCH events died with the process, and nothing else.
        assertThat(o.lost.size()).as("lost: %s", o.lost).isBetween(SpillStreamKillChild.CAPACITY - SpillStreamKillChild.MAX_BATCH,
                SpillStreamKillChild.CAPACITY);
    }

    /** What a mid-stream kill left: accepted events found in neither run. */
    private record StreamOutcome(List<String> lost) {
    }

    private static StreamOutcome killMidStream(Path tmp, SpillMode mode) throws Exception {
        Path journal = tmp.resolve("journal");
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Process first = startStream("stream", journal, out, mode);
        String lastState;
        try {
            lastState = readLine(first); // bounded by the child's own 100 s deadline
            assertThat(FROZEN.matcher(lastState).matches()).as("child said %s", lastState).isTrue();
            Thread.sleep(50); // producers keep appending to the journal; then kill
        } finally {
            first.destroyForcibly();
            first.waitFor(60, TimeUnit.SECONDS);
        }
        List<String> run1 = pairs(out.resolve("delivered1.txt"));
        Process second = startStream("recover", journal, out, mode);
        String done = readLine(second);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(done).as("recovery child said").startsWith("DONE");
        List<String> run2 = pairs(out.resolve("delivered2.txt"));
        assertThat(done).contains("recovered=" + run2.size()).contains("pending=0");

        int[] accepted = new int[SpillStreamKillChild.PRODUCERS];
        for (int p = 0; p < accepted.length; p++) {
            accepted[p] = lines(out.resolve("accepted-" + p + ".txt")).size();
            assertThat(accepted[p]).as("killed mid-stream (%s)", lastState).isLessThan(STREAM_COUNT);
        }
        assertThat(inProducerOrder(run1)).as("run 1 in per-producer order").isTrue();
        assertThat(inProducerOrder(run2)).as("run 2 in per-producer order").isTrue();
        Set<String> seen = new LinkedHashSet<>(run1);
        assertThat(seen).as("run 1 delivered nothing twice").hasSize(run1.size());
        for (String e : run2) {
            String[] f = e.split(" ");
            // Replayed events were published: at most one beyond what the producer recorded (its
            // publish returned just before the kill, its line was not written yet).
            assertThat(Integer.parseInt(f[1])).as("replayed %s", e).isLessThanOrEqualTo(accepted[Integer.parseInt(f[0])]);
        }
        List<String> duplicates = new ArrayList<>(run2);
        duplicates.retainAll(seen);
        assertThat(duplicates.size()).as("only the unacknowledged batch is delivered twice: %s", duplicates)
                .isLessThanOrEqualTo(SpillStreamKillChild.MAX_BATCH);
        assertThat(run1.subList(run1.size() - duplicates.size(), run1.size())).as("duplicates are run 1's last batch").isEqualTo(duplicates);
        seen.addAll(run2);
        List<String> lost = new ArrayList<>();
        for (int p = 0; p < accepted.length; p++) {
            for (int i = 0; i < accepted[p]; i++) {
                if (!seen.contains(p + " " + i)) {
                    lost.add(p + " " + i);
                }
            }
        }
        return new StreamOutcome(lost);
    }

    private static Process startStream(String mode, Path journal, Path out, SpillMode spillMode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                SpillStreamKillChild.class.getName(), mode, journal.toString(), out.toString(), Integer.toString(STREAM_COUNT),
                spillMode.name());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return pb.start();
    }

    /** Complete "producer seq" lines (a kill may cut the last one). */
    private static List<String> pairs(Path file) throws IOException {
        List<String> result = new ArrayList<>();
        if (!Files.exists(file)) {
            return result;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return result;
        }
        for (String s : text.substring(0, end).split("\n")) {
            result.add(s);
        }
        return result;
    }

    private static boolean inProducerOrder(List<String> events) {
        int[] last = new int[SpillStreamKillChild.PRODUCERS];
        java.util.Arrays.fill(last, -1);
        for (String e : events) {
            String[] f = e.split(" ");
            int p = Integer.parseInt(f[0]);
            int i = Integer.parseInt(f[1]);
            if (i <= last[p]) {
                return false;
            }
            last[p] = i;
        }
        return true;
    }

    private static Process start(String mode, Path journal, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                SpillKillChild.class.getName(), mode, journal.toString(), out.toString(), Integer.toString(COUNT));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return pb.start();
    }

    private static String readLine(Process p) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        String line = r.readLine(); // returns null if the child died: the assertion then says so
        return line == null ? "<child exited: " + (p.isAlive() ? "alive" : "code " + p.exitValue()) + ">" : line;
    }

    /** Complete lines only (a kill may cut the last one). */
    private static List<Integer> lines(Path file) throws IOException {
        List<Integer> result = new ArrayList<>();
        if (!Files.exists(file)) {
            return result;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return result;
        }
        for (String s : text.substring(0, end).split("\n")) {
            result.add(Integer.parseInt(s));
        }
        return result;
    }

    private static boolean isIncreasing(List<Integer> list) {
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i) <= list.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

}
