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
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
