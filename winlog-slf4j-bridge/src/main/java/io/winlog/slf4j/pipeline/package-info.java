/**
 * The engine between a log call and an {@link io.winlog.api.EventWriter}: pre-allocated
 * {@link io.winlog.slf4j.pipeline.LogSlot}s in a {@link io.winlog.slf4j.pipeline.HandOff}
 * (a lock-free multi-producer ring by default), one consumer thread that renders, rate limits
 * ({@link io.winlog.slf4j.pipeline.TokenBucket}) and writes, and statistics with periodic
 * summary events of everything suppressed or dropped.
 */
package io.winlog.slf4j.pipeline;
