package io.winlog.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Skips a jqwik property (or container) unless every listed external tool is on PATH, naming
 * the Debian package to install: {@code @RequiresTools({"evtxexport:libevtx-utils"})}. The
 * jqwik counterpart of {@link ExternalTools#require}; see {@link RequiresSharedData} for why
 * jqwik needs a hook.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@AddLifecycleHook(RequiresTools.Hook.class)
public @interface RequiresTools {
    /** {@code command:debian-package} pairs. */
    String[] value();

    /** The hook behind the annotation. */
    final class Hook implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            Optional<RequiresTools> a = context.findAnnotation(RequiresTools.class);
            if (a.isEmpty()) {
                return SkipResult.doNotSkip();
            }
            for (String pair : a.get().value()) {
                int colon = pair.indexOf(':');
                String command = colon < 0 ? pair : pair.substring(0, colon);
                String pkg = colon < 0 ? "?" : pair.substring(colon + 1);
                if (ExternalTools.find(command).isEmpty()) {
                    return SkipResult.skip("skipped: '" + command + "' not found on PATH; install Debian package " + pkg
                            + " (apt-get install " + pkg + "; .ci/run does this)");
                }
            }
            return SkipResult.doNotSkip();
        }
    }
}
