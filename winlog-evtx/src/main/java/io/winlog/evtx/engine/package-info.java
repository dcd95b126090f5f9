/**
 * Decoding engine: chunk sources (a file channel or bytes in memory) and chunk decoding on one
 * thread or several, handing chunks back in file order. {@link io.winlog.evtx.engine.ChunkDecoder}
 * puts a chunk's records into a {@link io.winlog.evtx.engine.RecordSink}: a list for readers that
 * iterate, or {@code EvtxReader.renderTo}'s renderer, which is offered each record's bytes first.
 * {@link io.winlog.evtx.engine.ParallelChunkRenderer} is {@code renderTo}'s parallel mode: the
 * caller and pool threads render chunks, and whoever finishes the oldest one writes it.
 */
package io.winlog.evtx.engine;
