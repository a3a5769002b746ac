package org.credence.core.work;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A limit on the CPU time of one verification (or one signing), checked between checks and inside
 * the canonicalization loops, so that a document that passes the {@link
 * org.credence.core.json.JsonComplexity} counts still cannot hold a thread for long.
 *
 * <p>Time is measured with a ticker: by default the current thread's CPU time (a busy machine does
 * not make an honest document run out of time while it waits for a core), else the monotonic clock.
 * Tests inject their own ticker.
 *
 * <p>The deadline belongs to the thread running the work ({@link #within}): the verifier runs
 * nested verifications on the same thread, and the canonicalizer, shared by all, asks {@link
 * #checkCurrent} without being handed it. Past the deadline {@link #check} throws {@link
 * DeadlineExceededException}, which the front door ({@link org.credence.core.Verifier}) turns into
 * a "could not check" report. Work that runs inside a library (titanium's expansion) cannot be
 * interrupted; the complexity counts bound it before it starts.
 *
 * <p>Not thread-safe: one per unit of work, on one thread.
 */
public final class Deadline {

    /** The default limit of one verification: ten times what a 4 MiB CLR of 150 badges needs. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);

    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private final Duration limit;
    private final LongSupplier ticker;
    private final long end;

    private Deadline(Duration limit, LongSupplier ticker) {
        this.limit = limit;
        this.ticker = ticker;
        this.end = ticker.getAsLong() + limit.toNanos();
    }

    /** Starts a deadline {@code limit} from now on {@code ticker} (nanoseconds). */
    public static Deadline start(Duration limit, LongSupplier ticker) {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(ticker, "ticker");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the limit must be positive");
        }
        return new Deadline(limit, ticker);
    }

    /** The CPU time of the calling thread, or the monotonic clock where the JVM cannot tell. */
    public static LongSupplier threadCpuTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isCurrentThreadCpuTimeSupported()) {
            if (!threads.isThreadCpuTimeEnabled()) {
                threads.setThreadCpuTimeEnabled(true);
            }
            return threads::getCurrentThreadCpuTime;
        }
        return System::nanoTime;
    }

    /**
     * Runs {@code work} under a fresh deadline made by {@code deadlines}; a nested call (a
     * credential inside a presentation) shares the outer one.
     */
    public static <T> T within(Supplier<Deadline> deadlines, Supplier<T> work) {
        if (CURRENT.get() != null) {
            return work.get();
        }
        CURRENT.set(deadlines.get());
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * Checks the calling thread's deadline, if it runs under one.
     *
     * @param where what was about to be done, for the reason ("canonicalizing", "status" …)
     * @throws DeadlineExceededException when the deadline has passed
     */
    public static void checkCurrent(String where) {
        Deadline deadline = CURRENT.get();
        if (deadline != null) {
            deadline.check(where);
        }
    }

    /**
     * @throws DeadlineExceededException when the deadline has passed
     */
    public void check(String where) {
        if (ticker.getAsLong() > end) {
            throw new DeadlineExceededException(limit, where);
        }
    }

    public Duration limit() {
        return limit;
    }
}
