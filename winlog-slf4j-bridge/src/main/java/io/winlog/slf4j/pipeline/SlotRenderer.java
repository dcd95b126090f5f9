package io.winlog.slf4j.pipeline;

import io.winlog.api.EventSpec;

/**
 * Turns a filled {@link LogSlot} into the event to write. Runs on the consumer thread (or the
 * caller's, in synchronous mode); may allocate. Each front end supplies its own.
 */
@FunctionalInterface
public interface SlotRenderer {
    EventSpec render(LogSlot slot);
}
