package io.winlog.evtx.evt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winlog.api.event.EventRecord;
import io.winlog.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * How Windows maps classic events into the modern schema, from real data: dissect_TestLog.evt
 * (XP-era .evt) and dissect_TestLogX.evtx (Windows 10 .evtx) hold the same five
 * Write-EventLog calls (ids 1, 2, 3, 65534, 5; all five types; categories 1 and 99). Our
 * mapping of the .evt records must give the level, task, keywords, id and qualifiers Windows
 * wrote into the .evtx.
 */
class ClassicMappingVsEvtxTest {
    @Test
    void levelTaskKeywordsMatchWhatWindowsWritesForTheSameEvents() throws Exception {
        Path evt = SharedData.evtDir().resolve("dissect_TestLog.evt");
        Path evtxRef = SharedData.evtxDir().resolve("refs/dissect_TestLogX.evtx.jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(evtxRef), "skipped: " + evtxRef + " not found");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> modern = new ArrayList<>();
        for (String line : SharedData.readLines(evtxRef)) {
            modern.add(json.readTree(line));
        }
        List<EventRecord> classic = new ArrayList<>();
        try (EvtReader r = EvtReader.open(evt)) {
            r.forEach(classic::add);
        }
        assertThat(classic).hasSize(5).hasSameSizeAs(modern);
        for (int i = 0; i < classic.size(); i++) {
            EventRecord c = classic.get(i);
            JsonNode m = modern.get(i);
            String at = "record " + (i + 1);
            assertThat(c.eventId()).as(at + " event_id").isEqualTo(m.get("event_id").asInt());
            assertThat(c.qualifiers()).as(at + " qualifiers").isEqualTo(m.get("qualifiers").asInt());
            assertThat(c.level()).as(at + " level").isEqualTo(m.get("level").asInt());
            assertThat(c.task()).as(at + " task").isEqualTo(m.get("task").asInt());
            assertThat(String.format("0x%016x", c.keywords())).as(at + " keywords").isEqualTo(m.get("keywords").asText());
        }
    }
}
