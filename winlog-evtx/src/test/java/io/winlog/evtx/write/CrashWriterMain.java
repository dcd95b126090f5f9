package io.winlog.evtx.write;

import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Child process for {@link EvtxWriterDurabilityTest}: writes records "record 1", "record 2", ...
 * to the file in args[0] without ever closing it, until it is killed.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    public static void main(String[] args) {
        EvtxWriter w = EvtxWriter.create(Path.of(args[0]), EvtxWriterOptions.builder().computer("crash")
                .providerName("CrashTest").build());
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        for (long i = 1; ; i++) {
            w.write(EventSpec.builder(1000).type(EventType.WARNING).strings("record " + i, "x".repeat((int) (i % 50)))
                    .time(t0.plusMillis(i)).build());
            if (i % 1000 == 0) {
                Thread.onSpinWait();
            }
        }
    }
}
