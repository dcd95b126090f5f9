package io.winlog.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.event.EventRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FailedLogonAlertRuleTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static EventRecord failure(String user, long second) {
        return EventRecord.builder().providerName("Microsoft-Windows-Security-Auditing").eventId(4625)
                .timeCreated(T0.plusSeconds(second)).channel("Security")
                .addData("TargetUserName", user).addData("TargetDomainName", "D").addData("IpAddress", "1.2.3.4").build();
    }

    @Test
    void fiveWithinTheWindowAlertOnceSpreadOutNever() {
        FailedLogonAlertRule rule = new FailedLogonAlertRule(5, Duration.ofSeconds(60));
        long seq = 0;
        for (int i = 0; i < 7; i++) {
            rule.onEvent(failure("admin", i * 5), seq++, false);
        }
        for (int i = 0; i < 5; i++) {
            rule.onEvent(failure("jdoe", 100 + i * 50), seq++, false);
        }
        assertThat(rule.alerts()).extracting(Alert::subject).containsExactly("D\\admin");
        assertThat(rule.seen()).isEqualTo(12);
    }

    /**
     * Against a brute-force oracle: an alert for an event iff at least 5 failures of that account
     * lie in [t - 60 s, t] and the previous failure of that account was not already over the threshold.
     */
    @Property(tries = 300)
    void matchesBruteForce(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 400) Integer> seconds,
                           @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 2) Integer> users) {
        List<EventRecord> events = new ArrayList<>();
        for (int i = 0; i < seconds.size(); i++) {
            int u = users.isEmpty() ? 0 : users.get(i % users.size());
            events.add(failure("u" + u, seconds.get(i)));
        }
        events.sort(Comparator.comparing(EventRecord::timeCreated));
        FailedLogonAlertRule rule = new FailedLogonAlertRule(5, Duration.ofSeconds(60));
        long seq = 0;
        for (EventRecord e : events) {
            rule.onEvent(e, seq++, false);
        }
        List<String> expected = new ArrayList<>();
        Map<String, Boolean> over = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            EventRecord e = events.get(i);
            String user = e.data("TargetUserName").text();
            Instant t = e.timeCreated();
            long inWindow = events.subList(0, i + 1).stream()
                    .filter(x -> x.data("TargetUserName").text().equals(user))
                    .filter(x -> !x.timeCreated().isBefore(t.minusSeconds(60))).count();
            boolean now = inWindow >= 5;
            if (now && !over.getOrDefault(user, false)) {
                expected.add("D\\" + user);
            }
            over.put(user, now);
        }
        assertThat(rule.alerts()).extracting(Alert::subject).containsExactlyElementsOf(expected);
    }

    /** Read through the classic API, Security 4625 data is positional: TargetUserName 6th, TargetDomainName 7th, IpAddress 20th. */
    @Test
    void classicSecurityEventsCarryTheAccountPositionally() {
        FailedLogonAlertRule rule = new FailedLogonAlertRule(5, Duration.ofSeconds(60));
        for (int i = 0; i < 5; i++) {
            EventRecord.Builder b = EventRecord.builder().providerName("Microsoft-Windows-Security-Auditing").eventId(4625)
                    .timeCreated(T0.plusSeconds(i)).channel("Security");
            for (int s = 0; s < 21; s++) {
                b.addData(null, io.winlog.api.event.EventValue.ofString(switch (s) {
                    case 5 -> "eve";
                    case 6 -> "CORP";
                    case 19 -> "203.0.113.7";
                    default -> "-";
                }));
            }
            rule.onEvent(b.build(), i, false);
        }
        assertThat(rule.alerts()).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo("CORP\\eve");
            assertThat(a.message()).contains("203.0.113.7");
        });
    }
}
