/**
 * winlog's public face: read ({@link io.winlog.api.EventReader}, {@link io.winlog.api.EventQuery}),
 * write ({@link io.winlog.api.EventWriter}, {@link io.winlog.api.EventSpec}), subscribe
 * ({@link io.winlog.api.EventSubscription}, {@link io.winlog.api.Bookmark},
 * {@link io.winlog.api.BookmarkStore}), and the error types. Pure Java, no dependencies.
 */
package io.winlog.api;
