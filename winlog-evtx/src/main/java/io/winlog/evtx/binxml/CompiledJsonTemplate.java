package io.winlog.evtx.binxml;

import io.winlog.api.event.EventValue;
import io.winlog.api.render.EventJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A template definition compiled for writing the reference JSONL ({@link EventJson}): which
 * substitution (or static text) each {@code System} field comes from, and the list of
 * {@code EventData} items, so that {@link DirectJsonWriter} can write a record's JSON line
 * straight from its substitution values, with no tree, no event model and no strings.
 *
 * <p>The mapping mirrors {@link TemplateEventMapper} (and so {@link EventRecordMapper}): the
 * fields of {@code <System>} by element and attribute name, {@code <Data>} items with their
 * {@code Name}, {@code <Binary>}, values of nested BinXml fragments in place. It covers the
 * template shapes of nearly all real records and declines the rest (the record then takes the
 * general path): a template is not compiled for a role when it has {@code UserData},
 * {@code RenderingInfo} or other top-level elements, a field element or attribute given twice,
 * field content that is not one substitution (or, for a text field, one static value), an
 * element the expander may drop where that changes the mapping, or a nested template instance.
 *
 * <p>A template is compiled for up to three roles: as the record's template ({@link #root},
 * the children of its first element), and as the content of a nested BinXml value at the level
 * of the event's children ({@link #eventContent}) or of {@code <EventData>}'s children
 * ({@link #dataContent}). Each is null when the template does not have that role's shape.
 *
 * <p>A program is an {@code int[]} of steps. Event level: {@link #SYSTEM} {@code s} (the field
 * sources {@code systems[s]}), {@link #EVENT_DATA} {@code d} (the data program
 * {@code dataPrograms[d]}), {@link #FRAGMENT} {@code source} (a substitution whose BinXml value
 * is expanded in place). Data level: triples {@code op name value} with {@link #DATA},
 * {@link #DATA_DROPPABLE}, {@link #BINARY} and {@link #UNNAMED}. A source is {@link #UNSET},
 * {@link #EMPTY}, a substitution ({@link #sub}) or a literal ({@link #literal}).
 *
 * <p>Immutable once compiled.
 */
final class CompiledJsonTemplate {
    // ---- System fields, in the order of the JSON keys where they are written --------------
    static final int PROVIDER_NAME = 0;
    static final int PROVIDER_GUID = 1;
    static final int EVENT_SOURCE_NAME = 2;
    static final int EVENT_ID = 3;
    static final int QUALIFIERS = 4;
    static final int VERSION = 5;
    static final int LEVEL = 6;
    static final int TASK = 7;
    static final int OPCODE = 8;
    static final int KEYWORDS = 9;
    static final int TIME_CREATED = 10;
    static final int RECORD_ID = 11;
    static final int ACTIVITY_ID = 12;
    static final int RELATED_ACTIVITY_ID = 13;
    static final int PROCESS_ID = 14;
    static final int THREAD_ID = 15;
    static final int PROCESSOR_ID = 16;
    static final int SESSION_ID = 17;
    static final int KERNEL_TIME = 18;
    static final int USER_TIME = 19;
    static final int PROCESSOR_TIME = 20;
    static final int CHANNEL = 21;
    static final int COMPUTER = 22;
    static final int USER_SID = 23;
    static final int FIELDS = 24;

    // ---- sources ------------------------------------------------------------------------------
    /** No such element or attribute: the field is null (the builder's default). */
    static final int UNSET = -1;
    /** An element without content: its value is null, its text empty. */
    static final int EMPTY = -2;

    /** A substitution: {@code index << 1 | optional}. */
    static int sub(int index, boolean optional) {
        return index << 1 | (optional ? 1 : 0);
    }

    /** Literal {@code k} of {@link #literals}. */
    static int literal(int k) {
        return -3 - k;
    }

    static boolean isLiteral(int source) {
        return source <= -3;
    }

    static int literalIndex(int source) {
        return -3 - source;
    }

    // ---- steps ------------------------------------------------------------------------------
    static final int SYSTEM = 0;
    static final int EVENT_DATA = 1;
    static final int FRAGMENT = 2;

    /** {@code <Data>}: an item with this name and content value (NULL when there is none). */
    static final int DATA = 0;
    /** {@code <Data>} whose only content is an optional array substitution: no item when it is NULL or missing. */
    static final int DATA_DROPPABLE = 1;
    /** {@code <Binary>}: the event's binary data when the value is non-empty. */
    static final int BINARY = 2;
    /** A substitution among the data: a BinXml value is expanded in place, any other non-NULL value is an item without a name. */
    static final int UNNAMED = 3;

    /** The record's template: the event-level program of its first element's children. */
    final int[] root;
    /** As a nested fragment among the event's children. */
    final int[] eventContent;
    /** As a nested fragment among {@code <EventData>}'s children. */
    final int[] dataContent;
    final int[][] systems;
    final int[][] dataPrograms;
    /**
     * Literals: a {@code byte[]} of a JSON string (quotes included) for texts and names, and
     * {@code null} for a literal whose field is null (an empty Channel).
     */
    final Object[] literals;
    /** At least what {@link TemplateExpander#check} counts against its node budget for one expansion. */
    final int nodeCost;
    /** What the check counts against its text budget for the static values. */
    final long staticChars;
    /** The substitution index of every reference in the definition (a value counts once per reference). */
    final int[] references;

    private CompiledJsonTemplate(Compiler c, int[] root, int[] eventContent, int[] dataContent, int nodeCost,
                                 long staticChars, int[] references) {
        this.root = root;
        this.eventContent = eventContent;
        this.dataContent = dataContent;
        this.systems = c.systems.toArray(new int[0][]);
        this.dataPrograms = c.dataPrograms.toArray(new int[0][]);
        this.literals = c.literals.toArray();
        this.nodeCost = nodeCost;
        this.staticChars = staticChars;
        this.references = references;
    }

    /** Compiles a definition; null when it has none of the roles' shapes. */
    static CompiledJsonTemplate compile(TemplateDefinition def) {
        Compiler c = new Compiler();
        int[] root = c.tryRoot(def.nodes());
        int[] eventContent = c.tryEventLevel(def.nodes());
        int[] dataContent = c.tryDataLevel(def.nodes());
        if (root == null && eventContent == null && dataContent == null) {
            return null;
        }
        List<Integer> refs = new ArrayList<>();
        long[] chars = {0};
        budget(def.nodes(), refs, chars);
        return new CompiledJsonTemplate(c, root, eventContent, dataContent, CompiledXmlTemplate.nodeCost(def.nodes()) + 4,
                chars[0], refs.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Collects the substitution references and the static values' text budget of these nodes. */
    private static void budget(List<BinXmlNode> nodes, List<Integer> refs, long[] chars) {
        for (BinXmlNode n : nodes) {
            if (n instanceof Substitution s) {
                refs.add(s.index());
            } else if (n instanceof Value v) {
                chars[0] += textBudget(v.value());
            } else if (n instanceof Element e) {
                for (Attribute a : e.attributes()) {
                    budget(a.value(), refs, chars);
                }
                budget(e.children(), refs, chars);
            }
        }
    }

    /** What TemplateExpander's budget counts for a value. */
    private static long textBudget(EventValue v) {
        switch (v.type()) {
            case STRING: case ANSI_STRING: case EVT_XML: return v.asString().length();
            case BINARY: return 2L * v.binaryLength();
            default: return v.type().isArray() ? 16L * v.elements().size() : 16;
        }
    }

    /** Thrown inside the compiler for a shape this form does not cover (for the role at hand). */
    private static final class NotCompilable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotCompilable() {
            super(null, null, false, false);
        }
    }

    /** Builds the programs. */
    private static final class Compiler {
        final List<int[]> systems = new ArrayList<>();
        final List<int[]> dataPrograms = new ArrayList<>();
        final List<Object> literals = new ArrayList<>();

        /** The record-template role: the event-level program of the first element's children. */
        int[] tryRoot(List<BinXmlNode> nodes) {
            return attempt(() -> {
                for (BinXmlNode n : nodes) {
                    if (n instanceof TemplateInstance || n instanceof Substitution) {
                        return null; // it could expand to the root element
                    }
                    if (n instanceof Element e) {
                        return droppable(e) ? null : eventLevel(e.children());
                    }
                }
                return null; // no root: the general path reports it
            });
        }

        int[] tryEventLevel(List<BinXmlNode> nodes) {
            return attempt(() -> eventLevel(nodes));
        }

        int[] tryDataLevel(List<BinXmlNode> nodes) {
            return attempt(() -> dataLevel(nodes));
        }

        /** Compiles one role; null, and nothing of it kept, when the definition does not have its shape. */
        private int[] attempt(java.util.function.Supplier<int[]> role) {
            int mark = mark();
            try {
                return role.get();
            } catch (NotCompilable e) {
                reset(mark);
                return null;
            }
        }

        private int mark() {
            return systems.size() << 20 | dataPrograms.size();
        }

        /** Forgets what a failed role added (literals may stay: they are only referenced, never walked). */
        private void reset(int mark) {
            trim(systems, mark >>> 20);
            trim(dataPrograms, mark & 0xFFFFF);
        }

        private static void trim(List<?> list, int size) {
            while (list.size() > size) {
                list.remove(list.size() - 1);
            }
        }

        /** TemplateEventMapper.mapEvent: System, EventData; other elements are left to the tree path. */
        int[] eventLevel(List<BinXmlNode> nodes) {
            IntList code = new IntList();
            for (BinXmlNode n : nodes) {
                if (n instanceof Element e) {
                    if (droppable(e)) {
                        throw new NotCompilable();
                    }
                    if (e.name().equals("System")) {
                        code.add(SYSTEM, systems.size());
                        systems.add(system(e));
                    } else if (e.name().equals("EventData")) {
                        int[] data = dataLevel(e.children());
                        code.add(EVENT_DATA, dataPrograms.size());
                        dataPrograms.add(data);
                    } else {
                        throw new NotCompilable(); // UserData, RenderingInfo...: XML text of a subtree
                    }
                } else if (n instanceof Substitution s) {
                    code.add(FRAGMENT, sub(s.index(), s.optional()));
                } else if (n instanceof TemplateInstance) {
                    throw new NotCompilable();
                }
                // Static nodes and values among the event's children are ignored by the mapping.
            }
            return code.toArray();
        }

        /** TemplateEventMapper.mapSystem. */
        int[] system(Element system) {
            int[] f = new int[FIELDS];
            Arrays.fill(f, UNSET);
            boolean[] seen = new boolean[16];
            for (BinXmlNode n : system.children()) {
                if (n instanceof Substitution || n instanceof TemplateInstance) {
                    throw new NotCompilable(); // could expand to more System children
                }
                if (!(n instanceof Element e)) {
                    continue;
                }
                int kind = systemElement(e.name());
                if (kind < 0) {
                    continue; // an element the mapping does not read
                }
                if (seen[kind] || droppable(e)) {
                    throw new NotCompilable(); // a second one overrides the first: left to the general path
                }
                seen[kind] = true;
                noDuplicateAttributes(e);
                switch (e.name()) {
                    case "Provider":
                        f[PROVIDER_NAME] = textAttribute(e, "Name");
                        f[PROVIDER_GUID] = textAttribute(e, "Guid");
                        f[EVENT_SOURCE_NAME] = textAttribute(e, "EventSourceName");
                        break;
                    case "EventID":
                        f[EVENT_ID] = numberContent(e);
                        f[QUALIFIERS] = numberAttribute(e, "Qualifiers");
                        break;
                    case "Version": f[VERSION] = numberContent(e); break;
                    case "Level": f[LEVEL] = numberContent(e); break;
                    case "Task": f[TASK] = numberContent(e); break;
                    case "Opcode": f[OPCODE] = numberContent(e); break;
                    case "Keywords": f[KEYWORDS] = numberContent(e); break;
                    case "TimeCreated": f[TIME_CREATED] = valueAttribute(e, "SystemTime"); break;
                    case "EventRecordID": f[RECORD_ID] = numberContent(e); break;
                    case "Correlation":
                        f[ACTIVITY_ID] = valueAttribute(e, "ActivityID");
                        f[RELATED_ACTIVITY_ID] = valueAttribute(e, "RelatedActivityID");
                        break;
                    case "Execution":
                        f[PROCESS_ID] = numberAttribute(e, "ProcessID");
                        f[THREAD_ID] = numberAttribute(e, "ThreadID");
                        f[PROCESSOR_ID] = numberAttribute(e, "ProcessorID");
                        f[SESSION_ID] = numberAttribute(e, "SessionID");
                        f[KERNEL_TIME] = numberAttribute(e, "KernelTime");
                        f[USER_TIME] = numberAttribute(e, "UserTime");
                        f[PROCESSOR_TIME] = numberAttribute(e, "ProcessorTime");
                        break;
                    case "Channel": {
                        int s = textContent(e);
                        // An empty channel is null.
                        f[CHANNEL] = s == EMPTY || (isLiteral(s) && ((byte[]) literals.get(literalIndex(s))).length == 2)
                                ? literalNull() : s;
                        break;
                    }
                    case "Computer": f[COMPUTER] = textContent(e); break;
                    case "Security": f[USER_SID] = valueAttribute(e, "UserID"); break;
                    default: throw new IllegalStateException(e.name());
                }
            }
            return f;
        }

        private static int systemElement(String name) {
            switch (name) {
                case "Provider": return 0;
                case "EventID": return 1;
                case "Version": return 2;
                case "Level": return 3;
                case "Task": return 4;
                case "Opcode": return 5;
                case "Keywords": return 6;
                case "TimeCreated": return 7;
                case "EventRecordID": return 8;
                case "Correlation": return 9;
                case "Execution": return 10;
                case "Channel": return 11;
                case "Computer": return 12;
                case "Security": return 13;
                default: return -1;
            }
        }

        /** TemplateEventMapper.mapEventData. */
        int[] dataLevel(List<BinXmlNode> nodes) {
            IntList code = new IntList();
            boolean binary = false;
            for (BinXmlNode n : nodes) {
                if (n instanceof Element e) {
                    noDuplicateAttributes(e);
                    if (e.name().equals("Data")) {
                        int name = textAttribute(e, "Name");
                        int value = valueContent(e);
                        code.add(droppable(e) ? DATA_DROPPABLE : DATA, name, value);
                    } else if (e.name().equals("Binary")) {
                        if (binary || droppable(e)) {
                            throw new NotCompilable();
                        }
                        binary = true;
                        code.add(BINARY, UNSET, valueContent(e));
                    } else {
                        throw new NotCompilable(); // kept whole as XML by the tree path
                    }
                } else if (n instanceof Substitution s) {
                    code.add(UNNAMED, UNSET, sub(s.index(), s.optional()));
                } else if (n instanceof TemplateInstance) {
                    throw new NotCompilable();
                } else if (n instanceof Value v && !v.value().isNull()) {
                    throw new NotCompilable(); // a static item without a name: rare, left to the general path
                }
            }
            return code.toArray();
        }

        // ---- sources ------------------------------------------------------------------------

        /** The content of a field element: nothing, one substitution, or one static value (not allowed here). */
        private int valueContent(Element e) {
            List<BinXmlNode> children = e.children();
            if (children.isEmpty()) {
                return EMPTY;
            }
            if (children.size() == 1 && children.get(0) instanceof Substitution s) {
                return sub(s.index(), s.optional());
            }
            throw new NotCompilable();
        }

        /** A number field's content: static numbers are not taken (no real log has them; the general path maps them). */
        private int numberContent(Element e) {
            return valueContent(e);
        }

        private int textContent(Element e) {
            List<BinXmlNode> children = e.children();
            if (children.size() == 1 && children.get(0) instanceof Value v && !v.value().type().isArray()) {
                return literalText(v.value().text());
            }
            return valueContent(e);
        }

        /**
         * An attribute's single part; {@link #UNSET} when there is no such attribute or it renders
         * nothing (TemplateEventMapper then reads the field as null).
         */
        private int attributePart(Element e, String name, boolean literalAllowed) {
            for (Attribute a : e.attributes()) {
                if (!a.name().equals(name)) {
                    continue;
                }
                List<BinXmlNode> parts = a.value();
                if (parts.isEmpty()) {
                    return UNSET;
                }
                if (parts.size() == 1 && parts.get(0) instanceof Substitution s) {
                    return sub(s.index(), s.optional());
                }
                if (parts.size() == 1 && parts.get(0) instanceof Value v && !v.value().type().isArray()) {
                    if (v.value().isNull()) {
                        return UNSET;
                    }
                    if (literalAllowed) {
                        return Integer.MIN_VALUE; // the caller makes the literal
                    }
                }
                throw new NotCompilable();
            }
            return UNSET;
        }

        private int valueAttribute(Element e, String name) {
            return attributePart(e, name, false);
        }

        private int textAttribute(Element e, String name) {
            int s = attributePart(e, name, true);
            return s == Integer.MIN_VALUE ? literalText(staticValue(e, name).text()) : s;
        }

        private int numberAttribute(Element e, String name) {
            return attributePart(e, name, false);
        }

        private static EventValue staticValue(Element e, String name) {
            for (Attribute a : e.attributes()) {
                if (a.name().equals(name)) {
                    return ((Value) a.value().get(0)).value();
                }
            }
            throw new IllegalStateException(name);
        }

        private int literalText(String s) {
            StringBuilder sb = new StringBuilder(s.length() + 2);
            EventJson.appendString(sb, s);
            Utf8Buffer b = new Utf8Buffer(sb.length() + 8);
            b.append(sb);
            b.flushPending();
            literals.add(Arrays.copyOf(b.array(), b.length()));
            return literal(literals.size() - 1);
        }

        private int literalNull() {
            literals.add(null);
            return literal(literals.size() - 1);
        }

        private static void noDuplicateAttributes(Element e) {
            List<Attribute> attrs = e.attributes();
            for (int i = 1; i < attrs.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (attrs.get(i).name().equals(attrs.get(j).name())) {
                        throw new NotCompilable(); // the first that renders something counts
                    }
                }
            }
        }

        /** TemplateExpander drops an element whose only content is an optional array substitution that expands to nothing. */
        private static boolean droppable(Element e) {
            List<BinXmlNode> children = e.children();
            return children.size() == 1 && children.get(0) instanceof Substitution s && s.optional()
                    && (s.type() & 0x80) != 0;
        }
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] a = new int[16];
        private int n;

        void add(int... vs) {
            for (int v : vs) {
                if (n == a.length) {
                    a = Arrays.copyOf(a, n * 2);
                }
                a[n++] = v;
            }
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
