package io.winlog.api.event;

import java.util.List;

/**
 * The localized strings Windows adds when it renders an event with its publisher metadata
 * ({@code EvtRenderEventXml} with {@code EvtFormatMessageXml}, the {@code <RenderingInfo>}
 * element). Any field may be {@code null} when the publisher does not define it.
 *
 * @param culture  e.g. {@code en-US}
 * @param message  the formatted event message
 * @param level    level name, e.g. {@code Error}
 * @param task     task name
 * @param opcode   opcode name
 * @param channel  channel display name
 * @param provider provider display name
 * @param keywords keyword names, in order
 */
public record RenderingInfo(String culture, String message, String level, String task, String opcode,
                            String channel, String provider, List<String> keywords) {
    public RenderingInfo {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** A rendering that only carries a message. */
    public static RenderingInfo ofMessage(String message) {
        return new RenderingInfo(null, message, null, null, null, null, null, List.of());
    }
}
