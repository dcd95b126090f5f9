package io.winlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.testkit.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code winlog dump} and {@code winlog info} end to end on real samples. */
class DumpInfoCommandTest {
    private record Run(int code, String out, String err) {
    }


    private static Run dump(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(new DumpCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run info(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(new InfoCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonlOutputIsTheReferenceJsonlLineForLine() {
        // A clean file python-evtx reads completely: our JSONL must equal its reference byte for byte.
        Path sample = SharedData.evtxDir().resolve("attack_etw_rpc_zerologon.evtx");
        Run r = dump(sample.toString(), "--format", "jsonl");
        assertThat(r.code()).isZero();
        List<String> ours = r.out().lines().toList();
        List<String> ref = SharedData.readLines(SharedData.ref(sample, ".jsonl").orElseThrow());
        assertThat(ours).hasSize(415).isEqualTo(ref);
    }

    /**
     * Every sample python-evtx reads without an error and whose record set is not affected by
     * damage (the three damaged files have documented differences, docs/evtx-conformance.md):
     * {@code dump --format jsonl} is byte-identical to the reference JSONL.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("cleanSamples")
    void jsonlIsByteIdenticalToTheReference(String name) {
        Path sample = SharedData.evtxDir().resolve(name);
        Run r = dump(sample.toString(), "--format", "jsonl");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).isEqualTo(SharedData.readLines(SharedData.ref(sample, ".jsonl").orElseThrow()));
    }

    static java.util.stream.Stream<String> cleanSamples() {
        SharedData.requireRoot(); // skips (not errors) the parameterized test without ../shared
        java.util.Set<String> damaged = java.util.Set.of("omer_bad_chunk_magic.evtx", "omer_vss_RdpCoreTS_Operational.evtx",
                "omer_HelloForBusiness_Operational.evtx");
        return SharedData.evtxSamples().stream().map(p -> p.getFileName().toString()).filter(n -> !damaged.contains(n))
                .filter(n -> SharedData.readLines(SharedData.ref(SharedData.evtxDir().resolve(n), ".jsonl").orElseThrow())
                        .stream().noneMatch(l -> l.contains("\"error\"")));
    }

    /**
     * {@code winlog dump big.evtx | head}: System.out swallows write errors, so without a check the
     * dump decodes the whole file into a closed pipe. It must stop at the first failed write.
     */
    @Test
    void aClosedOutputStopsTheDumpAtOnce() {
        Path sample = SharedData.evtxDir().resolve("omer_security.evtx");
        int full = dump(sample.toString(), "--format", "jsonl").out().getBytes(StandardCharsets.UTF_8).length;
        for (String threads : new String[] {"1", "2"}) {
            long[] attempted = {0};
            java.io.OutputStream closedAfter4K = new java.io.OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    attempted[0] += len;
                    if (attempted[0] > 4096) {
                        throw new IOException("Broken pipe");
                    }
                }
            };
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new CommandLine(new DumpCommand(new PrintStream(closedAfter4K, false, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8))).execute(sample.toString(), "--format", "jsonl",
                    "--threads", threads);
            assertThat(code).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("output closed");
            assertThat(attempted[0]).as("bytes offered after the pipe closed, of " + full).isLessThan(full / 4);
        }
    }

    @Test
    void xpathFiltersAndThreadsKeepOrder() {
        Path sample = SharedData.evtxDir().resolve("omer_security.evtx");
        Run all = dump(sample.toString(), "--format", "text");
        Run par = dump(sample.toString(), "--format", "text", "--threads", "2");
        assertThat(par.out()).isEqualTo(all.out());
        Run logons = dump(sample.toString(), "--xpath", "*[System[EventID=4624]]");
        assertThat(logons.code()).isZero();
        List<String> lines = logons.out().lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).contains("<EventID>4624</EventID>"));
        assertThat(lines.size()).isLessThan(all.out().lines().toList().size());
    }

    @Test
    void damagedFileExitsZeroWithDiagnosticsAndStrictFails() {
        Path sample = SharedData.evtxDir().resolve("omer_bad_chunk_magic.evtx");
        Run lenient = dump(sample.toString());
        assertThat(lenient.code()).isZero();
        assertThat(lenient.out().lines().count()).isEqualTo(298);
        assertThat(lenient.err()).contains("bad chunk magic").contains("offset 397312");
        Run strict = dump(sample.toString(), "--strict");
        assertThat(strict.code()).isEqualTo(3);
        assertThat(strict.err().lines().count()).isEqualTo(1);
    }

    @Test
    void notAnEventLogIsOneLineAndNonZero(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("x.evtx");
        Files.writeString(f, "just text");
        Run r = dump(f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1).first().asString().contains("is not a Windows event log");
        assertThat(info(f.toString()).code()).isEqualTo(2);
    }

    @Test
    void evtFilesAreDispatchedByMagic() {
        Path evt = SharedData.evtDir().resolve("dissect_TestLog.evt");
        Run r = dump(evt.toString(), "--format", "jsonl");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().count()).isEqualTo(5);
        assertThat(info(evt.toString()).out()).contains(".evt version 1.1").contains("records:            5");
    }

    @Test
    void infoShowsHeaderFactsAndChunkHealth() {
        Run r = info(SharedData.evtxDir().resolve("omer_bad_chunk_magic.evtx").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains(".evtx version 3.1").contains("DIRTY").contains("16 in header, 16 on disk")
                .contains("unreadable").contains("bad chunk magic").contains("damaged");
    }
}
