package io.winlog.api.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.winlog.api.InvalidQueryException;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.Sid;
import io.winlog.api.event.ValueType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Query syntax: what is rejected, where, and that no input makes the compiler misbehave. */
class EventFilterSyntaxTest {

    static final EventRecord SECURITY_4625 = EventRecord.builder()
            .providerName("Microsoft-Windows-Security-Auditing").providerGuid(UUID.fromString("54849625-5478-4994-a5ba-3e3b0328c30d"))
            .eventId(4625).version(0).level(0).task(12544).opcode(0).keywords(0x8010000000000000L)
            .timeCreated(Instant.parse("2024-05-01T10:00:00.1234567Z")).recordId(1657124)
            .processId(544L).threadId(6616L).channel("Security").computer("HOST")
            .addData("SubjectUserSid", EventValue.ofSid(Sid.parse("S-1-5-18")))
            .addData("TargetUserName", "administrator")
            .addData("Status", EventValue.ofHexInt32(0xc000006dL))
            .addData("LogonType", EventValue.ofUInt32(3))
            .addData("IpAddress", "10.0.0.5")
            .addData("Strings", EventValue.ofArray(ValueType.STRING_ARRAY, List.of(EventValue.ofString("a"), EventValue.ofString("b"))))
            .userSid(null).build();

    /** query | position | fragment of the message. */
    @ParameterizedTest
    @CsvSource(delimiter = '#', quoteCharacter = '"', value = {
        "*[System[EventID=]] # 17 # expected a path, a string, a number or '('",
        "*[System//EventID] # 8 # descendant axis",
        "*[contains(Data,'x')] # 2 # contains() is not supported",
        "*[EventData[starts-with(Data,'a')]] # 12 # starts-with() is not supported",
        "*[EventData/Data[1]] # 16 # positional predicates",
        "*[System[position()=1]] # 9 # position() is not supported",
        "*[System[Level=1] # 17 # or ']' before the end",
        "*[System[Level='1]]] # 15 # unterminated string",
        "*[System[Level=1.5]] # 16 # unsigned integers",
        "*[System[Level=-1]] # 15 # arithmetic",
        "*[System[Level = 1 = 2]] # 19 # chained comparisons",
        "*[System[Level=1] xor 2] # 18 # expected 'and', 'or'",
        "*[System/..] # 9 # self and parent",
        "*[System[EventID=1] | *] # 20 # union",
        "*[ancestor::System] # 2 # axis ancestor::",
        "*[System/@*] # 10 # attribute wildcard",
        "*[EventData/Data/text()] # 17 # node type tests",
        "*[System[foo(1)]] # 9 # unknown function foo()",
        "*[band(Keywords)] # 15 # ','",
        "*[timediff(5) < 1] # 11 # timediff() needs a path",
        "'abc' # 0 # must select events",
        "*[System/Provider/@Name/x] # 24 # attribute has no children",
        "*[$x] # 2 # variables",
        "*[System[EventID=99999999999999999999]] # 17 # larger than 64 bits",
        "*[System[EventID=4624] and] # 26 # expected a path",
        "*[System[EventID=4624]] ] # 24 # expected 'and', 'or'",
    })
    void invalidQueriesSayWhereAndWhat(String query, int position, String fragment) {
        InvalidQueryException e = catchThrowableOfType(() -> EventFilter.compile(query), InvalidQueryException.class);
        assertThat(e).as(query).isNotNull();
        assertThat(e.getMessage()).contains(fragment);
        assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
    }

    @Test
    void emptyQueryIsRejected() {
        assertThatThrownBy(() -> EventFilter.compile("   ")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("expected an XPath expression");
    }

    @Test
    void queryListErrorsPointIntoTheDocument() {
        String doc = "<QueryList><Query Id='0'><Select Path='Security'>*[System[Level=]]</Select></Query></QueryList>";
        InvalidQueryException e = catchThrowableOfType(() -> EventFilter.compile(doc), InvalidQueryException.class);
        assertThat(e.position()).isEqualTo(doc.indexOf("]]</Select>"));
        assertThat(catchThrowableOfType(() -> EventFilter.compile("<QueryList><Query><Select>*</Select></Query>"),
                InvalidQueryException.class).getMessage()).contains("expected </QueryList>");
        assertThat(catchThrowableOfType(() -> EventFilter.compile("<QueryList><Query><Suppress>*</Suppress></Query></QueryList>"),
                InvalidQueryException.class).getMessage()).contains("at least one <Select>");
        assertThat(catchThrowableOfType(() -> EventFilter.compile("<Queries/>"), InvalidQueryException.class).getMessage())
                .contains("expected <QueryList>");
        assertThat(catchThrowableOfType(() -> EventFilter.compile("<QueryList><Query><Select><b/></Select></Query></QueryList>"),
                InvalidQueryException.class).getMessage()).contains("expected XPath text");
    }

    @Test
    void queryListExposesPathsAndHonoursThem() {
        EventFilter f = EventFilter.compile("<QueryList><Query Id='0' Path='Application'><Select>*</Select>"
                + "<Select Path='Microsoft-Windows-Sysmon/Operational'>*[System[EventID=1]]</Select></Query>"
                + "<Query Id='1' Path='Security'><Select Path='Security'>*</Select>"
                + "<Suppress Path='Security'>*[System[EventID=4625]]</Suppress></Query></QueryList>");
        assertThat(f.paths()).containsExactly("Application", "Microsoft-Windows-Sysmon/Operational", "Security");
        assertThat(f.matches(SECURITY_4625)).isFalse(); // Application select does not apply; Security suppressed
        assertThat(f.matches(SECURITY_4625.toBuilder().eventId(4624).build())).isTrue();
        assertThat(f.matches(SECURITY_4625.toBuilder().channel("application").build())).as("case-insensitive").isTrue();
        assertThat(f.matches(SECURITY_4625.toBuilder().channel(null).build())).as("no channel: every path applies").isTrue();
        assertThat(EventFilter.compile("*[System[Level=1]]").paths()).isEmpty();
    }

    @Test
    void semanticsOnAHandBuiltEvent() {
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T10:30:00Z"), ZoneOffset.UTC);
        String[] yes = {
            "*",
            "Event",
            "*[System[EventID=4625]]",
            "*[System[EventID='4625']]",
            "*[System[Provider[@Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}']]]",
            "*[System[Keywords='0x8010000000000000']]",
            "*[System[band(Keywords, 0x10000000000000)]]",
            "*[EventData[Data[@Name='Status']='0xc000006d']]",
            "*[EventData[Data[@Name='Status']=3221225581]]",
            "*[EventData[Data[@Name='Status']=0xC000006D]]",
            "*[EventData[Data[@Name='LogonType']=3 and Data[@Name='IpAddress']='10.0.0.5']]",
            "*[EventData[Data='b']]",
            "*[EventData[Data[@Name='Strings']='a']]",
            "*[EventData[Data[@Name='SubjectUserSid']='S-1-5-18']]",
            "*[System[TimeCreated[timediff(@SystemTime) <= 1800000]]]",
            "*[System[TimeCreated[@SystemTime='2024-05-01T10:00:00.1234567Z']]]",
            "*[System[TimeCreated[@SystemTime>'2024-05-01T10:00:00.123Z']]]",
            "*[System[Execution[@ProcessID=544 and @ThreadID>6000]]]",
            "*[System[EventRecordID=1657124]]",
            "*[System[Channel!='System']]",
            "*[System[not(Level=1)]]",
            "*[System[Security]]",
            "*[not(System[Security[@UserID]])]",
            "*[child::System[attribute::Name or EventID=4625]]",
            "*[System[ (  EventID  =  4625  ) ]]",
            "*[System[EventID=4625]] or *[System[EventID=1]]",
            "*[System/Provider/@Name = \"Microsoft-Windows-Security-Auditing\"]",
            "*[e:System[e:EventID=4625]]",
        };
        for (String q : yes) {
            assertThat(EventFilter.compile(q, clock).matches(SECURITY_4625)).as(q).isTrue();
        }
        String[] no = {
            "*[System[EventID=4624]]",
            "*[System[EventID!=4625]]",
            "*[System[TimeCreated[timediff(@SystemTime) <= 1000]]]",
            "*[System[Level>0]]",
            "*[EventData[Data[@Name='Missing']]]",
            "*[EventData[Data[@Name='TargetUserName']='Administrator']]",
            "*[EventData[Data[@Name='TargetUserName']>'a']]",
            "*[UserData]",
            "*[System[Correlation[@ActivityID]]]",
            "*[System[Security[@UserID='S-1-5-18']]]",
            "*[RenderingInfo]",
        };
        for (String q : no) {
            assertThat(EventFilter.compile(q, clock).matches(SECURITY_4625)).as(q).isFalse();
        }
    }

    @Test
    void deepNestingIsBoundedNotAStackOverflow() {
        String deep = "*[" + "(".repeat(10_000) + "System" + ")".repeat(10_000) + "]";
        assertThatThrownBy(() -> EventFilter.compile(deep)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("nested deeper than 64");
        String preds = "*" + "[System".repeat(5_000) + "]".repeat(5_000);
        assertThatThrownBy(() -> EventFilter.compile(preds)).isInstanceOf(InvalidQueryException.class);
        String ok = "*[" + "(".repeat(30) + "System" + ")".repeat(30) + "]";
        assertThat(EventFilter.compile(ok).matches(SECURITY_4625)).isTrue();
    }

    @Test
    void allMatchesEverything() {
        assertThat(EventFilter.all().matches(SECURITY_4625)).isTrue();
        assertThat(EventFilter.all().matchesAll()).isTrue();
        assertThat(EventFilter.compile("*").matchesAll()).isTrue();
        assertThat(EventFilter.compile(" *[System] ").query()).isEqualTo(" *[System] ");
    }

    // ---- fuzz ---------------------------------------------------------------------------

    static final String[] TOKENS = {"*", "[", "]", "(", ")", "/", "@", "=", "!=", "<", "<=", ">", ">=", " and ", " or ",
        "not(", "band(", "timediff(", ",", "'x'", "\"y\"", "'", "\"", "1", "0x10", "4624", "System", "EventID", "Level",
        "EventData", "Data", "Name", "UserData", "Keywords", "TimeCreated", "SystemTime", "Provider", " ", "::", "child",
        "attribute", ".", "..", "//", "|", "-", "$", "<QueryList>", "<Query>", "<Select>", "</Select>", "</Query>",
        "</QueryList>", "&lt;", "\u0000", "\uD800", "é"};

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(long_() ? 120 : 40).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> anyString() {
        return Arbitraries.strings().ofMaxLength(long_() ? 400 : 80);
    }

    private static boolean long_() {
        return "true".equals(System.getProperty("winlog.long"));
    }

    @Property(tries = 2000)
    void tokenSoupEitherCompilesOrIsInvalid(@ForAll("tokenSoup") String q) {
        fuzzOne(q);
    }

    @Property(tries = 1000)
    void randomTextEitherCompilesOrIsInvalid(@ForAll("anyString") String q) {
        fuzzOne(q);
    }

    private static void fuzzOne(String q) {
        EventFilter f;
        try {
            f = EventFilter.compile(q);
        } catch (InvalidQueryException e) {
            assertThat(e.position()).isBetween(0, q.length());
            return;
        }
        f.matches(SECURITY_4625); // must not throw
        f.matches(EventRecord.builder().build()); // an event with nothing set
    }
}
