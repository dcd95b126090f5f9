package io.winlog.api.channel;

/**
 * A subscriber's bounded ring: many producers offer, one consumer (the subscriber thread, or the
 * poller) drains. Two implementations: {@link MpscEventRing} (BLOCK, DROP_NEWEST, SPILL) and
 * {@link MpmcEventRing} (DROP_OLDEST, where producers also take the oldest element to evict it).
 *
 * <p>Both encode their state in the producer index: {@code index = sequence << 2 | flags}, so a
 * producer's claim and the ring's "closed" / "spilling" state change atomically in one CAS. That
 * is what lets {@link #close()} guarantee that no event lands in a ring after its final drain,
 * and lets SPILL switch between ring and journal without reordering a producer's events.
 *
 * @param <E> the element type
 */
interface EventRing<E> {
    /** {@link #offer} result: the element is in the ring. */
    int OK = 0;
    /** {@link #offer} result: no room. */
    int FULL = 1;
    /** {@link #offer} result: the spill flag is set; the element must go to the journal. */
    int SPILLING = 2;
    /** {@link #offer} result: the ring is closed. */
    int CLOSED = 3;

    /** Flag bit in the producer index: offers are diverted to the spill journal. */
    long SPILL_FLAG = 1L;
    /** Flag bit in the producer index: offers are refused. */
    long CLOSED_FLAG = 2L;
    /** Both flag bits. */
    long FLAGS = SPILL_FLAG | CLOSED_FLAG;
    /** One claimed sequence in the encoded producer index. */
    long ONE = 4L;

    /** Offers an element; never waits (except a few spins for a racing producer). Producers only. */
    int offer(E e);

    /**
     * Delivers up to {@code max} available elements through {@code sink} and releases their
     * slots. Consumer only.
     *
     * @return the number of elements delivered
     */
    int drain(RingSubscriber<E> sink, EventHandler<? super E> handler, int max);

    /** Removes all available elements without delivering them; consumer only. Returns how many. */
    long discard();

    /** Elements accepted so far ({@link #OK} offers), including ones since delivered or evicted. */
    long produced();

    /** Elements currently in the ring (approximate while producers and consumer run). */
    long size();

    /** True if the spill flag is set and every element claimed before it was consumed: the journal is next. */
    boolean drainedAndSpilling();

    /** Sets the spill flag; false if the ring is closed. */
    boolean setSpilling();

    /** Clears the spill flag (consumer, under the spill lock, once the journal is empty). */
    void clearSpilling();

    /** Sets the closed flag: every later offer returns {@link #CLOSED}. Idempotent. */
    void close();

    /** The ring's capacity. */
    int capacity();
}
