package io.winlog.slf4j.provider;

import io.winlog.slf4j.BridgeConfig;
import io.winlog.slf4j.LevelMapping;
import io.winlog.slf4j.pipeline.OverflowPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.event.Level;

/**
 * The provider's configuration, read from {@code winlog-slf4j.properties} on the class path, or
 * from the file or resource named by the system property {@value #CONFIG_PROPERTY}. Every key is
 * optional; without a file the provider writes INFO and above of source "Java" to the
 * Application log, asynchronously and losslessly.
 *
 * <pre>
 * source=MyService                 # event source (default Java)
 * log=Application                  # log of the source
 * fallback=stderr                  # or file:/var/log/myservice-events.log, when the Event Log is unavailable
 * level=INFO                       # root level: TRACE, DEBUG, INFO, WARN, ERROR, OFF
 * level.com.acme.db=DEBUG          # per logger prefix (longest dotted prefix wins)
 * type.DEBUG=INFORMATION           # event type per level (ERROR, WARNING, INFORMATION, ...)
 * category.ERROR=1                 # category per level (defaults ERROR 1 .. TRACE 5)
 * eventId.default=1000             # id when nothing else names one
 * eventId.ERROR=1003               # id per level
 * eventId.key=eventId              # SLF4J 2 key-value key with the id
 * eventId.mdcKey=eventId           # MDC key with the id (empty: do not read the MDC)
 * eventId.markerPrefix=eventId=    # marker name prefix, e.g. a marker named eventId=1001
 * includeKeyValues=true            # key=value insertion strings
 * includeLoggerName=false          # logger=... insertion string
 * includeThreadName=false          # thread=... insertion string
 * async=true                       # hand off to a writer thread (false: write on the caller)
 * queueSize=8192                   # slots in the hand-off ring
 * overflow=BLOCK                   # BLOCK (lossless), SPILL (lossless, heap), DROP (counted)
 * handoff=ring                     # ring (pre-allocated, no allocation per call) or channel (winlog EventChannel)
 * format=consumer                  # format {} arguments on the writer thread, or caller
 * rateLimit=0                      # events per second, 0 = unlimited
 * rateLimit.burst=100              # bucket size (default: one second's worth)
 * summary.interval=60              # seconds between summaries of suppressed/dropped events
 * summary.eventId=9000             # event id of those summaries
 * </pre>
 * A bad value is reported on stderr with the key and the accepted values, and its default is
 * kept: configuration mistakes must not silence an application's logging.
 */
public final class ProviderSettings {
    /** System property naming another configuration file (a path, or a class path resource). */
    public static final String CONFIG_PROPERTY = "winlog.slf4j.configurationFile";
    /** The resource read by default. */
    public static final String DEFAULT_RESOURCE = "winlog-slf4j.properties";

    private final BridgeConfig bridge = new BridgeConfig();
    private final LevelThresholds thresholds = new LevelThresholds();
    private boolean formatOnCaller;
    private String origin = "defaults";
    private final List<String> problems = new ArrayList<>();

    public BridgeConfig bridge() { return bridge; }
    public LevelThresholds thresholds() { return thresholds; }
    public boolean formatOnCaller() { return formatOnCaller; }
    /** Where the settings came from (a URL, a path, or "defaults"). */
    public String origin() { return origin; }
    /** The configuration mistakes found (each with key, value and what is accepted). */
    public List<String> problems() { return List.copyOf(problems); }

    /** Loads from {@value #CONFIG_PROPERTY} or the class path; defaults when neither exists. */
    public static ProviderSettings load(ClassLoader loader) {
        ProviderSettings s = new ProviderSettings();
        String explicit = System.getProperty(CONFIG_PROPERTY);
        try {
            if (explicit != null && !explicit.isBlank()) {
                Path p = Path.of(explicit);
                if (Files.isRegularFile(p)) {
                    try (InputStream in = Files.newInputStream(p)) {
                        s.apply(read(in), p.toString());
                    }
                    return s;
                }
                URL url = loader == null ? null : loader.getResource(explicit);
                if (url == null) {
                    s.problems.add(CONFIG_PROPERTY + "=" + explicit + " names neither a file nor a class path resource;"
                            + " using defaults");
                    return s;
                }
                try (InputStream in = url.openStream()) {
                    s.apply(read(in), url.toString());
                }
                return s;
            }
            URL url = loader == null ? null : loader.getResource(DEFAULT_RESOURCE);
            if (url != null) {
                try (InputStream in = url.openStream()) {
                    s.apply(read(in), url.toString());
                }
            }
        } catch (IOException e) {
            s.problems.add("cannot read the winlog SLF4J configuration (" + e + "); using defaults");
        }
        return s;
    }

    /** Settings from already loaded properties (tests, programmatic setup). */
    public static ProviderSettings of(Properties props) {
        ProviderSettings s = new ProviderSettings();
        s.apply(props, "properties");
        return s;
    }

    private static Properties read(InputStream in) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private void apply(Properties p, String from) {
        origin = from;
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).trim();
            try {
                applyOne(key.trim(), value);
            } catch (IllegalArgumentException e) {
                problems.add(from + ": " + key + "=" + value + " ignored: " + e.getMessage());
            }
        }
    }

    private void applyOne(String key, String v) {
        if (key.equals("level")) {
            thresholds.set("", parseThreshold(v));
        } else if (key.startsWith("level.")) {
            thresholds.set(key.substring(6), parseThreshold(v));
        } else if (key.startsWith("type.")) {
            bridge.levels().setType(LevelMapping.parseLevel(key.substring(5)), LevelMapping.parseType(v));
        } else if (key.startsWith("category.")) {
            bridge.levels().setCategory(LevelMapping.parseLevel(key.substring(9)), parseInt(v));
        } else if (key.startsWith("eventId.")) {
            String k = key.substring(8);
            switch (k) {
                case "default" -> bridge.eventIds().defaultEventId(parseId(v));
                case "key" -> bridge.eventIds().keyValueKey(v);
                case "mdcKey" -> bridge.eventIds().mdcKey(v);
                case "markerPrefix" -> bridge.eventIds().markerPrefix(v);
                default -> bridge.eventIds().defaultEventId(LevelMapping.parseLevel(k), parseId(v));
            }
        } else {
            switch (key) {
                case "source" -> bridge.source(v);
                case "log" -> bridge.log(v);
                case "fallback" -> bridge.fallback(v);
                case "includeKeyValues" -> bridge.includeKeyValues(parseBool(v));
                case "includeLoggerName" -> bridge.includeLoggerName(parseBool(v));
                case "includeThreadName" -> bridge.includeThreadName(parseBool(v));
                case "async" -> bridge.async(parseBool(v));
                case "queueSize" -> bridge.queueSize(parseInt(v));
                case "overflow" -> bridge.overflow(OverflowPolicy.parse(v));
                case "handoff" -> bridge.handOff(io.winlog.slf4j.pipeline.HandOffKind.parse(v));
                case "format" -> formatOnCaller = parseFormat(v);
                case "rateLimit" -> bridge.rateLimit(parseDouble(v), bridge.rateLimitBurst());
                case "rateLimit.burst" -> bridge.rateLimit(bridge.rateLimitPerSecond(), parseInt(v));
                case "summary.interval" -> bridge.summaryInterval(parseSeconds(v));
                case "summary.eventId" -> bridge.summaryEventId(parseId(v));
                default -> throw new IllegalArgumentException("unknown key (see the javadoc of "
                        + ProviderSettings.class.getName() + " for the keys)");
            }
        }
    }

    private static Level parseThreshold(String v) {
        return v.equalsIgnoreCase("OFF") ? null : LevelMapping.parseLevel(v);
    }

    private static boolean parseFormat(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "caller" -> true;
            case "consumer" -> false;
            default -> throw new IllegalArgumentException("use caller or consumer");
        };
    }

    private static boolean parseBool(String v) {
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("use true or false");
    }

    private static int parseInt(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
        }
    }

    private static double parseDouble(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
    }

    private static long parseId(String v) {
        long id = io.winlog.slf4j.EventIdPolicy.parse(v);
        if (id == io.winlog.slf4j.EventIdPolicy.NONE) {
            throw new IllegalArgumentException("an event id is 0..4294967295 (decimal or 0x hex)");
        }
        return id;
    }

    private static Duration parseSeconds(String v) {
        try {
            return v.startsWith("P") || v.startsWith("p") ? Duration.parse(v)
                    : Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("use seconds (e.g. 60) or an ISO-8601 duration (PT1M)");
        }
    }
}
