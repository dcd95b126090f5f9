package io.winlog.api;

import java.util.Optional;

/**
 * Persists a subscription's {@link Bookmark} so it resumes where it stopped. {@link #save} must
 * be atomic: after a crash, {@link #load} returns either the previous or the new bookmark,
 * never a torn one.
 */
public interface BookmarkStore {
    /** The saved bookmark, or empty when none was saved yet. */
    Optional<Bookmark> load();

    /** Replaces the saved bookmark atomically and durably. */
    void save(Bookmark bookmark);
}
