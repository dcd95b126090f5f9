package io.winlog.api.filter;

import io.winlog.api.event.EventValue;
import io.winlog.api.event.NamedValue;
import io.winlog.api.event.ValueType;
import java.util.List;

/**
 * One compiled location step ({@code System}, {@code Data[@Name='x']}, {@code @SystemTime}, ...).
 * The parser resolves each step against the fixed shape of event XML, so at run time a step walks
 * only the nodes that can match: the record's fields, its Data items, or the parsed UserData.
 *
 * <p>{@link #any} feeds each matching node that passes the step's predicates to {@code next} and
 * stops at the first {@code true}: every use of a node-set in the event query language is
 * existential (a predicate, a comparison, {@code band()}'s first node), so nothing is collected.
 */
abstract class Step {
    /** Receives the nodes a path selects; returns true to stop (the path is satisfied). */
    interface Sink {
        boolean accept(EvalContext c, Object node);
    }

    /** The terminal sink of a path used as a boolean: any node satisfies it. */
    static final Sink EXISTS = (c, node) -> true;

    private Expr[] predicates = new Expr[0];

    void setPredicates(Expr[] p) {
        predicates = p;
    }

    boolean hasPredicates() {
        return predicates.length > 0;
    }

    abstract boolean any(EvalContext c, Object context, Sink next);

    final boolean emit(EvalContext c, Object node, Sink next) {
        for (Expr p : predicates) {
            if (!p.test(c, node)) {
                return false;
            }
        }
        return next.accept(c, node);
    }

    /** A step that can select nothing (a name that never occurs at this place in event XML). */
    static final class Nothing extends Step {
        @Override
        boolean any(EvalContext c, Object context, Sink next) {
            return false;
        }
    }

    /** One or more fixed elements ({@code System}, {@code EventID}, {@code *} under System ...). */
    static final class Fixed extends Step {
        private final EventNode[] targets;

        Fixed(List<EventNode> targets) {
            this.targets = targets.toArray(new EventNode[0]);
        }

        @Override
        boolean any(EvalContext c, Object context, Sink next) {
            for (EventNode t : targets) {
                if (t.exists(c.record) && emit(c, t, next)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Children of {@code <EventData>}: {@code <Data>} items (an array value is one Data element
     * per element, as Windows renders it), {@code <Binary>}, and other child elements (unnamed
     * EvtXml values such as {@code <ComplexData>}). {@code name} null means {@code *}.
     */
    static final class EventDataChildren extends Step {
        private final String name;
        private final boolean data;
        private final boolean binary;

        EventDataChildren(String name) {
            this.name = name;
            this.data = name == null || name.equals("Data");
            this.binary = name == null || name.equals("Binary");
        }

        @Override
        boolean any(EvalContext c, Object context, Sink next) {
            List<NamedValue> items = c.record.eventData();
            for (int i = 0, n = items.size(); i < n; i++) {
                NamedValue nv = items.get(i);
                ValueType t = nv.value().type();
                if (t == ValueType.EVT_XML && nv.name() == null) {
                    if (childElement(c, nv.value().asString(), next)) {
                        return true;
                    }
                } else if (data) {
                    if (t.isArray()) {
                        for (EventValue e : nv.value().elements()) {
                            if (emit(c, new NamedValue(nv.name(), e), next)) {
                                return true;
                            }
                        }
                    } else if (emit(c, nv, next)) {
                        return true;
                    }
                }
            }
            return binary && c.record.hasBinaryData() && emit(c, EventNode.BINARY, next);
        }

        private boolean childElement(EvalContext c, String xml, Sink next) {
            if (data && name != null) {
                return false; // looking for Data only
            }
            List<Object> nodes;
            try {
                nodes = MiniXml.parseFragment(xml);
            } catch (MiniXml.XmlError e) {
                return false;
            }
            for (Object o : nodes) {
                if (o instanceof MiniXml.Element e && (name == null || name.equals(e.localName)) && emit(c, e, next)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The top-level elements inside {@code <UserData>}. */
    static final class UserDataChildren extends Step {
        private final String name;

        UserDataChildren(String name) {
            this.name = name;
        }

        @Override
        boolean any(EvalContext c, Object context, Sink next) {
            for (Object o : c.userData()) {
                if (o instanceof MiniXml.Element e && (name == null || name.equals(e.localName)) && emit(c, e, next)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Child elements of a UserData (or EventData child) element, matched by local name. */
    static final class XmlChildren extends Step {
        private final String name;

        XmlChildren(String name) {
            this.name = name;
        }

        @Override
        boolean any(EvalContext c, Object context, Sink next) {
            if (!(context instanceof MiniXml.Element parent)) {
                return false;
            }
            for (Object o : parent.children) {
                if (o instanceof MiniXml.Element e && (name == null || name.equals(e.localName)) && emit(c, e, next)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code RenderingInfo/Keywords/Keyword}. */
    static final class RenderingKeywords extends Step {
        @Override
        boolean any(EvalContext c, Object context, Sink next) {
            if (c.record.renderingInfo() == null) {
                return false;
            }
            for (String k : c.record.renderingInfo().keywords()) {
                if (emit(c, new NodeValues.Keyword(k), next)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** An attribute ({@code @Name}): the value of the context element's attribute, if present. */
    static final class Attribute extends Step {
        private final String name;

        Attribute(String name) {
            this.name = name;
        }

        @Override
        boolean any(EvalContext c, Object context, Sink next) {
            Object v;
            if (context instanceof EventNode n) {
                v = n.attribute(c.record, name);
            } else if (context instanceof NamedValue nv) {
                v = name.equals("Name") ? nv.name() : null;
            } else if (context instanceof MiniXml.Element e) {
                v = e.attribute(name);
            } else {
                v = null;
            }
            return v != null && next.accept(c, v);
        }
    }

    /**
     * Children by name where the context is not known when compiling (after a {@code *}):
     * dispatches on the run-time node.
     */
    static final class AnyChildren extends Step {
        private final String name;
        private final EventDataChildren eventData;
        private final UserDataChildren userData;
        private final XmlChildren xml;
        private final RenderingKeywords keywords = new RenderingKeywords();

        AnyChildren(String name) {
            this.name = name;
            this.eventData = new EventDataChildren(name);
            this.userData = new UserDataChildren(name);
            this.xml = new XmlChildren(name);
        }

        @Override
        void setPredicates(Expr[] p) {
            super.setPredicates(p);
            eventData.setPredicates(p);
            userData.setPredicates(p);
            xml.setPredicates(p);
            keywords.setPredicates(p);
        }

        @Override
        boolean any(EvalContext c, Object context, Sink next) {
            if (context instanceof EventNode n) {
                switch (n) {
                    case DOCUMENT:
                        return (name == null || name.equals("Event")) && emit(c, EventNode.EVENT, next);
                    case EVENT_DATA:
                        return eventData.any(c, context, next);
                    case USER_DATA:
                        return userData.any(c, context, next);
                    case RI_KEYWORDS:
                        return (name == null || name.equals("Keyword")) && keywords.any(c, context, next);
                    default:
                        for (EventNode child : n.fixedChildren()) {
                            if ((name == null || name.equals(child.elementName)) && child.exists(c.record)
                                    && emit(c, child, next)) {
                                return true;
                            }
                        }
                        return false;
                }
            }
            if (context instanceof MiniXml.Element) {
                return xml.any(c, context, next);
            }
            return false;
        }
    }
}
