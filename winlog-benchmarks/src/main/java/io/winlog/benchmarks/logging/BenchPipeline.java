package io.winlog.benchmarks.logging;

/**
 * One logging implementation under test, built programmatically and isolated from the others
 * (its own Logback LoggerContext, Log4j2 AsyncLoggerContext or winlog logger factory; nothing goes
 * through the global {@code LoggerFactory}, which would pick one provider for the whole JVM).
 */
interface BenchPipeline {
    /** The log call measured: INFO, a two-argument pattern. */
    void log(Object arg1, Object arg2);

    /** Stops, after everything queued was delivered (lossless shutdown). */
    void close();

    DeliveryCounter counter();
}
