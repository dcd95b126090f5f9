package io.winlog.evtx.write;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** Runs the annotated property only when {@code winlog.long=true} ({@code -Plong}). */
public final class LongCampaignOnly implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return Boolean.getBoolean("winlog.long") ? SkipResult.doNotSkip()
                : SkipResult.skip("long campaign: run with -Plong (winlog.long=true)");
    }
}
