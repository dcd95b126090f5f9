/**
 * {@link io.winlog.api.channel.EventChannel}: winlog's lock-free publish/subscribe hot path.
 * Every event the SDK reads, receives from ETW or logs through the Logback appender can cross it.
 *
 * <pre>{@code
 * EventChannel<EventRecord> channel = EventChannel.<EventRecord>builder().name("events").build();
 * Topic failedLogons = channel.topic("security.logon.failed");      // intern once, publish many
 *
 * Subscription<EventRecord> alerts = channel.subscribe(
 *         SubscriberConfig.<EventRecord>builder("alerts")
 *                 .topics("security.#")                               // '*' one segment, '#' any depth
 *                 .filter(e -> e.eventId() == 4625)                   // any Predicate, e.g. an EventFilter
 *                 .capacity(8192)
 *                 .policy(BackpressurePolicy.DROP_OLDEST)             // never slows producers
 *                 .handler((event, sequence, endOfBatch) -> {         // on the subscriber's own thread
 *                     sink.add(event);
 *                     if (endOfBatch) sink.flush();
 *                 })
 *                 .build());
 *
 * channel.publish(failedLogons, record);                              // from any thread, no allocation
 * long behind = alerts.stats().lag();                                 // lock-free statistics
 * channel.close();                                                    // drains, stops subscriber threads
 * }</pre>
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>Producers publish on a {@link io.winlog.api.channel.Topic}; each subscriber whose
 *       {@link io.winlog.api.channel.TopicFilter} matches and whose predicate accepts the event
 *       receives it, in publish order per producer.</li>
 *   <li>Each subscriber has its own bounded ring and
 *       {@link io.winlog.api.channel.BackpressurePolicy}: BLOCK, DROP_NEWEST, DROP_OLDEST or SPILL
 *       (to an on-disk journal that survives a process kill: {@link io.winlog.api.channel.SpillMode#WRITE_AHEAD},
 *       the default, journals every accepted event before {@code publish} returns). Only BLOCK can
 *       slow producers.</li>
 *   <li>Or, with {@link io.winlog.api.channel.EventChannelBuilder#sharedRing(int)}, one ring for the
 *       whole channel (Disruptor style, BLOCK subscribers only), optionally holding pre-allocated
 *       slots ({@link io.winlog.api.channel.EventChannelBuilder#slots}) that producers fill with an
 *       {@link io.winlog.api.channel.EventTranslator}:
 *       {@code channel.publish(topic, (slot, src) -> slot.copyFrom(src), incoming)}.</li>
 *   <li>Delivery: an {@link io.winlog.api.channel.EventHandler} on the subscriber's own thread,
 *       in batches with an end-of-batch flag, or
 *       {@link io.winlog.api.channel.Subscription#poll(EventHandler, int)} on yours.</li>
 *   <li>{@link io.winlog.api.channel.WaitStrategy}: BUSY_SPIN, YIELDING, SLEEPING, BLOCKING
 *       (default: zero idle CPU, the right choice on small machines).</li>
 *   <li>{@link io.winlog.api.channel.SubscriberStats}: published, delivered, dropped by reason,
 *       spilled, replayed, lag, high-water mark; lock-free reads.</li>
 * </ul>
 *
 * <h2>Concurrency contract</h2>
 * Publishing is lock-free: per matching subscriber one CAS on its ring's producer index and one
 * release store of the reference; nothing is allocated. A subscriber's ring has exactly one
 * consumer (its thread, or the single poller). Events are passed by reference: the publisher
 * must not mutate an event after publishing it. Memory effects: everything a producer did before
 * {@code publish} happens-before the handler call that receives the event.
 */
package io.winlog.api.channel;
