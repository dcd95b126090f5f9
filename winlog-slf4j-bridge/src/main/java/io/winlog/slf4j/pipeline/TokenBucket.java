package io.winlog.slf4j.pipeline;

import java.util.function.LongSupplier;

/**
 * A token bucket: up to {@code burst} events at once, refilled at {@code ratePerSecond}.
 * Single-threaded (the pipeline's consumer thread, or its lock in synchronous mode); the clock
 * is injected so tests control time.
 */
public final class TokenBucket {
    private final double ratePerNano;
    private final double burst;
    private final double ratePerSecond;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastNanos;

    /**
     * @param ratePerSecond sustained events per second (&gt; 0)
     * @param burst         bucket size (&ge; 1): events allowed back to back
     * @param nanoClock     monotonic nanoseconds, e.g. {@code System::nanoTime}
     */
    public TokenBucket(double ratePerSecond, long burst, LongSupplier nanoClock) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate limit must be a positive number of events per second, not " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("rate limit burst must be at least 1, not " + burst);
        }
        this.ratePerSecond = ratePerSecond;
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.lastNanos = nanoClock.getAsLong();
    }

    /** Takes one token if there is one. */
    public boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        long elapsed = now - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * ratePerNano);
            lastNanos = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    public long burst() {
        return (long) burst;
    }
}
