package io.winlog.evtx.engine;

import io.winlog.evtx.ChunkHealth;
import io.winlog.evtx.Diagnostic;
import io.winlog.evtx.EvtxRecord;
import java.util.List;

/**
 * The result of decoding one chunk: its records in order, the diagnostics found, and its health.
 *
 * @param records     records in chunk order
 * @param diagnostics diagnostics in the order found
 * @param health      the chunk's verdict
 */
public record DecodedChunk(List<EvtxRecord> records, List<Diagnostic> diagnostics, ChunkHealth health) {
}
