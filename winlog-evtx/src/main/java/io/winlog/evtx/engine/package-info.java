/**
 * Decoding engine: chunk sources (a file channel or bytes in memory) and chunk decoding on one
 * thread or several, handing chunks back in file order. {@link io.winlog.evtx.engine.ChunkDecoder}
 * puts a chunk's records into a {@link io.winlog.evtx.engine.RecordSink}: a list for readers that
 * iterate, or {@code EvtxReader.renderTo}'s renderer, which is offered each record's bytes first.
 */
package io.winlog.evtx.engine;
