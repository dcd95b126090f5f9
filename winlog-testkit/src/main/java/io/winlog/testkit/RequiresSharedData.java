package io.winlog.testkit;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Skips a jqwik container or property when {@code ../shared} is absent:
 * {@code @AddLifecycleHook(RequiresSharedData.class)}. jqwik needs this hook because a failed
 * JUnit assumption behaves differently there: inside {@code @BeforeContainer} it is an error,
 * and inside a property it rejects the try, so the property ends as "exhausted". JUnit Jupiter
 * tests use {@link SharedData#requireRoot()} instead.
 */
public final class RequiresSharedData implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return SharedData.root().isPresent() ? SkipResult.doNotSkip()
                : SkipResult.skip("skipped: ../shared (real sample logs) not found; set -Dwinlog.shared or put shared/ "
                        + "beside the repository");
    }
}
