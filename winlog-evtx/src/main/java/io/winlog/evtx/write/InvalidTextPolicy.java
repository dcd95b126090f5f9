package io.winlog.evtx.write;

/**
 * What {@link EvtxWriter} does with text that is not valid UTF-16 (a lone high or low
 * surrogate) in values, names or UserData.
 *
 * <p>Windows itself stores UTF-16 code units as given ({@link #KEEP}); most readers outside
 * Windows decode strictly and fail on such a record (python-evtx raises, JSON cannot carry it),
 * so the default replaces them with U+FFFD, as Windows' own {@code WideCharToMultiByte} does
 * when it converts such text.
 */
public enum InvalidTextPolicy {
    /** Replace each lone surrogate with U+FFFD (the default). */
    REPLACE,
    /** Store the code units as given, byte for byte, as Windows' ReportEventW does. */
    KEEP,
    /** Refuse the event with an {@link io.winlog.api.EventRejectedException}. */
    REJECT
}
