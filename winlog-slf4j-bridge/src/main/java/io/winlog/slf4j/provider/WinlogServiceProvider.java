package io.winlog.slf4j.provider;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider, found by {@code ServiceLoader} through
 * {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}. Reads
 * {@link ProviderSettings} and serves {@link WinlogLogger}s; a JVM shutdown hook drains the queue
 * and writes the final summary.
 *
 * <p><b>Other backends win.</b> This jar also carries the Logback appender, so an application
 * that uses Logback has two providers on its class path, and SLF4J picks whichever comes first.
 * When this provider is picked and finds another provider (Logback, Log4j, ...), it steps aside
 * and serves that provider's loggers: the application keeps its backend whatever the class path
 * order (SLF4J still prints its "multiple providers" note; set
 * {@code -Dslf4j.provider=<the backend's provider class>} to silence it). Set
 * {@value #STEP_ASIDE_PROPERTY}{@code =false} to use winlog's provider regardless.
 */
public final class WinlogServiceProvider implements SLF4JServiceProvider {
    /** The SLF4J API version this provider is written for. */
    public static final String REQUESTED_API_VERSION = "2.0.99";
    /** System property: "false" keeps this provider even when another backend is present. */
    public static final String STEP_ASIDE_PROPERTY = "winlog.slf4j.stepAside";

    private ILoggerFactory loggerFactory;
    private IMarkerFactory markerFactory;
    private MDCAdapter mdcAdapter;
    private SLF4JServiceProvider delegate;

    @Override
    public void initialize() {
        ClassLoader loader = WinlogServiceProvider.class.getClassLoader();
        if (!"false".equalsIgnoreCase(System.getProperty(STEP_ASIDE_PROPERTY))) {
            delegate = otherProvider(loader);
        }
        if (delegate != null) {
            delegate.initialize();
            loggerFactory = delegate.getLoggerFactory();
            markerFactory = delegate.getMarkerFactory();
            mdcAdapter = delegate.getMDCAdapter();
            return;
        }
        ProviderSettings settings = ProviderSettings.load(loader);
        for (String problem : settings.problems()) {
            System.err.println("winlog: configuration problem: " + problem);
        }
        markerFactory = new BasicMarkerFactory();
        mdcAdapter = new BasicMDCAdapter();
        WinlogLoggerFactory factory = new WinlogLoggerFactory(settings, mdcAdapter);
        loggerFactory = factory;
        Thread hook = new Thread(factory::close, "winlog-slf4j-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // initialized during shutdown: events are written synchronously by close-time logic
        }
    }

    private static SLF4JServiceProvider otherProvider(ClassLoader loader) {
        try {
            Iterator<SLF4JServiceProvider> it = ServiceLoader.load(SLF4JServiceProvider.class, loader).iterator();
            while (it.hasNext()) {
                try {
                    SLF4JServiceProvider p = it.next();
                    if (!(p instanceof WinlogServiceProvider)) {
                        return p;
                    }
                } catch (ServiceConfigurationError e) {
                    // a broken provider elsewhere on the class path is not ours to fix
                }
            }
        } catch (ServiceConfigurationError e) {
            return null;
        }
        return null;
    }

    /** The provider this one stepped aside for, or null when winlog serves the loggers. */
    public SLF4JServiceProvider delegate() {
        return delegate;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }
}
