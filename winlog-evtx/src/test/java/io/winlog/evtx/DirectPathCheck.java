package io.winlog.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.render.EventJson;
import io.winlog.evtx.binxml.Utf8Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a direct path ({@link RawRecord#appendXml} or {@link RawRecord#appendJson}) against the
 * general one on a whole file: every record is first written directly (when the direct path takes it) and then declined,
 * so the decoder parses it and the general path renders it; the two must be the same bytes, and
 * a record the direct path took must be one the general path accepts (reaches {@code render}).
 * Also checks that {@code renderTo} with the direct path on gives exactly the record-by-record
 * bytes, health and diagnostics.
 */
final class DirectPathCheck implements RecordRenderer {
    /** The two direct paths: XML lines and JSONL lines. */
    enum Format {
        XML, JSON;

        boolean appendDirect(RawRecord record, Utf8Buffer out) {
            return this == XML ? record.appendXml(out) : record.appendJson(out);
        }

        void appendGeneral(EvtxRecord record, Utf8Buffer out) {
            if (this == XML) {
                record.appendXml(out);
            } else {
                StringBuilder sb = new StringBuilder();
                EventJson.render(record.event(), record.headerRecordNumber(), record.headerTimestamp(), sb);
                out.append(sb);
            }
        }

        RecordRenderer lines() {
            return this == XML ? RecordRenderer.xmlLines() : RecordRenderer.jsonLines();
        }
    }

    final Format format;
    final Utf8Buffer direct = new Utf8Buffer(1 << 12);
    final Utf8Buffer general = new Utf8Buffer(1 << 12);
    /** File offset of a record the direct path wrote and the general path has not rendered yet, or -1. */
    long pendingOffset = -1;
    long directRecords;
    long generalRecords;

    DirectPathCheck(Format format) {
        this.format = format;
    }

    @Override
    public boolean renderRaw(RawRecord record, Utf8Buffer out) {
        assertDirectAccepted();
        direct.clear();
        if (format.appendDirect(record, direct)) {
            pendingOffset = record.fileOffset();
            directRecords++;
        } else {
            assertThat(direct.length()).as("a declined record writes nothing").isZero();
        }
        return false; // always decline: the general path must run for the comparison
    }

    @Override
    public void render(EvtxRecord record, Utf8Buffer out) {
        generalRecords++;
        if (pendingOffset < 0) {
            return; // the direct path declined this one (or it was recovered from slack)
        }
        assertThat(record.fileOffset()).as("the general path renders the record the direct path wrote")
                .isEqualTo(pendingOffset);
        pendingOffset = -1;
        general.clear();
        format.appendGeneral(record, general);
        byte[] g = Arrays.copyOf(general.array(), general.length());
        byte[] d = Arrays.copyOf(direct.array(), direct.length());
        if (!Arrays.equals(g, d)) {
            assertThat(new String(d, StandardCharsets.UTF_8)).as(record.toString())
                    .isEqualTo(new String(g, StandardCharsets.UTF_8));
        }
    }

    /** A record the direct path wrote must not have been rejected by the general path. */
    void assertDirectAccepted() {
        assertThat(pendingOffset).as("record at %d: the direct path wrote it, the general path rejected it", pendingOffset)
                .isEqualTo(-1);
    }

    /** Runs the comparison over a file (as bytes), one thread. */
    static DirectPathCheck run(Format format, byte[] file, EvtxReadOptions options) {
        DirectPathCheck check = new DirectPathCheck(format);
        try (EvtxReader r = EvtxReader.open(file, options.threads(1))) {
            r.renderTo(OutputStreamNull.INSTANCE, () -> check, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check.assertDirectAccepted();
        return check;
    }

    /**
     * {@code renderTo} with the direct path's lines gives the record-by-record bytes, diagnostics
     * and health.
     */
    static void renderToMatchesRecordByRecord(Format format, byte[] file, EvtxReadOptions options, int threads)
            throws IOException {
        List<Diagnostic> expectedDiags = new ArrayList<>();
        Utf8Buffer expected = new Utf8Buffer(1 << 16);
        List<ChunkHealth> expectedHealth;
        try (EvtxReader r = EvtxReader.open(file, options.diagnostics(expectedDiags::add))) {
            for (EvtxRecord rec; (rec = r.nextRecord()) != null; ) {
                format.appendGeneral(rec, expected);
                expected.ascii('\n');
            }
            expectedHealth = r.chunkHealth();
        }
        List<Diagnostic> diags = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<ChunkHealth> health;
        try (EvtxReader r = EvtxReader.open(file, options.threads(threads).diagnostics(diags::add))) {
            r.renderTo(out, format::lines, null);
            health = r.chunkHealth();
        }
        assertThat(out.toByteArray()).isEqualTo(Arrays.copyOf(expected.array(), expected.length()));
        assertThat(diags).isEqualTo(expectedDiags);
        assertThat(health).isEqualTo(expectedHealth);
    }

    /** Discards what is written. */
    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
