package io.winlog.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of {@link GetWinEvent} that do not need Windows: the script, its encoding, the JSON. */
class GetWinEventTest {
    @Test
    void scriptQuotesNamesAsPowerShellLiteralsAndHasNoDoubleQuotes() {
        String s = GetWinEvent.script("Appl'ication", "winlog-ci-1a2b $x", 50, Path.of("it's", "out.json"));
        assertThat(s).contains("-FilterXPath '*[System[Provider[@Name=''winlog-ci-1a2b $x'']]]'")
                .contains("-LogName 'Appl''ication'").contains("it''s").contains("-MaxEvents 50")
                .contains(GetWinEvent.NO_EVENTS).contains("UTF8Encoding $false");
        // The script needs no double quotes, so nothing depends on how Windows splits a command line.
        assertThat(s).doesNotContain("\"");
        assertThat(GetWinEvent.quote("a'b")).isEqualTo("'a''b'");
        assertThatThrownBy(() -> GetWinEvent.xpath("x'y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodedCommandIsBase64OfUtf16le() {
        String script = "Write-Output 'é ✓'";
        byte[] raw = Base64.getDecoder().decode(GetWinEvent.encode(script));
        assertThat(new String(raw, StandardCharsets.UTF_16LE)).isEqualTo(script);
    }

    @Test
    void parsesArraysSingleObjectsNullMessagesAndNothing() throws Exception {
        List<GetWinEvent.Event> two = GetWinEvent.parse("\uFEFF[{\"Id\":1001,\"Qualifiers\":0,\"Level\":2,\"RecordId\":77,"
                + "\"ProviderName\":\"S\",\"Task\":1,\"TaskDisplayName\":\"Error\",\"Message\":\"a\\r\\nb \\u00e9 \\ud83d\\ude00\"},"
                + "{\"Id\":1002,\"Qualifiers\":null,\"Level\":4,\"RecordId\":78,\"ProviderName\":\"S\",\"Task\":0,"
                + "\"TaskDisplayName\":null,\"Message\":null}]");
        assertThat(two).containsExactly(new GetWinEvent.Event(1001, 0, 2, 77, "S", 1, "Error", "a\r\nb \u00e9 \ud83d\ude00"),
                new GetWinEvent.Event(1002, null, 4, 78, "S", 0, null, null));
        assertThat(GetWinEvent.parse("{\"Id\":5,\"Level\":3,\"RecordId\":1,\"ProviderName\":\"S\",\"Message\":\"x\"}"))
                .singleElement().extracting(GetWinEvent.Event::message).isEqualTo("x");
        assertThat(GetWinEvent.parse("[]")).isEmpty();
        assertThat(GetWinEvent.parse("  ")).isEmpty();
    }
}
