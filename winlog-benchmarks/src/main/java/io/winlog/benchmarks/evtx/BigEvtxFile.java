package io.winlog.benchmarks.evtx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.CRC32;

/**
 * Builds a large .evtx for benchmarks by repeating the chunks of a real sample (chunks are
 * self-contained, so every copy decodes exactly like the original) and fixing the file header's
 * chunk count and CRC32. Generated into {@code target/} or {@code /tmp}, never committed.
 *
 * <pre>java -cp benchmarks.jar io.winlog.benchmarks.evtx.BigEvtxFile SAMPLE.evtx OUT.evtx 100</pre>
 */
public final class BigEvtxFile {
    private BigEvtxFile() {
    }

    /** The default sample: Security log, 26 chunks, 2261 records. */
    public static Path defaultSample() {
        String shared = System.getProperty("winlog.shared");
        Path root = shared != null ? Paths.get(shared) : Paths.get("").toAbsolutePath();
        if (shared == null) {
            for (Path d = root; d != null; d = d.getParent()) {
                if (Files.isDirectory(d.resolveSibling("shared").resolve("samples"))) {
                    root = d.resolveSibling("shared");
                    break;
                }
            }
        }
        return root.resolve("samples/evtx/omer_security.evtx");
    }

    /**
     * Writes {@code out} with the header of {@code sample} and its used chunks repeated until the
     * file holds at least {@code targetBytes}.
     *
     * @return the number of chunks written
     */
    public static int create(Path sample, Path out, long targetBytes) throws IOException {
        byte[] src = Files.readAllBytes(sample);
        ByteBuffer h = ByteBuffer.wrap(src).order(ByteOrder.LITTLE_ENDIAN);
        int used = h.getShort(42) & 0xFFFF;
        int want = (int) Math.min(65535, Math.max(1, (targetBytes - 4096 + 65535) / 65536));
        byte[] header = java.util.Arrays.copyOf(src, 4096);
        ByteBuffer w = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        w.putShort(42, (short) want);
        w.putLong(8, 0);
        w.putLong(16, want - 1);
        w.putInt(120, 0); // clean: not dirty, not full
        CRC32 crc = new CRC32();
        crc.update(header, 0, 120);
        w.putInt(124, (int) crc.getValue());
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            o.write(header);
            for (int i = 0; i < want; i++) {
                o.write(src, 4096 + 65536 * (i % used), 65536);
            }
        }
        return want;
    }

    public static void main(String[] args) throws IOException {
        Path sample = args.length > 0 ? Paths.get(args[0]) : defaultSample();
        Path out = args.length > 1 ? Paths.get(args[1]) : Paths.get("target/big.evtx");
        long mb = args.length > 2 ? Long.parseLong(args[2]) : 100;
        int chunks = create(sample, out, mb << 20);
        System.out.println(out + ": " + chunks + " chunks, " + Files.size(out) + " bytes");
    }
}
