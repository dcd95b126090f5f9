package io.winlog.api.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.InvalidQueryException;
import io.winlog.api.event.EventRecord;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The long fuzz campaign of the query compiler ({@code -Plong}, i.e. {@code winlog.long=true}):
 * 300 000 token-soup queries and mutations of valid queries; each must compile or throw
 * {@link InvalidQueryException} with a position inside the query, and a compiled filter must
 * evaluate without throwing. The fast subset runs in {@link EventFilterSyntaxTest}.
 */
@EnabledIfSystemProperty(named = "winlog.long", matches = "true")
class EventFilterLongFuzzTest {
    static final String[] VALID = {
        "*[System[(Level=1 or Level=2) and EventID=4625]]",
        "*[EventData[Data[@Name='LogonType']=3 and Data='SYSTEM']]",
        "*[System[band(Keywords, 4503599627370496)] and TimeCreated[timediff(@SystemTime) <= 86400000]]",
        "<QueryList><Query Id='0' Path='Security'><Select>*[System[EventID=4624]]</Select>"
                + "<Suppress>*[UserData/*/SubjectUserName='x']</Suppress></Query></QueryList>",
    };

    @Test
    void compilerSurvivesRandomAndMutatedQueries() {
        SplittableRandom rnd = new SplittableRandom(20261122L);
        EventRecord empty = EventRecord.builder().build();
        int compiled = 0;
        for (int n = 0; n < 300_000; n++) {
            String q;
            if ((n & 1) == 0) {
                StringBuilder sb = new StringBuilder();
                int len = rnd.nextInt(200);
                for (int k = 0; k < len; k++) {
                    sb.append(EventFilterSyntaxTest.TOKENS[rnd.nextInt(EventFilterSyntaxTest.TOKENS.length)]);
                }
                q = sb.toString();
            } else {
                StringBuilder sb = new StringBuilder(VALID[rnd.nextInt(VALID.length)]);
                for (int m = rnd.nextInt(1, 4); m > 0 && sb.length() > 0; m--) {
                    int at = rnd.nextInt(sb.length());
                    switch (rnd.nextInt(3)) {
                        case 0: sb.deleteCharAt(at); break;
                        case 1: sb.insert(at, (char) rnd.nextInt(0x20, 0x7F)); break;
                        default: sb.setCharAt(at, (char) rnd.nextInt(0, 0x3000));
                    }
                }
                q = sb.toString();
            }
            try {
                EventFilter f = EventFilter.compile(q);
                f.matches(EventFilterSyntaxTest.SECURITY_4625);
                f.matches(empty);
                compiled++;
            } catch (InvalidQueryException e) {
                assertThat(e.position()).as(q).isBetween(0, q.length());
            }
        }
        System.out.println("long fuzz: " + compiled + " of 300000 queries compiled, the rest rejected with a position");
    }
}
