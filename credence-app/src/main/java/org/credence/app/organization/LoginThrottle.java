package org.credence.app.organization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slows password guessing: after {@code maxFailures} failed logins for one e-mail address within
 * {@code window}, further attempts are refused until the oldest failure leaves the window. Kept in
 * memory, per server node: a restart or a second node resets it, which is acceptable for a brake
 * (Argon2id makes each guess slow anyway).
 *
 * <p>Public for the learner wallet's sign-in, throttled the same way. Thread-safe.
 */
public final class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final ConcurrentMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, int maxFailures, Duration window) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxFailures = maxFailures;
        this.window = Objects.requireNonNull(window, "window");
    }

    /** Whether another attempt for {@code email} may be checked now. */
    public boolean allows(String email) {
        Deque<Instant> recent = failures.get(email);
        if (recent == null) {
            return true;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() < maxFailures;
        }
    }

    public void recordFailure(String email) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear(); // a flood of made-up addresses must not exhaust memory
        }
        Deque<Instant> recent = failures.computeIfAbsent(email, key -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
    }

    public void recordSuccess(String email) {
        failures.remove(email);
    }

    private void prune(Deque<Instant> recent) {
        Instant cutoff = clock.instant().minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
            recent.removeFirst();
        }
    }
}
