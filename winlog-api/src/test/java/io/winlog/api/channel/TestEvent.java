package io.winlog.api.channel;

import java.nio.ByteBuffer;

/** A test event: which producer published it and its per-producer sequence number. */
record TestEvent(int producer, int seq) {
    /** Journal serializer: 8 bytes, big-endian. */
    static final EventSerializer<TestEvent> SERIALIZER = new EventSerializer<>() {
        @Override
        public byte[] toBytes(TestEvent e) {
            return ByteBuffer.allocate(8).putInt(e.producer).putInt(e.seq).array();
        }

        @Override
        public TestEvent fromBytes(byte[] bytes) {
            if (bytes.length != 8) {
                throw new IllegalArgumentException("expected 8 bytes, got " + bytes.length);
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            return new TestEvent(b.getInt(), b.getInt());
        }
    };
}
