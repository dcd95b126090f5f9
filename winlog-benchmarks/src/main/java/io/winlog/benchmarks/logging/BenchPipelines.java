package io.winlog.benchmarks.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.winlog.slf4j.logback.WindowsEventLogAppender;
import io.winlog.slf4j.pipeline.OverflowPolicy;
import io.winlog.slf4j.provider.ProviderSettings;
import io.winlog.slf4j.provider.WinlogLoggerFactory;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.slf4j.helpers.BasicMDCAdapter;

/** Builds each {@link BenchPipeline}; every queue holds {@link #QUEUE} events and never drops. */
final class BenchPipelines {
    static final int QUEUE = 8192;
    static final String PATTERN = "order {} shipped to {}";

    private BenchPipelines() {
    }

    static BenchPipeline create(String impl) {
        return switch (impl) {
            case "winlogProvider" -> winlogProvider(false, "ring");
            case "winlogProviderCallerFormat" -> winlogProvider(true, "ring");
            case "winlogProviderChannel" -> winlogProvider(false, "channel");
            case "winlogLogbackAppender" -> winlogLogback();
            case "logbackAsyncAppender" -> logbackAsync();
            case "log4j2AsyncLogger" -> log4j2AllAsync();
            default -> throw new IllegalArgumentException(impl);
        };
    }

    /**
     * winlog's SLF4J provider: its logger factory built directly, BLOCK overflow (the default),
     * over the default slot ring or winlog's EventChannel.
     */
    private static BenchPipeline winlogProvider(boolean formatOnCaller, String handOff) {
        DeliveryCounter counter = new DeliveryCounter();
        Properties p = new Properties();
        p.setProperty("queueSize", Integer.toString(QUEUE));
        p.setProperty("overflow", OverflowPolicy.BLOCK.name());
        p.setProperty("format", formatOnCaller ? "caller" : "consumer");
        p.setProperty("handoff", handOff);
        ProviderSettings s = ProviderSettings.of(p);
        s.bridge().writer(new CountingEventWriter(counter));
        WinlogLoggerFactory f = new WinlogLoggerFactory(s, new BasicMDCAdapter());
        org.slf4j.Logger log = f.getLogger("bench.Orders");
        return new BenchPipeline() {
            @Override
            public void log(Object a, Object b) {
                log.info(PATTERN, a, b);
            }

            @Override
            public void close() {
                f.close();
            }

            @Override
            public DeliveryCounter counter() {
                return counter;
            }
        };
    }

    private static LoggerContext logbackContext() {
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new LogbackMDCAdapter());
        ctx.setName("bench");
        ctx.start();
        return ctx;
    }

    private static BenchPipeline logbackPipeline(LoggerContext ctx, ch.qos.logback.core.Appender<ILoggingEvent> top,
                                                 DeliveryCounter counter) {
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        root.addAppender(top);
        org.slf4j.Logger log = ctx.getLogger("bench.Orders");
        return new BenchPipeline() {
            @Override
            public void log(Object a, Object b) {
                log.info(PATTERN, a, b);
            }

            @Override
            public void close() {
                ctx.stop();
            }

            @Override
            public DeliveryCounter counter() {
                return counter;
            }
        };
    }

    /** winlog's Logback appender, BLOCK overflow, writing to the counting writer. */
    private static BenchPipeline winlogLogback() {
        DeliveryCounter counter = new DeliveryCounter();
        LoggerContext ctx = logbackContext();
        WindowsEventLogAppender a = new WindowsEventLogAppender();
        a.setContext(ctx);
        a.setName("winlog");
        a.setSource("Bench");
        a.setQueueSize(QUEUE);
        a.setDrainTimeoutSeconds(600);
        a.setWriter(new CountingEventWriter(counter));
        a.start();
        return logbackPipeline(ctx, a, counter);
    }

    /** Logback's AsyncAppender made lossless: discardingThreshold=0, neverBlock=false, no flush timeout. */
    private static BenchPipeline logbackAsync() {
        DeliveryCounter counter = new DeliveryCounter();
        LoggerContext ctx = logbackContext();
        CountingLogbackAppender sink = new CountingLogbackAppender(counter);
        sink.setContext(ctx);
        sink.setName("counting");
        sink.start();
        AsyncAppender async = new AsyncAppender();
        async.setContext(ctx);
        async.setName("async");
        async.setQueueSize(QUEUE);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(false);
        async.setMaxFlushTime(0); // stop() waits for the worker to drain everything
        async.addAppender(sink);
        async.start();
        return logbackPipeline(ctx, async, counter);
    }

    /**
     * Log4j2 all-async: an {@link AsyncLoggerContext} (what Log4jContextSelector=AsyncLoggerContextSelector
     * creates) with a programmatic configuration whose root logger feeds the counting appender.
     * Ring size {@link #QUEUE}; the default queue-full policy waits (lossless).
     */
    private static BenchPipeline log4j2AllAsync() {
        System.setProperty("log4j2.asyncLoggerRingBufferSize", Integer.toString(QUEUE));
        DeliveryCounter counter = new DeliveryCounter();
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setConfigurationName("bench");
        b.setStatusLevel(Level.WARN);
        b.add(b.newRootLogger(Level.INFO));
        BuiltConfiguration cfg = b.build(false);
        AsyncLoggerContext ctx = new AsyncLoggerContext("bench-log4j2");
        ctx.start(cfg);
        Configuration live = ctx.getConfiguration();
        CountingLog4jAppender sink = new CountingLog4jAppender(counter);
        sink.start();
        live.addAppender(sink);
        LoggerConfig root = live.getRootLogger();
        root.addAppender(sink, Level.INFO, null);
        ctx.updateLoggers();
        org.apache.logging.log4j.Logger log = ctx.getLogger("bench.Orders");
        if (!(log instanceof org.apache.logging.log4j.core.async.AsyncLogger)) {
            throw new IllegalStateException("expected an AsyncLogger, got " + log.getClass());
        }
        return new BenchPipeline() {
            @Override
            public void log(Object a, Object b) {
                log.info(PATTERN, a, b);
            }

            @Override
            public void close() {
                ctx.stop(10, TimeUnit.MINUTES);
            }

            @Override
            public DeliveryCounter counter() {
                return counter;
            }
        };
    }
}
