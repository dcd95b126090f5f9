package io.winlog.api.channel;

/**
 * The two-argument form of {@link EventTranslator} (the Disruptor's {@code EventTranslatorTwoArg}),
 * for producers whose event is made of two values (for example a level and a message) and that
 * should not allocate a holder for them. Same contract as {@link EventTranslator}.
 *
 * @param <T> the slot type
 * @param <A> the first argument type
 * @param <B> the second argument type
 */
@FunctionalInterface
public interface EventTranslatorTwoArg<T, A, B> {
    /**
     * Writes the event into {@code slot}.
     *
     * @param slot the pre-allocated slot (owned by the channel; do not keep it)
     * @param a    the first argument
     * @param b    the second argument
     */
    void translateTo(T slot, A a, B b);
}
