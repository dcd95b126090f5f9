package io.winlog.api.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * A small, bounded XML reader for the two XML inputs of the filter: structured
 * {@code <QueryList>} documents and an event's UserData fragment. Elements, attributes, text,
 * CDATA, comments, processing instructions and the five predefined entities plus character
 * references; no DTDs. Depth is bounded, every offset is checked, and errors carry the character
 * position, so hostile input ends in a {@link XmlError}, never in a crash or a hang.
 */
final class MiniXml {
    /** Deepest element nesting accepted. */
    static final int MAX_DEPTH = 256;

    /** A parse error at a character position. */
    static final class XmlError extends Exception {
        private static final long serialVersionUID = 1L;
        final int position;

        XmlError(String message, int position) {
            super(message, null, false, false);
            this.position = position;
        }
    }

    /** Text content with the position of its first character in the input. */
    record Text(String text, int start) {
    }

    /** An element: qualified name, attributes in order, children (Element or Text). */
    static final class Element {
        final String name;
        final String localName;
        final List<String> attributes = new ArrayList<>(4); // name, value, name, value, ...
        final List<Object> children = new ArrayList<>(4);
        final int start;

        Element(String name, int start) {
            this.name = name;
            int colon = name.indexOf(':');
            this.localName = colon < 0 ? name : name.substring(colon + 1);
            this.start = start;
        }

        /** The attribute with this name (qualified or local), or null. */
        String attribute(String n) {
            for (int i = 0; i < attributes.size(); i += 2) {
                String a = attributes.get(i);
                if (a.equals(n) || (a.endsWith(n) && a.length() > n.length() && a.charAt(a.length() - n.length() - 1) == ':'
                        && !a.startsWith("xmlns"))) {
                    return attributes.get(i + 1);
                }
            }
            return null;
        }

        /** XPath string-value: the concatenated text of all descendants. */
        String textContent() {
            if (children.size() == 1 && children.get(0) instanceof Text t) {
                return t.text();
            }
            StringBuilder sb = new StringBuilder();
            appendText(sb, 0);
            return sb.toString();
        }

        private void appendText(StringBuilder sb, int depth) {
            for (Object c : children) {
                if (c instanceof Text t) {
                    sb.append(t.text());
                } else if (depth < MAX_DEPTH) {
                    ((Element) c).appendText(sb, depth + 1);
                }
            }
        }
    }

    private final String s;
    private int pos;

    private MiniXml(String s) {
        this.s = s;
    }

    /** Parses a document with exactly one root element (prolog, comments and whitespace around it allowed). */
    static Element parseDocument(String s) throws XmlError {
        MiniXml p = new MiniXml(s);
        List<Object> top = p.content(null, 0);
        Element root = null;
        for (Object o : top) {
            if (o instanceof Element e) {
                if (root != null) {
                    throw new XmlError("expected the end of the document after the root element", e.start);
                }
                root = e;
            } else if (!((Text) o).text().isBlank()) {
                throw new XmlError("expected an element, found text", ((Text) o).start());
            }
        }
        if (root == null) {
            throw new XmlError("expected a root element", s.length());
        }
        return root;
    }

    /** Parses a fragment (any number of top-level elements and text). */
    static List<Object> parseFragment(String s) throws XmlError {
        return new MiniXml(s).content(null, 0);
    }

    /** Content up to the end tag of {@code parent} (or the end of input when parent is null). */
    private List<Object> content(Element parent, int depth) throws XmlError {
        List<Object> out = parent == null ? new ArrayList<>() : parent.children;
        StringBuilder text = null;
        int textStart = -1;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '<') {
                if (s.startsWith("<!--", pos)) {
                    int end = s.indexOf("-->", pos + 4);
                    if (end < 0) {
                        throw new XmlError("unterminated comment", pos);
                    }
                    pos = end + 3;
                    continue;
                }
                if (s.startsWith("<![CDATA[", pos)) {
                    int end = s.indexOf("]]>", pos + 9);
                    if (end < 0) {
                        throw new XmlError("unterminated CDATA section", pos);
                    }
                    if (text == null) {
                        text = new StringBuilder();
                        textStart = pos + 9;
                    }
                    text.append(s, pos + 9, end);
                    pos = end + 3;
                    continue;
                }
                if (s.startsWith("<?", pos)) {
                    int end = s.indexOf("?>", pos + 2);
                    if (end < 0) {
                        throw new XmlError("unterminated processing instruction", pos);
                    }
                    pos = end + 2;
                    continue;
                }
                if (s.startsWith("<!", pos)) {
                    throw new XmlError("DTDs and declarations are not supported", pos);
                }
                if (text != null) {
                    out.add(new Text(text.toString(), textStart));
                    text = null;
                }
                if (s.startsWith("</", pos)) {
                    if (parent == null) {
                        throw new XmlError("unexpected end tag", pos);
                    }
                    int nameStart = pos + 2;
                    String name = name(nameStart);
                    if (!name.equals(parent.name)) {
                        throw new XmlError("expected </" + parent.name + ">", pos);
                    }
                    pos = nameStart + name.length();
                    skipSpace();
                    expect('>');
                    return out;
                }
                out.add(element(depth));
                continue;
            }
            if (text == null) {
                text = new StringBuilder();
                textStart = pos;
            }
            if (c == '&') {
                text.append(entity());
            } else {
                text.append(c);
                pos++;
            }
        }
        if (parent != null) {
            throw new XmlError("expected </" + parent.name + ">", pos);
        }
        if (text != null) {
            out.add(new Text(text.toString(), textStart));
        }
        return out;
    }

    private Element element(int depth) throws XmlError {
        if (depth >= MAX_DEPTH) {
            throw new XmlError("elements nested deeper than " + MAX_DEPTH, pos);
        }
        int start = pos;
        pos++; // '<'
        String name = name(pos);
        pos += name.length();
        Element e = new Element(name, start);
        while (true) {
            boolean space = skipSpace();
            if (pos >= s.length()) {
                throw new XmlError("unterminated start tag <" + name, start);
            }
            char c = s.charAt(pos);
            if (c == '/') {
                pos++;
                expect('>');
                return e;
            }
            if (c == '>') {
                pos++;
                content(e, depth + 1);
                return e;
            }
            if (!space) {
                throw new XmlError("expected whitespace, '>' or '/>'", pos);
            }
            String an = name(pos);
            pos += an.length();
            skipSpace();
            expect('=');
            skipSpace();
            if (pos >= s.length() || (s.charAt(pos) != '"' && s.charAt(pos) != '\'')) {
                throw new XmlError("expected a quoted attribute value", pos);
            }
            char q = s.charAt(pos++);
            StringBuilder v = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw new XmlError("unterminated attribute value", pos);
                }
                char d = s.charAt(pos);
                if (d == q) {
                    pos++;
                    break;
                }
                if (d == '<') {
                    throw new XmlError("'<' in attribute value", pos);
                }
                if (d == '&') {
                    v.append(entity());
                } else {
                    v.append(d);
                    pos++;
                }
            }
            e.attributes.add(an);
            e.attributes.add(v.toString());
        }
    }

    private String name(int from) throws XmlError {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.' || c > 0x7F) {
                i++;
            } else {
                break;
            }
        }
        if (i == from || Character.isDigit(s.charAt(from)) || s.charAt(from) == '-' || s.charAt(from) == '.') {
            throw new XmlError("expected a name", from);
        }
        return s.substring(from, i);
    }

    private String entity() throws XmlError {
        int start = pos;
        int semi = s.indexOf(';', pos);
        if (semi < 0 || semi - pos > 12) {
            throw new XmlError("unterminated entity reference", start);
        }
        String ent = s.substring(pos + 1, semi);
        pos = semi + 1;
        switch (ent) {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "quot": return "\"";
            case "apos": return "'";
            default:
                if (ent.startsWith("#")) {
                    try {
                        int cp = ent.startsWith("#x") || ent.startsWith("#X")
                                ? Integer.parseInt(ent.substring(2), 16) : Integer.parseInt(ent.substring(1));
                        if (Character.isValidCodePoint(cp)) {
                            return new String(Character.toChars(cp));
                        }
                    } catch (NumberFormatException e) {
                        // fall through to the error
                    }
                }
                throw new XmlError("unknown entity &" + ent + ";", start);
        }
    }

    private boolean skipSpace() {
        int from = pos;
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
        return pos > from;
    }

    private void expect(char c) throws XmlError {
        if (pos >= s.length() || s.charAt(pos) != c) {
            throw new XmlError("expected '" + c + "'", pos);
        }
        pos++;
    }
}
