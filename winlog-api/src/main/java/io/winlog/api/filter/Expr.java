package io.winlog.api.filter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled boolean expression of the event query language, evaluated against a context node
 * ({@link EventNode#DOCUMENT} at the top, the step's node inside a predicate). Built once by
 * {@link XPathParser}; evaluation parses nothing and allocates nothing on the common paths.
 */
abstract class Expr {
    /** The comparison operators. */
    enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator with its operands swapped ({@code a < b} is {@code b > a}). */
        Op flip() {
            switch (this) {
                case LT: return GT;
                case LE: return GE;
                case GT: return LT;
                case GE: return LE;
                default: return this;
            }
        }

        boolean holds(int cmp) {
            switch (this) {
                case EQ: return cmp == 0;
                case NE: return cmp != 0;
                case LT: return cmp < 0;
                case LE: return cmp <= 0;
                case GT: return cmp > 0;
                default: return cmp >= 0;
            }
        }

        /** The result of comparing with NaN (XPath: only {@code !=} holds). */
        boolean withNaN() {
            return this == NE;
        }
    }

    abstract boolean test(EvalContext c, Object node);

    // ---- logic --------------------------------------------------------------------------

    static final class Or extends Expr {
        private final Expr a;
        private final Expr b;

        Or(Expr a, Expr b) {
            this.a = a;
            this.b = b;
        }

        @Override
        boolean test(EvalContext c, Object node) {
            return a.test(c, node) || b.test(c, node);
        }
    }

    static final class And extends Expr {
        private final Expr a;
        private final Expr b;

        And(Expr a, Expr b) {
            this.a = a;
            this.b = b;
        }

        @Override
        boolean test(EvalContext c, Object node) {
            return a.test(c, node) && b.test(c, node);
        }
    }

    static final class Not extends Expr {
        private final Expr a;

        Not(Expr a) {
            this.a = a;
        }

        @Override
        boolean test(EvalContext c, Object node) {
            return !a.test(c, node);
        }
    }

    static final class Constant extends Expr {
        static final Constant TRUE = new Constant(true);
        static final Constant FALSE = new Constant(false);
        private final boolean value;

        private Constant(boolean value) {
            this.value = value;
        }

        static Constant of(boolean v) {
            return v ? TRUE : FALSE;
        }

        @Override
        boolean test(EvalContext c, Object node) {
            return value;
        }
    }

    // ---- paths --------------------------------------------------------------------------

    /** A location path with a terminal test for the nodes it selects. */
    static final class Path {
        final boolean absolute;
        final Step[] steps;

        Path(boolean absolute, List<Step> steps) {
            this.absolute = absolute;
            this.steps = steps.toArray(new Step[0]);
        }

        /** The sink that runs steps 1.. and then {@code terminal}. */
        Step.Sink chain(Step.Sink terminal) {
            Step.Sink s = terminal;
            for (int i = steps.length - 1; i >= 1; i--) {
                Step step = steps[i];
                Step.Sink next = s;
                s = (c, node) -> step.any(c, node, next);
            }
            return s;
        }

        boolean run(EvalContext c, Object context, Step.Sink chain) {
            return steps[0].any(c, absolute ? EventNode.DOCUMENT : context, chain);
        }
    }

    /** A path as a boolean: true if it selects any node. */
    static final class Exists extends Expr {
        private final Path path;
        private final Step.Sink chain;

        Exists(Path path) {
            this.path = path;
            this.chain = path.chain(Step.EXISTS);
        }

        @Override
        boolean test(EvalContext c, Object node) {
            return path.run(c, node, chain);
        }
    }

    /** {@code path op 'literal'}: true if any selected node compares true. */
    static final class PathVsString extends Expr {
        private final Path path;
        private final Step.Sink chain;

        PathVsString(Path path, Op op, String literal) {
            this.path = path;
            Instant literalTime = NodeValues.parseInstant(literal);
            EvalContext probe = new EvalContext(null, null);
            long literalNumber = NodeValues.parse(probe, literal);
            boolean literalIsNumber = !probe.nan;
            boolean literalNegative = probe.negative;
            this.chain = path.chain((c, node) -> {
                if (literalTime != null && (node instanceof Instant || op != Op.EQ && op != Op.NE)) {
                    Instant t = NodeValues.instant(c, node);
                    return t != null && op.holds(t.compareTo(literalTime));
                }
                if (op == Op.EQ) {
                    return NodeValues.string(c, node).equals(literal);
                }
                if (op == Op.NE) {
                    return !NodeValues.string(c, node).equals(literal);
                }
                if (!literalIsNumber) {
                    return false; // XPath: a relational comparison with a non-number is NaN
                }
                long v = NodeValues.number(c, node);
                return !c.nan && op.holds(NodeValues.compare(v, c.negative, literalNumber, literalNegative));
            });
        }

        @Override
        boolean test(EvalContext c, Object node) {
            return path.run(c, node, chain);
        }
    }

    /** {@code path op number}: true if any selected node's number compares true. */
    static final class PathVsNumber extends Expr {
        private final Path path;
        private final Step.Sink chain;

        PathVsNumber(Path path, Op op, long number) {
            this.path = path;
            this.chain = path.chain((c, node) -> {
                long v = NodeValues.number(c, node);
                return c.nan ? op.withNaN() : op.holds(NodeValues.compare(v, c.negative, number, false));
            });
        }

        @Override
        boolean test(EvalContext c, Object node) {
            return path.run(c, node, chain);
        }
    }

    /** {@code path op path}: true if some pair of selected nodes compares true. */
    static final class PathVsPath extends Expr {
        private final Path left;
        private final Path right;
        private final Step.Sink leftChain;
        private final Step.Sink rightChain;

        PathVsPath(Path left, Op op, Path right) {
            this.left = left;
            this.right = right;
            this.leftChain = left.chain((c, node) -> {
                c.collected.get(c.collected.size() - 1).add(node);
                return false; // collect all
            });
            this.rightChain = right.chain((c, node) -> {
                List<Object> lefts = c.collected.get(c.collected.size() - 1);
                for (Object l : lefts) {
                    if (op == Op.EQ || op == Op.NE) {
                        if (NodeValues.string(c, l).equals(NodeValues.string(c, node)) == (op == Op.EQ)) {
                            return true;
                        }
                    } else {
                        long a = NodeValues.number(c, l);
                        boolean an = c.nan;
                        boolean aNeg = c.negative;
                        long b = NodeValues.number(c, node);
                        if (!an && !c.nan && op.holds(NodeValues.compare(a, aNeg, b, c.negative))) {
                            return true;
                        }
                    }
                }
                return false;
            });
        }

        @Override
        boolean test(EvalContext c, Object node) {
            c.collected.add(new ArrayList<>());
            try {
                left.run(c, node, leftChain);
                return !c.collected.get(c.collected.size() - 1).isEmpty() && right.run(c, node, rightChain);
            } finally {
                c.collected.remove(c.collected.size() - 1);
            }
        }
    }

    // ---- numbers ------------------------------------------------------------------------

    /** A number-valued operand: a literal, {@code band()}, {@code timediff()} or a path's first node. */
    abstract static class Num {
        /** The value; sets {@code c.nan} and {@code c.negative}. */
        abstract long eval(EvalContext c, Object node);
    }

    static final class NumLiteral extends Num {
        final long value;

        NumLiteral(long value) {
            this.value = value;
        }

        @Override
        long eval(EvalContext c, Object node) {
            c.nan = false;
            c.negative = false;
            return value;
        }
    }

    /** XPath {@code number(path)}: the number of the first selected node, NaN when none. */
    static final class PathNumber extends Num {
        private final Path path;
        private final Step.Sink chain;

        PathNumber(Path path) {
            this.path = path;
            this.chain = path.chain((c, node) -> {
                c.scratch = NodeValues.number(c, node); // c.nan/c.negative stay set for eval()
                return true;
            });
        }

        @Override
        long eval(EvalContext c, Object node) {
            if (!path.run(c, node, chain)) {
                c.nan = true;
                c.negative = false;
                return 0;
            }
            return c.scratch;
        }
    }

    /** {@code band(a, b)}: the bitwise AND of two 64-bit values. */
    static final class Band extends Num {
        private final Num a;
        private final Num b;

        Band(Num a, Num b) {
            this.a = a;
            this.b = b;
        }

        @Override
        long eval(EvalContext c, Object node) {
            long x = a.eval(c, node);
            if (c.nan) {
                return 0;
            }
            long y = b.eval(c, node);
            if (c.nan) {
                return 0;
            }
            c.negative = false;
            return x & y;
        }
    }

    /**
     * {@code timediff(@SystemTime)}: milliseconds from the time to now (positive for past
     * events), NaN when the node is missing or not a date-time.
     */
    static final class TimeDiff extends Num {
        private final Path path;
        private final Step.Sink chain;

        TimeDiff(Path path) {
            this.path = path;
            this.chain = path.chain((c, node) -> {
                Instant t = NodeValues.instant(c, node);
                if (t == null) {
                    return false;
                }
                c.scratch = c.nowMillis() - t.toEpochMilli();
                return true;
            });
        }

        @Override
        long eval(EvalContext c, Object node) {
            if (!path.run(c, node, chain)) {
                c.nan = true;
                c.negative = false;
                return 0;
            }
            long v = c.scratch;
            c.nan = false;
            c.negative = v < 0;
            return v;
        }
    }

    /** A number as a boolean ({@code band(Keywords, 0x10)} in a predicate): non-zero and not NaN. */
    static final class NumTruth extends Expr {
        private final Num num;

        NumTruth(Num num) {
            this.num = num;
        }

        @Override
        boolean test(EvalContext c, Object node) {
            long v = num.eval(c, node);
            return !c.nan && v != 0;
        }
    }

    /** {@code num op num}. */
    static final class NumVsNum extends Expr {
        private final Num a;
        private final Op op;
        private final Num b;

        NumVsNum(Num a, Op op, Num b) {
            this.a = a;
            this.op = op;
            this.b = b;
        }

        @Override
        boolean test(EvalContext c, Object node) {
            long x = a.eval(c, node);
            if (c.nan) {
                return op.withNaN();
            }
            boolean xNeg = c.negative;
            long y = b.eval(c, node);
            if (c.nan) {
                return op.withNaN();
            }
            return op.holds(NodeValues.compare(x, xNeg, y, c.negative));
        }
    }
}
