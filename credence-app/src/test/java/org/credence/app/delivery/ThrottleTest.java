package org.credence.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.credence.app.job.MutableClock;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    @Test
    void should_grant_the_rate_per_second_and_save_up_at_most_one_second_when_time_passes() {
        // GIVEN
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
        Throttle throttle = new Throttle(10, clock);

        // WHEN / THEN
        assertThat(throttle.available()).isEqualTo(10);
        throttle.take(10);
        assertThat(throttle.available()).isZero();
        assertThat(throttle.untilNext()).isEqualTo(Duration.ofMillis(100));
        clock.advance(Duration.ofMillis(250));
        assertThat(throttle.available()).isEqualTo(2);
        throttle.take(2);
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.available()).isEqualTo(10);
    }
}
