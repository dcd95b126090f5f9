package io.winlog.evtx.write;

import io.winlog.api.EventRejectedException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML text (the children of UserData, or another top-level event element) parsed into the shape
 * a template needs: elements and attribute names become the template's structure, and every text
 * and attribute value becomes a WString substitution, so events with the same UserData layout
 * share one template as they do on Windows.
 *
 * <p>Bounded: at most {@link #MAX_DEPTH} levels and {@link #MAX_NODES} elements; DTDs and
 * external entities are refused. Names are not namespace-processed: {@code xmlns} declarations
 * stay ordinary attributes and prefixes stay part of the name, which is how BinXml stores them.
 * Whitespace-only text next to child elements (indentation) is dropped; text inside a leaf
 * element is kept exactly.
 */
final class XmlFragment {
    static final int MAX_DEPTH = 64;
    static final int MAX_NODES = 4096;

    private static final XMLInputFactory FACTORY = newFactory();

    /** The top-level nodes (elements, or text substitutions). */
    final List<TemplateNode> nodes;
    /** The text values in substitution order; their indexes are relative (0..). */
    final List<String> values;
    /** A string that is equal for equal structures: part of the template key. */
    final String signature;

    private XmlFragment(List<TemplateNode> nodes, List<String> values, String signature) {
        this.nodes = nodes;
        this.values = values;
        this.signature = signature;
    }

    /**
     * Parses {@code xml}; substitution indexes in the tree start at {@code firstIndex}.
     *
     * @throws EventRejectedException when the text is not well-formed or too deep/large
     */
    static XmlFragment parse(String xml, String what, int firstIndex) {
        List<String> values = new ArrayList<>();
        StringBuilder sig = new StringBuilder();
        List<List<TemplateNode>> stack = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<List<TemplateNode.Attr>> attrStack = new ArrayList<>();
        List<TemplateNode> top = new ArrayList<>();
        stack.add(top);
        StringBuilder text = new StringBuilder();
        int count = 0;
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new StringReader(
                    "<?xml version=\"1.1\"?><winlog-fragment>" + protect(xml) + "</winlog-fragment>"));
            r.next(); // the wrapper start element
            boolean[] childSeen = new boolean[MAX_DEPTH + 2];
            int depth = 0;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        flushText(text, true, stack.get(stack.size() - 1), values, sig, firstIndex);
                        childSeen[depth] = true;
                        depth++;
                        if (depth > MAX_DEPTH) {
                            throw new EventRejectedException(what + " nests deeper than " + MAX_DEPTH
                                    + " elements; flatten it");
                        }
                        if (++count > MAX_NODES) {
                            throw new EventRejectedException(what + " has more than " + MAX_NODES + " elements");
                        }
                        childSeen[depth] = false;
                        String name = qualified(r.getPrefix(), r.getLocalName());
                        List<TemplateNode.Attr> attrs = new ArrayList<>(r.getAttributeCount());
                        sig.append('<').append(name.length()).append(':').append(name);
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String an = qualified(r.getAttributePrefix(i), r.getAttributeLocalName(i));
                            String av = r.getAttributeValue(i);
                            sig.append(' ').append(an.length()).append(':').append(an);
                            if (av.isEmpty()) {
                                // an empty value is literal template text: libevtx drops a record whose
                                // attribute substitution is an empty string
                                attrs.add(new TemplateNode.Attr(an, new TemplateNode.Text("")));
                                sig.append("=''");
                                continue;
                            }
                            attrs.add(new TemplateNode.Attr(an,
                                    new TemplateNode.Subst(firstIndex + values.size(), 0x01)));
                            values.add(av);
                        }
                        sig.append('>');
                        names.add(name);
                        attrStack.add(attrs);
                        stack.add(new ArrayList<>());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth == 0) {
                            flushText(text, !top.isEmpty(), top, values, sig, firstIndex);
                            break; // the wrapper
                        }
                        flushText(text, childSeen[depth], stack.get(stack.size() - 1), values, sig, firstIndex);
                        List<TemplateNode> children = stack.remove(stack.size() - 1);
                        TemplateNode.Element e = new TemplateNode.Element(names.remove(names.size() - 1),
                                List.copyOf(attrStack.remove(attrStack.size() - 1)), List.copyOf(children));
                        stack.get(stack.size() - 1).add(e);
                        sig.append("</>");
                        depth--;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                            XMLStreamConstants.ENTITY_REFERENCE -> text.append(r.getText());
                    case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                        // not event data: Windows' renderer never produces them inside UserData
                    }
                    case XMLStreamConstants.DTD -> throw new EventRejectedException(what + " must not contain a DTD");
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new EventRejectedException(what + " is not well-formed XML (" + e.getMessage()
                    + "); pass the children of the element as XML text, e.g. <MyData><Item>1</Item></MyData>");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release for a string source
                }
            }
        }
        return new XmlFragment(List.copyOf(top), values, sig.toString());
    }

    /**
     * Turns the characters an XML parser would normalize or refuse into character references,
     * so the values come through exactly: CR and the XML 1.1 line ends (U+0085, U+2028) in
     * text, TAB/LF/CR in attribute values (attribute-value normalization), and control
     * characters (the fragment is parsed as XML 1.1, where {@code &#1;} is allowed). Markup,
     * comments and CDATA sections pass unchanged.
     */
    static String protect(String xml) {
        StringBuilder sb = null;
        int n = xml.length();
        boolean inTag = false;
        char quote = 0;
        for (int i = 0; i < n; i++) {
            char ch = xml.charAt(i);
            if (!inTag && ch == '<') {
                String skipTo = xml.startsWith("<![CDATA[", i) ? "]]>" : xml.startsWith("<!--", i) ? "-->"
                        : xml.startsWith("<?", i) ? "?>" : null;
                if (skipTo != null) {
                    int end = xml.indexOf(skipTo, i);
                    end = end < 0 ? n : end + skipTo.length();
                    if (sb != null) {
                        sb.append(xml, i, end);
                    }
                    i = end - 1;
                    continue;
                }
                inTag = true;
            } else if (inTag && quote == 0 && ch == '>') {
                inTag = false;
            } else if (inTag && (ch == '"' || ch == '\'')) {
                quote = quote == 0 ? ch : quote == ch ? 0 : quote;
            }
            boolean escape;
            if (inTag) {
                escape = quote != 0 && (ch < 0x20 || ch == 0x85 || ch == 0x2028 || ch >= 0x7F && ch <= 0x9F);
            } else {
                escape = ch < 0x20 && ch != '\n' && ch != '\t' || ch == 0x85 || ch == 0x2028 || ch >= 0x7F && ch <= 0x9F;
            }
            if (escape) {
                if (sb == null) {
                    sb = new StringBuilder(n + 16).append(xml, 0, i);
                }
                sb.append("&#").append((int) ch).append(';');
            } else if (sb != null) {
                sb.append(ch);
            }
        }
        return sb == null ? xml : sb.toString();
    }

    private static void flushText(StringBuilder text, boolean besideElements, List<TemplateNode> into,
                                  List<String> values, StringBuilder sig, int firstIndex) {
        if (text.length() == 0) {
            return;
        }
        String s = text.toString();
        text.setLength(0);
        if (besideElements && s.isBlank()) {
            return;
        }
        into.add(new TemplateNode.Subst(firstIndex + values.size(), 0x01));
        values.add(s);
        sig.append('%');
    }

    /** The name as written: BinXml stores {@code prefix:local} as one name. */
    private static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        return f;
    }
}
