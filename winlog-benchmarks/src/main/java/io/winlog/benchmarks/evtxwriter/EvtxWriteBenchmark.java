package io.winlog.benchmarks.evtxwriter;

import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.Sid;
import io.winlog.evtx.write.EvtxWriter;
import io.winlog.evtx.write.EvtxWriterOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records per second written by {@link EvtxWriter} (single thread), into a file on
 * {@code /dev/shm} when it exists (so the disk is not what is measured) and a new file every
 * iteration (a file holds at most 65535 chunks).
 *
 * <ul>
 *   <li>{@code smallEventSpec}: a classic event, two short insertion strings (the issue's
 *       "small record"), through {@code write(EventSpec)};</li>
 *   <li>{@code typedRecord}: a Security-4624-like record with 9 typed values (SID, HexInt64,
 *       UInt32, GUID, ...), through {@code write(EventRecord)};</li>
 *   <li>{@code ioCeiling}: the baseline, writing an already-built 64 KiB chunk with the same
 *       FileChannel calls, per record of a chunk of small records: what the I/O alone costs.</li>
 * </ul>
 * Run with {@code -prof gc} for B/op.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
@State(Scope.Thread)
public class EvtxWriteBenchmark {
    /** Small records per 64 KiB chunk, measured (see docs/benchmarks-evtx-writer.md). */
    static final int SMALL_RECORDS_PER_CHUNK = 280;

    private Path dir;
    private Path file;
    private EvtxWriter writer;
    private EventSpec[] specs;
    private EventRecord[] records;
    private int next;
    private FileChannel raw;
    private final ByteBuffer chunk = ByteBuffer.allocate(65536);
    private long rawPos;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        Path shm = Path.of("/dev/shm");
        dir = Files.createTempDirectory(Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")),
                "evtx-bench");
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        specs = new EventSpec[1024];
        records = new EventRecord[1024];
        Sid user = Sid.parse("S-1-5-21-3623811015-3361044348-30300820-1013");
        for (int i = 0; i < specs.length; i++) {
            specs[i] = EventSpec.builder(1000 + (i & 3)).type(EventType.INFORMATION)
                    .strings("service started", "pid " + i).time(t0.plusMillis(i)).build();
            records[i] = EventRecord.builder().providerName("Microsoft-Windows-Security-Auditing")
                    .providerGuid(UUID.fromString("54849625-5478-4994-a5ba-3e3b0328c30d")).eventId(4624).version(2)
                    .level(0).task(12544).opcode(0).keywords(0x8020000000000000L).timeCreated(t0.plusMillis(i))
                    .processId(668L).threadId(720L).channel("Security").computer("DC01.corp.local")
                    .addData("SubjectUserSid", EventValue.ofSid(Sid.parse("S-1-5-18")))
                    .addData("SubjectUserName", "DC01$")
                    .addData("SubjectLogonId", EventValue.ofHexInt64(0x3e7))
                    .addData("TargetUserSid", EventValue.ofSid(user))
                    .addData("TargetUserName", "alice")
                    .addData("LogonType", EventValue.ofUInt32(3))
                    .addData("LogonGuid", EventValue.ofGuid(new UUID(i, ~i)))
                    .addData("IpAddress", "10.0.0." + (i & 255))
                    .addData("IpPort", EventValue.ofUInt32(49152 + i))
                    .build();
        }
    }

    @Setup(Level.Iteration)
    public void open() throws IOException {
        file = Files.createTempFile(dir, "w", ".evtx");
        writer = EvtxWriter.create(file, EvtxWriterOptions.builder().computer("bench").build());
        raw = FileChannel.open(dir.resolve("raw.bin"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        rawPos = 0;
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        writer.close();
        Files.deleteIfExists(file);
        raw.close();
        Files.deleteIfExists(dir.resolve("raw.bin"));
    }

    @TearDown(Level.Trial)
    public void cleanup() throws IOException {
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public void smallEventSpec() {
        writer.write(specs[next++ & 1023]);
    }

    @Benchmark
    public void typedRecord() {
        writer.write(records[next++ & 1023]);
    }

    @Benchmark
    @OperationsPerInvocation(SMALL_RECORDS_PER_CHUNK)
    public void ioCeiling() throws IOException {
        chunk.clear();
        chunk.limit(65536 - 512).position(0);
        raw.write(chunk, rawPos + 512);
        chunk.clear().limit(512);
        raw.write(chunk, rawPos);
        rawPos += 65536;
        if (rawPos > (1L << 30)) {
            rawPos = 0;
        }
    }
}
