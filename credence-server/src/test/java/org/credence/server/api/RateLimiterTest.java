package org.credence.server.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.credence.app.AppException;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void should_allow_a_burst_then_refuse_until_tokens_refill_per_address() {
        // GIVEN
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(3, 2, now::get);

        // WHEN / THEN
        for (int i = 0; i < 3; i++) {
            limiter.acquire("192.0.2.1");
        }
        assertThatThrownBy(() -> limiter.acquire("192.0.2.1"))
                .isInstanceOf(AppException.class)
                .hasMessageContaining("Too many requests");
        assertThatCode(() -> limiter.acquire("192.0.2.2")).doesNotThrowAnyException();
        now.addAndGet(500_000_000L); // half a second: one token at 2 per second
        assertThatCode(() -> limiter.acquire("192.0.2.1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.acquire("192.0.2.1")).isInstanceOf(AppException.class);
    }
}
