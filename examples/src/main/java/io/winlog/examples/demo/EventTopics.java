package io.winlog.examples.demo;

import io.winlog.api.event.EventRecord;
import java.util.Locale;

/**
 * Maps an event to the channel topic it is published on, so subscribers pick what they want by
 * topic filter ({@code security.#}, {@code application.install}) instead of testing every event.
 *
 * <p>Known events get semantic topics ({@code security.logon.failed}); everything else goes to
 * {@code <channel>.other}.
 */
public final class EventTopics {
    private EventTopics() {
    }

    /** The topic name for an event. */
    public static String of(EventRecord e) {
        String channel = e.channel() == null ? "unknown" : e.channel().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String provider = e.providerName() == null ? "" : e.providerName();
        switch (provider) {
            case "Microsoft-Windows-Security-Auditing":
                switch (e.eventId()) {
                    case 4625: return "security.logon.failed";
                    case 4624: return "security.logon.success";
                    case 4672: return "security.privileges.special";
                    default: return "security.other";
                }
            case "MsiInstaller":
                return "application.install";
            case LiveDemo.SOURCE:
                // The live demo's test events (Application log): failed-logon-like and MsiInstaller-like.
                switch (e.eventId()) {
                    case 4625: return "application.logon.failed";
                    case 1033: case 1034: case 11707: case 11724: case 11725: return "application.install";
                    default: return channel + ".other";
                }
            case "Application Error":
            case ".NET Runtime":
                return "application.error";
            case "Service Control Manager":
                return "system.service";
            default:
                return channel + ".other";
        }
    }
}
