package io.winlog.slf4j.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * This JVM has Logback on the class path (the appender's tests need it), as an application using
 * the appender does: winlog's provider must not take the application's logging away from Logback.
 */
class ProviderStepAsideTest {
    @Test
    void withLogbackPresentTheApplicationKeepsLogback() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(LoggerContext.class);
        WinlogServiceProvider p = new WinlogServiceProvider();
        p.initialize();
        assertThat(p.delegate()).isInstanceOf(LogbackServiceProvider.class);
        assertThat(p.getLoggerFactory()).isInstanceOf(LoggerContext.class);
        assertThat(p.getRequestedApiVersion()).startsWith("2.0");
    }
}
