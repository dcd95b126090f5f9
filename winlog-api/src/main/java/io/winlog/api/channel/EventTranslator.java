package io.winlog.api.channel;

/**
 * Fills a pre-allocated slot of a slot-mode channel ({@link EventChannelBuilder#slots}) from one
 * argument, like the Disruptor's {@code EventTranslatorOneArg}: publishing writes into the ring's
 * own mutable objects instead of handing over a new event, so nothing is allocated per event.
 *
 * <p>Called on the producer's thread while the slot is claimed; overwrite every field the
 * handlers read (the slot still holds an older event's values). Keep it short and non-blocking:
 * consumers wait for the slot until it returns. If it throws, the slot is skipped by every
 * subscriber and the exception reaches the publisher.
 *
 * <p>Use a static or otherwise non-capturing translator (a method reference to a static method,
 * or a lambda that captures nothing) and pass the data as the argument: that is what keeps the
 * call allocation-free.
 *
 * @param <T> the slot type
 * @param <A> the argument type
 */
@FunctionalInterface
public interface EventTranslator<T, A> {
    /**
     * Writes the event into {@code slot}.
     *
     * @param slot the pre-allocated slot (owned by the channel; do not keep it)
     * @param arg  the publisher's argument
     */
    void translateTo(T slot, A arg);
}
