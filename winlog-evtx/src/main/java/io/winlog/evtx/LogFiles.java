package io.winlog.evtx;

import io.winlog.api.CorruptInputException;
import io.winlog.api.EventReader;
import io.winlog.api.WinlogException;
import io.winlog.evtx.evt.EvtReader;
import io.winlog.evtx.evt.EvtReaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens an event log file of either format by its magic, not its name: .evtx ({@code ElfFile}) or
 * the legacy .evt ({@code LfLe} at offset 4).
 *
 * <pre>{@code
 * try (EventReader r = LogFiles.open(path, EvtxReadOptions.defaults().recover(true))) {
 *     r.forEach(e -> System.out.println(e.eventId()));
 * }
 * }</pre>
 */
public final class LogFiles {
    /** The format of an event log file. */
    public enum Format { EVTX, EVT }

    private LogFiles() {
    }

    /**
     * The format of {@code path}, judged by its first bytes.
     *
     * @throws CorruptInputException when it is neither (a one-line reason)
     * @throws WinlogException       when it cannot be read
     */
    public static Format detect(Path path) {
        byte[] head = new byte[8];
        int n = 0;
        try (InputStream in = Files.newInputStream(path)) {
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (NoSuchFileException e) {
            throw new WinlogException("cannot open " + path + ": no such file", e);
        } catch (IOException e) {
            throw new WinlogException("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (n >= 8 && head[0] == 'E' && head[1] == 'l' && head[2] == 'f' && head[3] == 'F' && head[4] == 'i'
                && head[5] == 'l' && head[6] == 'e' && head[7] == 0) {
            return Format.EVTX;
        }
        if (n >= 8 && head[4] == 'L' && head[5] == 'f' && head[6] == 'L' && head[7] == 'e') {
            return Format.EVT;
        }
        throw new CorruptInputException(path + " is not a Windows event log (neither .evtx 'ElfFile' nor .evt 'LfLe' magic)",
                0);
    }

    /**
     * Opens an .evtx or .evt file. The options' strict/recover/diagnostics apply to both formats
     * (threads only to .evtx); .evt problems arrive as {@link Diagnostic}s too.
     */
    public static EventReader open(Path path, EvtxReadOptions options) {
        if (detect(path) == Format.EVTX) {
            return EvtxReader.open(path, options);
        }
        EvtReaderOptions o = EvtReaderOptions.defaults().withStrict(options.strict()).withRecover(options.recover())
                .withDiagnostics(e -> options.diagnostics().accept(
                        new Diagnostic(Diagnostic.Severity.ERROR, e.offset(), -1, e.getMessage())));
        return EvtReader.open(path, o);
    }

    /** {@link #open(Path, EvtxReadOptions)} with default options. */
    public static EventReader open(Path path) {
        return open(path, EvtxReadOptions.defaults());
    }
}
