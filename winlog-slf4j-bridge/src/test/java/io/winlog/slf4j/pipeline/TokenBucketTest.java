package io.winlog.slf4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void allowsTheBurstThenTheRate() {
        TokenBucket b = new TokenBucket(10, 3, now::get);
        assertThat(b.tryAcquire()).isTrue();
        assertThat(b.tryAcquire()).isTrue();
        assertThat(b.tryAcquire()).isTrue();
        assertThat(b.tryAcquire()).isFalse();
        now.addAndGet(50_000_000L); // half a token
        assertThat(b.tryAcquire()).isFalse();
        now.addAndGet(50_000_000L); // one token
        assertThat(b.tryAcquire()).isTrue();
        assertThat(b.tryAcquire()).isFalse();
    }

    @Test
    void refillIsCappedAtTheBurst() {
        TokenBucket b = new TokenBucket(1000, 5, now::get);
        now.addAndGet(3_600_000_000_000L);
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            if (b.tryAcquire()) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(5);
    }

    @Test
    void aClockGoingBackwardsDoesNotMintTokens() {
        TokenBucket b = new TokenBucket(1, 1, now::get);
        assertThat(b.tryAcquire()).isTrue();
        now.addAndGet(-10_000_000_000L);
        assertThat(b.tryAcquire()).isFalse();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, now::get)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new TokenBucket(Double.NaN, 1, now::get)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new TokenBucket(1, 0, now::get)).hasMessageContaining("burst");
    }
}
