package io.winlog.slf4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import io.winlog.slf4j.EventIdPolicy;
import io.winlog.slf4j.provider.ProviderSettings;
import io.winlog.slf4j.writer.FallbackEventWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Untrusted input never crashes the bridge: any text as an event id, any configuration file,
 * any message text (including lone surrogates and control characters) in the fallback line,
 * which must stay one line and decode back to exactly what was logged.
 */
class ConfigAndFormatPropertiesTest {

    @Property(tries = 500)
    void anyTextParsesToAValidIdOrNone(@ForAll String text) {
        long id = EventIdPolicy.parse(text);
        assertThat(id == EventIdPolicy.NONE || (id >= 0 && id <= 0xFFFF_FFFFL)).isTrue();
    }

    @Property(tries = 150)
    void anyConfigurationIsReadWithoutThrowing(@ForAll("configs") Map<String, String> entries) {
        Properties p = new Properties();
        p.putAll(entries);
        ProviderSettings s = ProviderSettings.of(p);
        assertThat(s.problems().size()).isLessThanOrEqualTo(entries.size());
        assertThat(s.bridge().queueSize()).isGreaterThanOrEqualTo(2);
    }

    @Provide
    Arbitrary<Map<String, String>> configs() {
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.of("source", "log", "fallback", "level", "level.a.b", "type.ERROR", "type.LOUD",
                        "category.WARN", "eventId.default", "eventId.ERROR", "eventId.key", "eventId.mdcKey",
                        "eventId.markerPrefix", "includeKeyValues", "async", "queueSize", "overflow", "handoff",
                        "format", "rateLimit", "rateLimit.burst", "summary.interval", "summary.eventId"),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("", "0", "-1", "1", "65536", "4294967296", "0xFFFFFFFF", "1e309", "NaN", "true", "maybe",
                        "BLOCK", "spill", "DROP", "ring", "channel", "caller", "PT1S", "P-1D", "ERROR", "OFF", "file:"),
                Arbitraries.strings().ofMaxLength(20));
        return Arbitraries.maps(keys, values).ofMaxSize(12);
    }

    @Property(tries = 500)
    void fallbackLineIsOneLineAndDecodesToTheStrings(@ForAll @Size(max = 3) List<String> strings,
                                                    @ForAll long anyId) {
        long id = Math.floorMod(anyId, 0x1_0000_0000L);
        EventSpec e = EventSpec.builder(id).type(EventType.ERROR).strings(strings).build();
        String line = FallbackEventWriter.format("Src", e);
        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        assertThat(line).contains(" id=" + id + " ");
        assertThat(decodeStrings(line)).containsExactlyElementsOf(strings);
    }

    /** A strict decoder of the {@code strings=[...]} part: JSON strings with \" \\ \n \r \t \\uXXXX. */
    private static List<String> decodeStrings(String line) {
        int i = line.indexOf("strings=[") + "strings=[".length();
        List<String> out = new ArrayList<>();
        while (line.charAt(i) != ']') {
            if (line.charAt(i) == ',') {
                i++;
            }
            assertThat(line.charAt(i)).isEqualTo('"');
            i++;
            StringBuilder sb = new StringBuilder();
            while (line.charAt(i) != '"') {
                char c = line.charAt(i++);
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char esc = line.charAt(i++);
                switch (esc) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(line.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw new AssertionError("bad escape \\" + esc + " in " + line);
                }
            }
            i++;
            out.add(sb.toString());
        }
        return out;
    }
}
