package io.winlog.api.channel;

import java.nio.charset.StandardCharsets;

/** {@link EventSerializer#utf8()}: strings as UTF-8. Stateless, thread-safe. */
enum Utf8EventSerializer implements EventSerializer<String> {
    INSTANCE;

    @Override
    public byte[] toBytes(String event) {
        return event.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String fromBytes(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
