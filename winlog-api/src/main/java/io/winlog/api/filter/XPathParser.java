package io.winlog.api.filter;

import io.winlog.api.InvalidQueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses one XPath expression of the Windows event query subset and compiles it to an
 * {@link Expr}. Recursive descent over a hand-written lexer; nesting depth is bounded
 * ({@link #MAX_DEPTH}), every error is an {@link InvalidQueryException} with the character
 * position and what was expected.
 *
 * <p>Grammar (XPath 1.0 restricted as Windows documents it):
 * <pre>
 * expr     := and ('or' and)*
 * and      := cmp ('and' cmp)*
 * cmp      := operand (('=' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') operand)?
 * operand  := '(' expr ')' | string | number | function | path
 * function := 'not' '(' expr ')' | 'band' '(' num ',' num ')' | 'timediff' '(' path ')'
 * path     := '/'? step ('/' step)*
 * step     := (name | '*' | 'child::' name) predicate* | ('@' | 'attribute::') name
 * number   := digits | '0x' hexdigits          (unsigned 64-bit)
 * </pre>
 */
final class XPathParser {
    /** Deepest nesting of parentheses, predicates and function calls. */
    static final int MAX_DEPTH = 64;
    /** Longest XPath expression accepted (Windows' own limit is far lower). */
    static final int MAX_LENGTH = 1 << 20;

    private static final Set<String> XPATH_FUNCTIONS = Set.of("contains", "starts-with", "position", "last", "count",
            "string", "concat", "substring", "substring-before", "substring-after", "string-length", "normalize-space",
            "translate", "boolean", "true", "false", "number", "sum", "floor", "ceiling", "round", "lang", "name",
            "local-name", "namespace-uri", "id", "ends-with", "matches", "lower-case", "upper-case");
    private static final Set<String> NODE_TESTS = Set.of("text", "node", "comment", "processing-instruction");

    private enum T { LPAREN, RPAREN, LBRACK, RBRACK, SLASH, AT, COMMA, STAR, EQ, NE, LT, LE, GT, GE, AXIS, NAME, STRING, NUMBER, EOF }

    /** What the compiler knows about the nodes an expression's context can be. */
    private static final class Shape {
        static final Shape DATA = new Shape(null, "data");
        static final Shape XML = new Shape(null, "xml");
        static final Shape KEYWORD = new Shape(null, "keyword");
        static final Shape ATTR = new Shape(null, "attribute");
        static final Shape NONE = new Shape(null, "none");
        static final Shape MIXED = new Shape(null, "mixed");

        final List<EventNode> fixed;
        final String kind;

        Shape(List<EventNode> fixed, String kind) {
            this.fixed = fixed;
            this.kind = kind;
        }

        static Shape of(List<EventNode> nodes) {
            return nodes.isEmpty() ? NONE : new Shape(List.copyOf(nodes), "fixed");
        }
    }

    private final String src;
    private final int offset; // added to positions in errors (QueryList text inside a document)
    private final String reported; // the text errors quote
    private int pos;
    private T tok;
    private int tokPos;
    private String tokText;
    private long tokNumber;
    private int depth;

    private XPathParser(String src, int offset, String reported) {
        this.src = src;
        this.offset = offset;
        this.reported = reported;
    }

    /** Compiles {@code xpath}; error positions are {@code offset} + position in {@code xpath}, quoting {@code reported}. */
    static Expr compile(String xpath, int offset, String reported) {
        XPathParser p = new XPathParser(xpath, offset, reported);
        if (xpath.length() > MAX_LENGTH) {
            throw p.error("query longer than " + MAX_LENGTH + " characters", 0);
        }
        p.next();
        if (p.tok == T.EOF) {
            throw p.error("expected an XPath expression such as * or *[System[EventID=4624]]", p.tokPos);
        }
        Operand top = p.expr(Shape.of(List.of(EventNode.DOCUMENT)));
        if (p.tok != T.EOF) {
            throw p.error("expected 'and', 'or', a comparison or the end of the query", p.tokPos);
        }
        if (top.kind == Operand.Kind.STRING || top.kind == Operand.Kind.NUMBER) {
            throw p.error("a query must select events: start with * or Event, e.g. *[System[Level=2]]", 0);
        }
        return p.toBoolean(top);
    }

    // ---- operands -----------------------------------------------------------------------

    /** An expression before it is known how it is used (a path may become a test or a comparison). */
    private static final class Operand {
        enum Kind { BOOL, PATH, STRING, NUMBER, NUM_FUNC }

        final Kind kind;
        final int pos;
        Expr bool;
        Expr.Path path;
        String string;
        long number;
        Expr.Num num;

        Operand(Kind kind, int pos) {
            this.kind = kind;
            this.pos = pos;
        }
    }

    private Expr toBoolean(Operand o) {
        switch (o.kind) {
            case BOOL: return o.bool;
            case PATH: return new Expr.Exists(o.path);
            case STRING: return Expr.Constant.of(!o.string.isEmpty());
            case NUMBER: return Expr.Constant.of(o.number != 0);
            default: return new Expr.NumTruth(o.num);
        }
    }

    private Expr.Num toNum(Operand o, String what) {
        switch (o.kind) {
            case NUMBER: return new Expr.NumLiteral(o.number);
            case NUM_FUNC: return o.num;
            case PATH: return new Expr.PathNumber(o.path);
            case STRING: {
                EvalContext probe = new EvalContext(null, null);
                long v = NodeValues.parse(probe, o.string);
                if (probe.nan || probe.negative) {
                    throw error(what + " needs a number, found the string '" + o.string + "'", o.pos);
                }
                return new Expr.NumLiteral(v);
            }
            default:
                throw error(what + " needs a number or a path, found a boolean expression", o.pos);
        }
    }

    private Operand expr(Shape ctx) {
        enter();
        Operand left = and(ctx);
        while (isName("or")) {
            next();
            Operand right = and(ctx);
            Operand o = new Operand(Operand.Kind.BOOL, left.pos);
            o.bool = new Expr.Or(toBoolean(left), toBoolean(right));
            left = o;
        }
        depth--;
        return left;
    }

    private Operand and(Shape ctx) {
        Operand left = comparison(ctx);
        while (isName("and")) {
            next();
            Operand right = comparison(ctx);
            Operand o = new Operand(Operand.Kind.BOOL, left.pos);
            o.bool = new Expr.And(toBoolean(left), toBoolean(right));
            left = o;
        }
        return left;
    }

    private Operand comparison(Shape ctx) {
        Operand left = operand(ctx);
        Expr.Op op = op(tok);
        if (op == null) {
            return left;
        }
        int opPos = tokPos;
        next();
        Operand right = operand(ctx);
        if (op(tok) != null) {
            throw error("chained comparisons are not supported; combine comparisons with 'and'", tokPos);
        }
        Operand o = new Operand(Operand.Kind.BOOL, left.pos);
        o.bool = compare(left, op, right, opPos);
        return o;
    }

    private Expr compare(Operand l, Expr.Op op, Operand r, int opPos) {
        if (l.kind == Operand.Kind.BOOL || r.kind == Operand.Kind.BOOL) {
            throw error("expected a path, a string, a number, band() or timediff() on both sides of '" + op.symbol + "'",
                    l.kind == Operand.Kind.BOOL ? l.pos : r.pos);
        }
        if (l.kind != Operand.Kind.PATH && r.kind == Operand.Kind.PATH) {
            return compare(r, op.flip(), l, opPos); // literal op path == path op' literal
        }
        if (l.kind == Operand.Kind.PATH) {
            switch (r.kind) {
                case STRING: return new Expr.PathVsString(l.path, op, r.string);
                case NUMBER: return new Expr.PathVsNumber(l.path, op, r.number);
                case PATH: return new Expr.PathVsPath(l.path, op, r.path);
                default: return new Expr.NumVsNum(new Expr.PathNumber(l.path), op, r.num);
            }
        }
        if (l.kind == Operand.Kind.STRING && r.kind == Operand.Kind.STRING) {
            if (op == Expr.Op.EQ || op == Expr.Op.NE) {
                return Expr.Constant.of(l.string.equals(r.string) == (op == Expr.Op.EQ));
            }
        }
        return new Expr.NumVsNum(toNum(l, "'" + op.symbol + "'"), op, toNum(r, "'" + op.symbol + "'"));
    }

    private Operand operand(Shape ctx) {
        int p = tokPos;
        switch (tok) {
            case LPAREN: {
                next();
                Operand inner = expr(ctx);
                expect(T.RPAREN, "')'");
                return inner;
            }
            case STRING: {
                Operand o = new Operand(Operand.Kind.STRING, p);
                o.string = tokText;
                next();
                return o;
            }
            case NUMBER: {
                Operand o = new Operand(Operand.Kind.NUMBER, p);
                o.number = tokNumber;
                next();
                return o;
            }
            case NAME:
                if (peekChar() == '(') {
                    return function(ctx);
                }
                if (tokText.equals("and") || tokText.equals("or")) {
                    throw error("expected a path, a string, a number or '(' before '" + tokText + "'", p);
                }
                return path(ctx);
            case SLASH: case STAR: case AT:
                return path(ctx);
            case EOF:
                throw error("unexpected end of the query: expected a path, a string, a number or '('", p);
            default:
                throw error("expected a path, a string, a number or '(' but found '" + describe() + "'", p);
        }
    }

    private Operand function(Shape ctx) {
        int p = tokPos;
        String name = tokText;
        next(); // name
        if (NODE_TESTS.contains(name)) {
            throw error("node type tests like " + name + "() are not supported by Windows event queries", p);
        }
        if (XPATH_FUNCTIONS.contains(name)) {
            throw error("function " + name + "() is not supported by Windows event queries"
                    + " (supported: band(), timediff() and not())", p);
        }
        expect(T.LPAREN, "'('");
        enter();
        Operand o;
        switch (name) {
            case "not": {
                Operand arg = expr(ctx);
                o = new Operand(Operand.Kind.BOOL, p);
                o.bool = new Expr.Not(toBoolean(arg));
                break;
            }
            case "band": {
                Operand a = expr(ctx);
                expect(T.COMMA, "',' between the two arguments of band()");
                Operand b = expr(ctx);
                o = new Operand(Operand.Kind.NUM_FUNC, p);
                o.num = new Expr.Band(toNum(a, "band()"), toNum(b, "band()"));
                break;
            }
            case "timediff": {
                int argPos = tokPos;
                Operand a = expr(ctx);
                if (a.kind != Operand.Kind.PATH) {
                    throw error("timediff() needs a path to a date-time, e.g. timediff(@SystemTime)", argPos);
                }
                o = new Operand(Operand.Kind.NUM_FUNC, p);
                o.num = new Expr.TimeDiff(a.path);
                break;
            }
            default:
                throw error("unknown function " + name + "() (supported: band(), timediff() and not())", p);
        }
        expect(T.RPAREN, "')' after the arguments of " + name + "()");
        depth--;
        return o;
    }

    // ---- paths --------------------------------------------------------------------------

    private Operand path(Shape ctx) {
        int p = tokPos;
        boolean absolute = false;
        Shape shape = ctx;
        if (tok == T.SLASH) {
            absolute = true;
            shape = Shape.of(List.of(EventNode.DOCUMENT));
            next();
        }
        List<Step> steps = new ArrayList<>();
        while (true) {
            int stepPos = tokPos;
            if (shape == Shape.ATTR) {
                throw error("an attribute has no children", stepPos);
            }
            boolean attribute = false;
            if (tok == T.AT) {
                attribute = true;
                next();
            } else if (tok == T.NAME && peekAxis()) {
                String axis = tokText;
                next();
                next(); // '::'
                if (axis.equals("attribute")) {
                    attribute = true;
                } else if (!axis.equals("child")) {
                    throw error("axis " + axis + ":: is not supported by Windows event queries (only child and attribute)",
                            stepPos);
                }
            }
            String name;
            if (tok == T.STAR) {
                if (attribute) {
                    throw error("the attribute wildcard @* is not supported; name the attribute", tokPos);
                }
                name = null;
            } else if (tok == T.NAME) {
                name = localName(tokText);
                if (peekChar() == '(' && NODE_TESTS.contains(tokText)) {
                    throw error("node type tests like " + tokText + "() are not supported by Windows event queries", tokPos);
                }
                if (peekChar() == '(') {
                    throw error("expected an element name, found a function call " + tokText + "()", tokPos);
                }
            } else {
                throw error(attribute ? "expected an attribute name after '@'" : "expected an element name or '*'", tokPos);
            }
            next();
            Step step;
            Shape next;
            if (attribute) {
                step = attributeStep(shape, name);
                next = step instanceof Step.Nothing ? Shape.NONE : Shape.ATTR;
            } else {
                Object[] resolved = childStep(shape, name);
                step = (Step) resolved[0];
                next = (Shape) resolved[1];
            }
            List<Expr> preds = new ArrayList<>();
            while (tok == T.LBRACK) {
                if (attribute) {
                    throw error("predicates on attributes are not supported", tokPos);
                }
                int predPos = tokPos;
                next();
                enter();
                Operand pred = expr(next);
                depth--;
                if (pred.kind == Operand.Kind.NUMBER) {
                    throw error("positional predicates like [" + pred.number + "] are not supported by Windows event queries",
                            predPos);
                }
                expect(T.RBRACK, "'and', 'or', a comparison or ']'");
                preds.add(toBoolean(pred));
            }
            step.setPredicates(preds.toArray(new Expr[0]));
            steps.add(step);
            shape = next;
            if (tok != T.SLASH) {
                break;
            }
            next();
        }
        Operand o = new Operand(Operand.Kind.PATH, p);
        o.path = new Expr.Path(absolute, steps);
        return o;
    }

    private static String localName(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }

    private static Step attributeStep(Shape shape, String name) {
        if (shape == Shape.NONE || shape == Shape.KEYWORD) {
            return new Step.Nothing();
        }
        if (shape == Shape.DATA && !name.equals("Name")) {
            return new Step.Nothing();
        }
        if (shape.fixed != null) {
            boolean any = false;
            for (EventNode n : shape.fixed) {
                any |= EventNode.attributeNames(n).contains(name);
            }
            if (!any) {
                return new Step.Nothing();
            }
        }
        return new Step.Attribute(name);
    }

    /** Resolves a child step against what the context can be: {step, shape of the result}. */
    private static Object[] childStep(Shape shape, String name) {
        if (shape == Shape.XML) {
            return new Object[] {new Step.XmlChildren(name), Shape.XML};
        }
        if (shape == Shape.MIXED) {
            return new Object[] {new Step.AnyChildren(name), Shape.MIXED};
        }
        if (shape.fixed == null) { // data, keyword, none
            return new Object[] {new Step.Nothing(), Shape.NONE};
        }
        List<EventNode> fixed = shape.fixed;
        if (fixed.size() == 1) {
            switch (fixed.get(0)) {
                case EVENT_DATA:
                    if (name == null) {
                        return new Object[] {new Step.EventDataChildren(null), Shape.MIXED};
                    }
                    if (name.equals("Data")) {
                        return new Object[] {new Step.EventDataChildren(name), Shape.DATA};
                    }
                    if (name.equals("Binary")) {
                        return new Object[] {new Step.EventDataChildren(name), Shape.MIXED};
                    }
                    return new Object[] {new Step.EventDataChildren(name), Shape.XML};
                case USER_DATA:
                    return new Object[] {new Step.UserDataChildren(name), Shape.XML};
                case RI_KEYWORDS:
                    return name == null || name.equals("Keyword")
                            ? new Object[] {new Step.RenderingKeywords(), Shape.KEYWORD}
                            : new Object[] {new Step.Nothing(), Shape.NONE};
                case DOCUMENT:
                    return name == null || name.equals("Event")
                            ? new Object[] {new Step.Fixed(List.of(EventNode.EVENT)), Shape.of(List.of(EventNode.EVENT))}
                            : new Object[] {new Step.Nothing(), Shape.NONE};
                default:
                    break;
            }
        }
        boolean dynamic = false;
        List<EventNode> out = new ArrayList<>();
        for (EventNode n : fixed) {
            if (n == EventNode.EVENT_DATA || n == EventNode.USER_DATA || n == EventNode.RI_KEYWORDS
                    || n == EventNode.DOCUMENT) {
                dynamic = true;
            }
            for (EventNode child : n.fixedChildren()) {
                if (name == null || name.equals(child.elementName)) {
                    out.add(child);
                }
            }
        }
        if (dynamic) {
            return new Object[] {new Step.AnyChildren(name), Shape.MIXED};
        }
        if (out.isEmpty()) {
            return new Object[] {new Step.Nothing(), Shape.NONE};
        }
        return new Object[] {new Step.Fixed(out), Shape.of(out)};
    }

    // ---- lexer --------------------------------------------------------------------------

    private void next() {
        int n = src.length();
        while (pos < n && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
        tokPos = pos;
        tokText = null;
        if (pos >= n) {
            tok = T.EOF;
            return;
        }
        char c = src.charAt(pos);
        switch (c) {
            case '(': tok = T.LPAREN; pos++; return;
            case ')': tok = T.RPAREN; pos++; return;
            case '[': tok = T.LBRACK; pos++; return;
            case ']': tok = T.RBRACK; pos++; return;
            case '@': tok = T.AT; pos++; return;
            case ',': tok = T.COMMA; pos++; return;
            case '*': tok = T.STAR; pos++; return;
            case '=': tok = T.EQ; pos++; return;
            case '/':
                if (pos + 1 < n && src.charAt(pos + 1) == '/') {
                    throw error("the descendant axis '//' is not supported by Windows event queries; write the full path",
                            pos);
                }
                tok = T.SLASH;
                pos++;
                return;
            case '!':
                if (pos + 1 < n && src.charAt(pos + 1) == '=') {
                    tok = T.NE;
                    pos += 2;
                    return;
                }
                throw error("expected '!=' ('!' alone is not an operator; use not(...))", pos);
            case '<':
                if (pos + 1 < n && src.charAt(pos + 1) == '=') {
                    tok = T.LE;
                    pos += 2;
                } else {
                    tok = T.LT;
                    pos++;
                }
                return;
            case '>':
                if (pos + 1 < n && src.charAt(pos + 1) == '=') {
                    tok = T.GE;
                    pos += 2;
                } else {
                    tok = T.GT;
                    pos++;
                }
                return;
            case ':':
                if (pos + 1 < n && src.charAt(pos + 1) == ':') {
                    tok = T.AXIS;
                    pos += 2;
                    return;
                }
                throw error("unexpected ':'", pos);
            case '\'': case '"': {
                int end = src.indexOf(c, pos + 1);
                if (end < 0) {
                    throw error("unterminated string literal: expected a closing " + c, pos);
                }
                tok = T.STRING;
                tokText = src.substring(pos + 1, end);
                pos = end + 1;
                return;
            }
            case '.':
                throw error("'.' and '..' (self and parent axes) are not supported by Windows event queries", pos);
            case '|':
                throw error("the union operator '|' is not supported; use 'or'", pos);
            case '$':
                throw error("variables are not supported in event queries", pos);
            case '+': case '-':
                throw error("arithmetic is not supported by Windows event queries (numbers are unsigned integers)", pos);
            default:
                break;
        }
        if (c >= '0' && c <= '9') {
            number();
            return;
        }
        if (isNameStart(c)) {
            int start = pos;
            pos++;
            while (pos < n && isNameChar(src.charAt(pos))) {
                pos++;
            }
            // prefix:local (but not the axis separator '::')
            if (pos + 1 < n && src.charAt(pos) == ':' && src.charAt(pos + 1) != ':' && isNameStart(src.charAt(pos + 1))) {
                pos++;
                while (pos < n && isNameChar(src.charAt(pos))) {
                    pos++;
                }
            }
            tok = T.NAME;
            tokText = src.substring(start, pos);
            return;
        }
        throw error("unexpected character '" + printable(c) + "'", pos);
    }

    private void number() {
        int n = src.length();
        int start = pos;
        long v = 0;
        if (src.charAt(pos) == '0' && pos + 1 < n && (src.charAt(pos + 1) == 'x' || src.charAt(pos + 1) == 'X')) {
            pos += 2;
            int digits = 0;
            while (pos < n && Character.digit(src.charAt(pos), 16) >= 0) {
                if (++digits > 16) {
                    throw error("number larger than 64 bits", start);
                }
                v = (v << 4) | Character.digit(src.charAt(pos), 16);
                pos++;
            }
            if (digits == 0) {
                throw error("expected hex digits after 0x", pos);
            }
        } else {
            while (pos < n && src.charAt(pos) >= '0' && src.charAt(pos) <= '9') {
                int d = src.charAt(pos) - '0';
                if (Long.compareUnsigned(v, 0x1999_9999_9999_9999L) > 0
                        || Long.compareUnsigned(v * 10 + d, v * 10) < 0) {
                    throw error("number larger than 64 bits", start);
                }
                v = v * 10 + d;
                pos++;
            }
        }
        if (pos < n && src.charAt(pos) == '.') {
            throw error("numbers in event queries are unsigned integers (no fractions)", pos);
        }
        if (pos < n && isNameChar(src.charAt(pos))) {
            throw error("expected an operator or delimiter after the number", pos);
        }
        tok = T.NUMBER;
        tokNumber = v;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 0x7F && Character.isLetter(c));
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || (c > 0x7F && Character.isLetterOrDigit(c));
    }

    /** The next non-space character after the current token, or 0. */
    private char peekChar() {
        int i = pos;
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
            i++;
        }
        return i < src.length() ? src.charAt(i) : 0;
    }

    private boolean peekAxis() {
        int i = pos;
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
            i++;
        }
        return i + 1 < src.length() && src.charAt(i) == ':' && src.charAt(i + 1) == ':';
    }

    private boolean isName(String s) {
        return tok == T.NAME && tokText.equals(s);
    }

    private void expect(T t, String what) {
        if (tok != t) {
            throw error("expected " + what + (tok == T.EOF ? " before the end of the query" : " but found '" + describe() + "'"),
                    tokPos);
        }
        next();
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("query nested deeper than " + MAX_DEPTH + " levels", tokPos);
        }
    }

    private static Expr.Op op(T t) {
        switch (t) {
            case EQ: return Expr.Op.EQ;
            case NE: return Expr.Op.NE;
            case LT: return Expr.Op.LT;
            case LE: return Expr.Op.LE;
            case GT: return Expr.Op.GT;
            case GE: return Expr.Op.GE;
            default: return null;
        }
    }

    private String describe() {
        if (tok == T.EOF) {
            return "end of query";
        }
        int end = Math.min(src.length(), Math.max(pos, tokPos + 1));
        String s = src.substring(tokPos, end);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7F ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private InvalidQueryException error(String message, int at) {
        return new InvalidQueryException(message, reported, offset + at);
    }
}
