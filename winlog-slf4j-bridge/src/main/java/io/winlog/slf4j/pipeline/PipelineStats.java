package io.winlog.slf4j.pipeline;

/**
 * A snapshot of a pipeline's counters since it started. Every event a caller handed over ends up
 * in exactly one of {@code written}, {@code suppressed}, {@code dropped}, {@code failed}, or is
 * still {@code pending}.
 *
 * @param accepted   events handed over by callers (including spilled ones, excluding dropped)
 * @param written    events the writer accepted
 * @param suppressed events the rate limit held back (reported in summary events)
 * @param dropped    events dropped because the queue was full under {@link OverflowPolicy#DROP},
 *                   or logged after the pipeline was closed
 * @param failed     events the writer refused or failed on (reported in summary events)
 * @param spilled    events that went to the overflow list under {@link OverflowPolicy#SPILL}
 * @param blocked    log calls that had to wait for room under {@link OverflowPolicy#BLOCK}
 * @param summaries  summary events written
 * @param pending    events accepted but not yet processed
 */
public record PipelineStats(long accepted, long written, long suppressed, long dropped, long failed,
                            long spilled, long blocked, long summaries, long pending) {
}
