package io.winlog.api.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.event.EventRecord;
import io.winlog.testkit.RequiresSharedData;
import io.winlog.testkit.SharedData;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Boolean algebra of the filter on real records: a compiled {@code or}/{@code and}/{@code not}
 * of sub-queries selects exactly what combining the sub-queries' own results selects, for random
 * expression trees over a pool of realistic atoms.
 */
@AddLifecycleHook(RequiresSharedData.class)
class EventFilterPropertiesTest {
    static final List<String> ATOMS = List.of(
            "System/Level=4",
            "System[Level<=2]",
            "System[EventID=4624]",
            "System[EventID=4672 or EventID=4907]",
            "System/Provider[@Name='Microsoft-Windows-Sysmon']",
            "System[Provider[@EventSourceName]]",
            "System[band(Keywords, 9007199254740992)]",
            "System/Keywords='0x8020000000000000'",
            "EventData[Data[@Name='LogonType']=2]",
            "EventData[Data[@Name='LogonType']>3]",
            "EventData/Data='SYSTEM'",
            "EventData[Data[@Name='SubjectLogonId']=999]",
            "EventData/Binary",
            "UserData",
            "UserData/*/ServiceName",
            "System/Execution[@ProcessID < 1000]",
            "System/TimeCreated[@SystemTime >= '2016-07-08T20:00:00Z']",
            "System/TimeCreated[timediff(@SystemTime) <= 3600000]",
            "System/Correlation[@ActivityID]",
            "System[Channel='System']",
            "System/Security/@UserID='S-1-5-18'",
            "System/EventID/@Qualifiers=0");

    static List<EventRecord> records;
    static List<EventFilter> atomFilters;
    static boolean[][] atomResults;

    @BeforeContainer
    static void load() {
        // RequiresSharedData skips the container without ../shared; this guard keeps load() safe anyway.
        if (SharedData.root().isEmpty()) {
            return;
        }
        records = ReferenceRecords.sample(7);
        Clock clock = Clock.fixed(EventFilterReferenceTest.NOW, ZoneOffset.UTC);
        atomFilters = ATOMS.stream().map(a -> EventFilter.compile("*[" + a + "]", clock)).toList();
        atomResults = new boolean[ATOMS.size()][records.size()];
        for (int a = 0; a < ATOMS.size(); a++) {
            for (int i = 0; i < records.size(); i++) {
                atomResults[a][i] = atomFilters.get(a).matches(records.get(i));
            }
        }
    }

    /** A random boolean tree over atom indices, as text and as an evaluator of the atoms' results. */
    interface Tree {
        String text();

        boolean eval(int record);
    }

    record Atom(int index) implements Tree {
        public String text() {
            return ATOMS.get(index);
        }

        public boolean eval(int r) {
            return atomResults[index][r];
        }
    }

    record Or(Tree a, Tree b) implements Tree {
        public String text() {
            return "(" + a.text() + ") or (" + b.text() + ")";
        }

        public boolean eval(int r) {
            return a.eval(r) || b.eval(r);
        }
    }

    record And(Tree a, Tree b) implements Tree {
        public String text() {
            return "(" + a.text() + ") and (" + b.text() + ")";
        }

        public boolean eval(int r) {
            return a.eval(r) && b.eval(r);
        }
    }

    record Not(Tree a) implements Tree {
        public String text() {
            return "not(" + a.text() + ")";
        }

        public boolean eval(int r) {
            return !a.eval(r);
        }
    }

    @Provide
    Arbitrary<Tree> trees() {
        return tree(4);
    }

    private Arbitrary<Tree> tree(int depth) {
        Arbitrary<Tree> atom = Arbitraries.integers().between(0, ATOMS.size() - 1).map(Atom::new);
        if (depth == 0) {
            return atom;
        }
        Arbitrary<Tree> sub = Arbitraries.lazy(() -> tree(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, atom),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as(Or::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as(And::new)),
                net.jqwik.api.Tuple.of(1, sub.map(Not::new)));
    }

    @Property(tries = 150)
    void compiledTreeAgreesWithItsParts(@ForAll("trees") Tree t) {
        EventFilter f = EventFilter.compile("*[" + t.text() + "]",
                Clock.fixed(EventFilterReferenceTest.NOW, ZoneOffset.UTC));
        for (int i = 0; i < records.size(); i++) {
            assertThat(f.matches(records.get(i))).as(t.text() + " on " + records.get(i)).isEqualTo(t.eval(i));
        }
    }

    @Property(tries = 60)
    void orAndNotOfTwoAtoms(@ForAll("atomIndex") int a, @ForAll("atomIndex") int b) {
        Clock clock = Clock.fixed(EventFilterReferenceTest.NOW, ZoneOffset.UTC);
        EventFilter or = EventFilter.compile("*[" + ATOMS.get(a) + " or " + ATOMS.get(b) + "]", clock);
        EventFilter and = EventFilter.compile("*[" + ATOMS.get(a) + " and " + ATOMS.get(b) + "]", clock);
        EventFilter not = EventFilter.compile("*[not(" + ATOMS.get(a) + ")]", clock);
        EventFilter topOr = EventFilter.compile("*[" + ATOMS.get(a) + "] or *[" + ATOMS.get(b) + "]", clock);
        for (int i = 0; i < records.size(); i++) {
            EventRecord r = records.get(i);
            assertThat(or.matches(r)).isEqualTo(atomResults[a][i] || atomResults[b][i]);
            assertThat(topOr.matches(r)).isEqualTo(atomResults[a][i] || atomResults[b][i]);
            assertThat(and.matches(r)).isEqualTo(atomResults[a][i] && atomResults[b][i]);
            assertThat(not.matches(r)).isEqualTo(!atomResults[a][i]);
        }
    }

    @Provide
    Arbitrary<Integer> atomIndex() {
        return Arbitraries.integers().between(0, ATOMS.size() - 1);
    }

    @Property(tries = 1)
    void everyAtomIsInformative() {
        // each atom selects some but not all sampled records, so the properties above can fail
        for (int a = 0; a < ATOMS.size(); a++) {
            int n = 0;
            for (boolean b : atomResults[a]) {
                n += b ? 1 : 0;
            }
            assertThat(n).as(ATOMS.get(a)).isBetween(1, records.size() - 1);
        }
    }
}
