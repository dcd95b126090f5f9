package io.winlog.evtx.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.event.EventRecord;
import io.winlog.evtx.evt.EvtReader;
import io.winlog.testkit.ExternalTools;
import io.winlog.testkit.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files written by {@link EvtxWriter} read by two independent readers, Debian's libevtx
 * ({@code evtxexport -f xml}) and python-evtx ({@code record.xml()}, as {@code evtx_dump.py}
 * prints it): every record and every value must come back as written. Inputs: generated events
 * (all value types each peer knows, empty values, unicode, huge strings) and every sample of
 * shared/samples (.evtx and .evt) rewritten the way {@code winlog convert} does (generated events:
 * {@link IndependentReadersGeneratedTest}). The fast run checks the first 60 records of each
 * sample; {@code -Dwinlog.long=true} checks every record. Skipped with a message when the tools
 * are absent.
 */
class IndependentReadersTest {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final boolean LONG = Boolean.getBoolean("winlog.long");
    /** Records per sample in the fast run (python-evtx needs ~1 s per 1000 records). */
    private static final int SAMPLE_LIMIT = 60;

    private static Path evtxexport;
    private static Path pyScript;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void tools() throws IOException {
        evtxexport = ExternalTools.require("evtxexport", "libevtx-utils");
        pyScript = requirePythonEvtx(tmp);
    }

    /** Skips unless python-evtx is installed; returns the helper script copied into {@code dir}. */
    static Path requirePythonEvtx(Path dir) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON) && Files.exists(Path.of("/usr/bin/evtx_dump.py")),
                "skipped: python-evtx not found (/usr/bin/python3 with /usr/bin/evtx_dump.py); install Debian package"
                        + " python3-evtx (apt-get install python3-evtx; .ci/run does this)");
        Path script = dir.resolve("pyevtx_records.py");
        try (InputStream in = IndependentReadersTest.class.getResourceAsStream("pyevtx_records.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }

    static Stream<Path> samples() {
        SharedData.requireRoot();
        return Stream.concat(SharedData.evtxSamples().stream(), SharedData.evtSamples().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void convertedSamplesReadBackByBothPeers(Path sample) throws Exception {
        List<EventRecord> original = new ArrayList<>();
        boolean evt = !sample.getFileName().toString().toLowerCase().endsWith(".evtx");
        try (var r = evt ? EvtReader.open(sample) : io.winlog.evtx.EvtxReader.open(sample)) {
            for (EventRecord e : r) {
                original.add(e);
            }
        }
        if (!LONG && original.size() > SAMPLE_LIMIT) {
            original = original.subList(0, SAMPLE_LIMIT); // the full files run with -Dwinlog.long=true
        }
        check(tmp, evtxexport, pyScript, sample.getFileName().toString(), original, true, true);
    }

    /** Writes {@code events}, runs the peers and compares each record. */
    static void check(Path tmp, Path evtxexport, Path pyScript, String name, List<EventRecord> events, boolean libevtx, boolean python)
            throws IOException, InterruptedException {
        Path file = tmp.resolve(name + ".out.evtx");
        List<EventRecord> written = new ArrayList<>();
        try (EvtxWriter w = EvtxWriter.create(file, EvtxWriterOptions.defaults())) {
            for (EventRecord e : events) {
                w.write(e);
                written.add(EvtxWriterRoundTripTest.Expected.of(e, written.size() + 1, true));
            }
        }
        List<String> problems = new ArrayList<>();
        if (libevtx) {
            compareAll(problems, written, PeerRecord.libevtx(evtxexport, file), PeerComparison.Peer.LIBEVTX);
        }
        if (python) {
            compareAll(problems, written, PeerRecord.pythonEvtx(PYTHON, pyScript, file),
                    PeerComparison.Peer.PYTHON_EVTX);
        }
        assertThat(problems).as(name).isEmpty();
    }

    private static void compareAll(List<String> problems, List<EventRecord> written, List<PeerRecord> got,
                                   PeerComparison.Peer peer) {
        if (got.size() != written.size()) {
            // say which record the peer stopped at and what it holds
            java.util.Set<String> seen = new java.util.HashSet<>();
            got.forEach(g -> seen.add(g.system().get("EventRecordID")));
            for (EventRecord w : written) {
                if (!seen.contains(Long.toString(w.recordId()))) {
                    problems.add(peer + " returned " + got.size() + " records, expected " + written.size()
                            + "; first missing: " + w.recordId() + " with data types "
                            + w.eventData().stream().map(nv -> nv.value().type().referenceName() + "="
                                    + (nv.value().text().length() > 40 ? nv.value().text().length() + " chars"
                                    : nv.value().text())).toList() + " system " + w.providerName() + "/" + w.channel()
                            + "/" + w.computer() + "/" + w.timeCreated() + "/" + w.userSid()
                            + (w.userDataXml() != null ? " and UserData " + w.userDataXml() : ""));
                    return;
                }
            }
            problems.add(peer + " returned " + got.size() + " records, expected " + written.size());
            return;
        }
        for (int i = 0; i < got.size(); i++) {
            for (String d : PeerComparison.compare(written.get(i), got.get(i), peer)) {
                if (problems.size() < 40) {
                    problems.add(peer + " record " + (i + 1) + ": " + d);
                }
            }
        }
    }
}
