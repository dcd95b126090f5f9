package io.winlog.api.filter;

import io.winlog.api.InvalidQueryException;
import io.winlog.api.event.EventRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A Windows event query evaluated in Java, so one query string selects the same events from a
 * live channel, an .evtx/.evt file or an ETW session. Immutable and thread-safe; compile once,
 * then call {@link #matches} on every event (no parsing, no allocation on the common paths).
 *
 * <pre>{@code
 * EventFilter f = EventFilter.compile("*[System[(Level=1 or Level=2) and EventID=4625]]");
 * if (f.matches(record)) { ... }
 * }</pre>
 *
 * <h2>Accepted queries</h2>
 * Either an XPath expression or a structured {@code <QueryList>} document. The XPath subset is
 * the one Windows Event Log documents ("Consuming Events", "XPath 1.0 limitations"):
 * <ul>
 *   <li>Location paths over the event XML with the child axis (default, or {@code child::}) and
 *       the attribute axis ({@code @}, {@code attribute::}); name tests and {@code *}; an optional
 *       leading {@code /}. Names match the local name (a prefix {@code p:Name} is ignored).
 *       Queries normally start with {@code *} or {@code Event}: {@code *[System[EventID=4625]]};
 *       bare paths like {@code Event/System[EventID=1]} and top-level combinations such as
 *       {@code *[System[EventID=4624]] and *[EventData[Data='SYSTEM']]} match when true.</li>
 *   <li>Predicates {@code [...]} holding any expression of this list, nested to 64 levels.</li>
 *   <li>{@code and}, {@code or}, parentheses, {@code not(expr)}, and one comparison
 *       {@code = != < <= > >=} per operand pair.</li>
 *   <li>String literals in {@code '...'} or {@code "..."}; numbers are unsigned 64-bit integers,
 *       decimal or {@code 0x} hex.</li>
 *   <li>{@code band(a, b)}: 64-bit bitwise AND; true in a predicate when non-zero
 *       ({@code *[System[band(Keywords, 4503599627370496)]]}).</li>
 *   <li>{@code timediff(@SystemTime)}: milliseconds between {@code TimeCreated/@SystemTime} and
 *       now (positive for past events), e.g. {@code *[System[TimeCreated[timediff(@SystemTime) <= 86400000]]]}.
 *       "Now" comes from the {@link Clock} given to {@link #compile(String, Clock)}.</li>
 * </ul>
 *
 * <h2>The event XML a query sees</h2>
 * The shape {@link io.winlog.api.render.EventXml} renders: {@code System} with {@code Provider}
 * ({@code @Name}, {@code @Guid}, {@code @EventSourceName}), {@code EventID} ({@code @Qualifiers}),
 * {@code Version}, {@code Level}, {@code Task}, {@code Opcode}, {@code Keywords},
 * {@code TimeCreated} ({@code @SystemTime}), {@code EventRecordID}, {@code Correlation}
 * ({@code @ActivityID}, {@code @RelatedActivityID}), {@code Execution} ({@code @ProcessID},
 * {@code @ThreadID}, {@code @ProcessorID}, {@code @SessionID}, {@code @KernelTime},
 * {@code @UserTime}, {@code @ProcessorTime}), {@code Channel}, {@code Computer}, {@code Security}
 * ({@code @UserID}); {@code EventData} with {@code Data} ({@code @Name}; an array value is one
 * Data element per item), {@code Binary} and other child elements; {@code UserData} (the record's
 * UserData XML, parsed once per {@code matches} call when a query looks into it); and
 * {@code RenderingInfo} ({@code @Culture}, {@code Message}, {@code Level}, {@code Task},
 * {@code Opcode}, {@code Channel}, {@code Provider}, {@code Keywords/Keyword}) when present.
 * A path that names something event XML never has at that place is accepted and matches nothing.
 *
 * <h2>Comparison semantics</h2>
 * A path compared with a value is true when any selected node compares true (XPath 1.0).
 * Against a number, the node's value is taken as a number: System values and integer-typed
 * EventData compare as integers directly (EventID, Level, Task, Opcode, Version numerically;
 * {@code Keywords} and {@code EventRecordID} as unsigned 64-bit), text is parsed as decimal or
 * {@code 0x} hex (how Windows writes HexInt32/HexInt64 values), and a node without a number
 * makes the comparison false ({@code !=}: true). Against a string, {@code =}/{@code !=} compare
 * the node's rendered text exactly (case-sensitive); relational operators compare date-times
 * chronologically when the string is an ISO-8601 date-time (Event Viewer's
 * {@code TimeCreated[@SystemTime>='2024-01-01T00:00:00.000Z']}), numbers numerically, and are
 * false otherwise (XPath 1.0: NaN).
 *
 * <h2>Rejected, with {@link InvalidQueryException} (position and what was expected)</h2>
 * Everything Windows rejects: other axes ({@code //}, {@code ..}, {@code .},
 * {@code descendant::}, {@code parent::} ...), functions other than {@code band},
 * {@code timediff} and {@code not} ({@code contains()}, {@code starts-with()},
 * {@code position()}, {@code count()} ...), positional predicates ({@code Data[1]}), unions
 * {@code |}, arithmetic, variables, fractional or negative numbers, the attribute wildcard
 * {@code @*}, node type tests ({@code text()}), chained comparisons ({@code a = b = c}).
 * Note: {@code not()} is standard XPath 1.0 but not in Microsoft's list of supported functions;
 * winlog evaluates it, a live Windows reader should evaluate such a query in Java rather than
 * hand it to {@code EvtQuery}.
 *
 * <h2>QueryList</h2>
 * {@code <QueryList><Query Id='0' Path='Security'><Select Path='Security'>xpath</Select>
 * <Suppress Path='Security'>xpath</Suppress></Query>...</QueryList>}: an event matches when, in
 * some {@code Query}, a {@code Select} whose path applies matches it and no {@code Suppress} of
 * that query whose path applies matches it. A {@code Select}/{@code Suppress} without
 * {@code Path} uses its {@code Query}'s {@code Path}; a path applies when it equals the event's
 * channel (case-insensitive), when the event has no channel, when there is no path, or when it is
 * a {@code file://} path (the file is the source; its events carry their original channel).
 * {@link #paths()} lists the paths in document order so a live reader can open them.
 */
public final class EventFilter {
    private static final EventFilter ALL = new EventFilter("*", List.of(), Clock.systemUTC(), true);

    private final String query;
    private final List<QueryPart> parts;
    private final Clock clock;
    private final boolean all;
    private final Set<String> paths;

    /** One {@code <Query>}: selects and suppresses with their paths (one select without path for plain XPath). */
    private record QueryPart(List<Selector> selects, List<Selector> suppresses) {
    }

    private record Selector(String path, Expr expr) {
        boolean applies(String channel) {
            return path == null || channel == null || channel.isEmpty() || path.equalsIgnoreCase(channel)
                    || path.regionMatches(true, 0, "file://", 0, 7);
        }
    }

    private EventFilter(String query, List<QueryPart> parts, Clock clock, boolean all) {
        this.query = query;
        this.parts = parts;
        this.clock = clock;
        this.all = all;
        Set<String> p = new LinkedHashSet<>();
        for (QueryPart q : parts) {
            for (Selector s : q.selects) {
                if (s.path != null) {
                    p.add(s.path);
                }
            }
            for (Selector s : q.suppresses) {
                if (s.path != null) {
                    p.add(s.path);
                }
            }
        }
        this.paths = Collections.unmodifiableSet(p);
    }

    /** The filter that matches every event ({@code *}). */
    public static EventFilter all() {
        return ALL;
    }

    /**
     * Compiles an XPath expression or a {@code <QueryList>} document, with the system clock for
     * {@code timediff()}.
     *
     * @throws InvalidQueryException with the position and what was expected
     */
    public static EventFilter compile(String query) {
        return compile(query, Clock.systemUTC());
    }

    /**
     * Compiles a query; {@code timediff()} measures against {@code clock} (inject a fixed clock in
     * tests or when replaying old logs).
     *
     * @throws InvalidQueryException with the position and what was expected
     */
    public static EventFilter compile(String query, Clock clock) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(clock, "clock");
        String trimmed = query.strip();
        if (trimmed.startsWith("<")) {
            return new EventFilter(query, QueryListParser.parse(query), clock, false);
        }
        if (trimmed.equals("*")) {
            return new EventFilter(query, List.of(), clock, true);
        }
        Expr e = XPathParser.compile(query, 0, query);
        return new EventFilter(query, List.of(new QueryPart(List.of(new Selector(null, e)), List.of())), clock, false);
    }

    /** The same query with another clock for {@code timediff()}. */
    public EventFilter withClock(Clock c) {
        return new EventFilter(query, parts, Objects.requireNonNull(c), all);
    }

    /** True if the event is selected by the query. */
    public boolean matches(EventRecord e) {
        if (all) {
            return true;
        }
        EvalContext c = new EvalContext(e, clock);
        String channel = e.channel();
        for (int i = 0, n = parts.size(); i < n; i++) {
            QueryPart q = parts.get(i);
            if (selected(c, q.selects, channel) && !selected(c, q.suppresses, channel)) {
                return true;
            }
        }
        return false;
    }

    private static boolean selected(EvalContext c, List<Selector> selectors, String channel) {
        for (int i = 0, n = selectors.size(); i < n; i++) {
            Selector s = selectors.get(i);
            if (s.applies(channel) && s.expr.test(c, EventNode.DOCUMENT)) {
                return true;
            }
        }
        return false;
    }

    /** The query text as given. */
    public String query() {
        return query;
    }

    /** True when this filter selects every event. */
    public boolean matchesAll() {
        return all;
    }

    /** The channel (or file) paths a QueryList names, in document order; empty for a plain XPath. */
    public Set<String> paths() {
        return paths;
    }

    @Override
    public String toString() {
        return "EventFilter[" + query + "]";
    }

    /** Reads {@code <QueryList>} documents. */
    private static final class QueryListParser {
        static List<QueryPart> parse(String doc) {
            MiniXml.Element root;
            try {
                root = MiniXml.parseDocument(doc);
            } catch (MiniXml.XmlError e) {
                throw new InvalidQueryException("QueryList is not well-formed XML: " + e.getMessage(), doc, e.position);
            }
            if (!root.localName.equals("QueryList")) {
                throw new InvalidQueryException("expected <QueryList> as the root element, found <" + root.name + ">", doc,
                        root.start);
            }
            List<QueryPart> out = new ArrayList<>();
            for (Object o : root.children) {
                if (o instanceof MiniXml.Text t) {
                    requireBlank(doc, t);
                    continue;
                }
                MiniXml.Element q = (MiniXml.Element) o;
                if (!q.localName.equals("Query")) {
                    throw new InvalidQueryException("expected <Query> inside <QueryList>, found <" + q.name + ">", doc, q.start);
                }
                String queryPath = q.attribute("Path");
                List<Selector> selects = new ArrayList<>();
                List<Selector> suppresses = new ArrayList<>();
                for (Object c : q.children) {
                    if (c instanceof MiniXml.Text t) {
                        requireBlank(doc, t);
                        continue;
                    }
                    MiniXml.Element s = (MiniXml.Element) c;
                    boolean select = s.localName.equals("Select");
                    if (!select && !s.localName.equals("Suppress")) {
                        throw new InvalidQueryException("expected <Select> or <Suppress> inside <Query>, found <" + s.name
                                + ">", doc, s.start);
                    }
                    String path = s.attribute("Path");
                    if (path == null) {
                        path = queryPath;
                    }
                    Expr e = compileText(doc, s);
                    (select ? selects : suppresses).add(new Selector(path, e));
                }
                if (selects.isEmpty()) {
                    throw new InvalidQueryException("<Query> needs at least one <Select>", doc, q.start);
                }
                out.add(new QueryPart(List.copyOf(selects), List.copyOf(suppresses)));
            }
            if (out.isEmpty()) {
                throw new InvalidQueryException("expected at least one <Query> in <QueryList>", doc, root.start);
            }
            return List.copyOf(out);
        }

        private static Expr compileText(String doc, MiniXml.Element s) {
            StringBuilder text = new StringBuilder();
            int start = -1;
            for (Object o : s.children) {
                if (o instanceof MiniXml.Text t) {
                    if (start < 0) {
                        start = t.start();
                    }
                    text.append(t.text());
                } else {
                    throw new InvalidQueryException("expected XPath text inside <" + s.name + ">, found an element", doc,
                            ((MiniXml.Element) o).start);
                }
            }
            if (start < 0) {
                start = s.start;
            }
            // Positions map 1:1 unless entities (&lt;) precede the error; then they are approximate.
            return XPathParser.compile(text.toString(), start, doc);
        }

        private static void requireBlank(String doc, MiniXml.Text t) {
            if (!t.text().isBlank()) {
                throw new InvalidQueryException("unexpected text '" + t.text().strip().toLowerCase(Locale.ROOT).substring(0,
                        Math.min(20, t.text().strip().length())) + "'", doc, t.start());
            }
        }
    }
}
