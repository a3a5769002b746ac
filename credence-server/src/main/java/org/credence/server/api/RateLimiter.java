package org.credence.server.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.credence.app.AppException;
import org.credence.app.Problem;

/**
 * A token bucket per key (a client's IP address): {@code capacity} requests at once, refilled at
 * {@code perSecond}. In memory and per node, which is enough to keep one client from monopolising a
 * public endpoint; it is not a quota. When many keys are tracked, full buckets are forgotten.
 *
 * <p>Thread-safe.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 10_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }

    /**
     * @param capacity the burst a client may send at once
     * @param perSecond the sustained rate
     * @param nanoTime the monotonic clock ({@code System::nanoTime} outside tests)
     */
    public RateLimiter(int capacity, double perSecond, LongSupplier nanoTime) {
        if (capacity < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("capacity and rate must be positive");
        }
        this.capacity = capacity;
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one token of {@code key}'s bucket.
     *
     * @throws AppException {@link Problem#TOO_MANY_REQUESTS} when the bucket is empty
     */
    public void acquire(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_KEYS) {
            buckets.values().removeIf(bucket -> refilled(bucket, now) >= capacity);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = refilled(bucket, now);
            bucket.updatedAt = now;
            if (bucket.tokens < 1) {
                throw new AppException(
                        Problem.TOO_MANY_REQUESTS,
                        "Too many requests from this address; try again in a few seconds");
            }
            bucket.tokens -= 1;
        }
    }

    private double refilled(Bucket bucket, long now) {
        return Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * perNano);
    }
}
