package io.winlog.api;

/**
 * An event query (XPath or QueryList XML) that winlog or Windows cannot evaluate.
 * {@link #position()} is the 0-based character position in the query where parsing stopped.
 */
public class InvalidQueryException extends WinlogException {
    private static final long serialVersionUID = 1L;

    private final int position;

    public InvalidQueryException(String message, String query, int position) {
        super(message + " at position " + position + " in: " + query
                + (position >= 0 && position <= query.length() ? "\n" + " ".repeat(position + 4) + "^" : ""));
        this.position = position;
    }

    public int position() {
        return position;
    }
}
