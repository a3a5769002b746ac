package org.credence.app.verification;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import org.credence.core.did.ResolutionError;
import org.credence.core.did.ResolutionException;

/**
 * Bounds the network work of one verification: at most {@link #MAX_FETCHES} documents from other
 * hosts and {@link #MAX_TIME} in all. Without it, one 4 MiB request could carry thousands of nested
 * credentials whose keys and status lists point at different slow hosts, and hold a server thread
 * for hours while sending thousands of requests. Past the budget, a fetch is "network unavailable",
 * so the checks that needed it say "could not check".
 *
 * <p>The budget belongs to the thread running the verification ({@link #within}): the core verifier
 * runs nested verifications on the same thread, and its fetcher is shared by all.
 */
final class FetchBudget {

    /** Documents from other hosts per verification (a credential needs two or three). */
    static final int MAX_FETCHES = 100;

    /** Wall time for all of one verification's fetches. */
    static final Duration MAX_TIME = Duration.ofSeconds(60);

    private static final ThreadLocal<FetchBudget> CURRENT = new ThreadLocal<>();

    private final long deadline = System.nanoTime() + MAX_TIME.toNanos();
    private int fetches;

    private FetchBudget() {}

    /** Runs one verification under a fresh budget (a nested call shares the outer one). */
    static <T> T within(Supplier<T> verification) {
        if (CURRENT.get() != null) {
            return verification.get();
        }
        CURRENT.set(new FetchBudget());
        try {
            return verification.get();
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * Counts one fetch of {@code url} against the current budget, if any.
     *
     * @throws ResolutionException {@link ResolutionError#NETWORK_UNAVAILABLE} when it is spent
     */
    static void spend(URI url) throws ResolutionException {
        FetchBudget budget = CURRENT.get();
        if (budget == null) {
            return;
        }
        budget.fetches++;
        if (budget.fetches > MAX_FETCHES) {
            throw new ResolutionException(
                    ResolutionError.NETWORK_UNAVAILABLE,
                    "not fetched: this verification already fetched "
                            + MAX_FETCHES
                            + " documents ("
                            + url
                            + ")");
        }
        if (System.nanoTime() > budget.deadline) {
            throw new ResolutionException(
                    ResolutionError.NETWORK_UNAVAILABLE,
                    "not fetched: this verification already spent "
                            + MAX_TIME.toSeconds()
                            + " s fetching documents ("
                            + url
                            + ")");
        }
    }
}
