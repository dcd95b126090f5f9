package io.winlog.evtx.write;

/** The BinXml token bytes the writer emits. */
final class BinXmlToken {
    private BinXmlToken() {
    }

    static final int END_OF_FRAGMENT = 0x00;
    static final int OPEN_START_ELEMENT = 0x01;
    /** Open start element with the "has attributes" flag. */
    static final int OPEN_START_ELEMENT_ATTRS = 0x41;
    static final int CLOSE_START_ELEMENT = 0x02;
    static final int CLOSE_EMPTY_ELEMENT = 0x03;
    static final int END_ELEMENT = 0x04;
    static final int VALUE_TEXT = 0x05;
    static final int ATTRIBUTE = 0x06;
    /** Attribute with the "more attributes follow" flag. */
    static final int ATTRIBUTE_MORE = 0x46;
    static final int TEMPLATE_INSTANCE = 0x0c;
    static final int NORMAL_SUBSTITUTION = 0x0d;
    static final int OPTIONAL_SUBSTITUTION = 0x0e;
    static final int FRAGMENT_HEADER = 0x0f;
    /** "No dependency" in an element's dependency identifier. */
    static final int NO_DEPENDENCY = 0xFFFF;
}
