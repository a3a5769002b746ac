package org.credence.app.organization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.credence.app.AppException;
import org.credence.app.Problem;

/**
 * Slows password guessing without letting anyone lock a person out. Failed sign-ins are counted
 * three ways, each with exponential backoff (after a few free failures the next attempt must wait 1
 * s, then 2 s, 4 s, … up to {@link Limits#longest}):
 *
 * <ul>
 *   <li>per account and client address: one attacker on one account;
 *   <li>per client address, whatever the accounts: one attacker trying many accounts;
 *   <li>per account, whatever the clients: many addresses on one account. This one applies only to
 *       clients that have themselves failed on that account: a client with no recent failure on it
 *       (the person at their own computer) may always try, so hammering an account from elsewhere
 *       never keeps its owner out. A distributed attacker gets one free guess per address, then
 *       waits with the rest.
 * </ul>
 *
 * A success clears the account's counts (not the client's: signing in to one's own account must not
 * reset a spraying attacker). Counts are forgotten {@link Limits#forgetAfter} after their last
 * failure. Kept in memory, per server node: a restart or a second node resets them, which is
 * acceptable for a brake (Argon2id makes each guess slow anyway).
 *
 * <p>Public for the learner wallet's sign-in, braked the same way. Thread-safe.
 */
public final class LoginGuard {

    /** A client whose address is not known (the CLI, tests): all such share one count. */
    public static final String UNKNOWN_CLIENT = "unknown";

    private static final int MAX_TRACKED = 100_000;

    /**
     * How hard the brake is.
     *
     * @param freePerPair failures of one client on one account before backoff starts
     * @param freePerClient failures of one client on any accounts before backoff starts
     * @param freePerAccount failures on one account from any clients before backoff starts
     * @param longest the longest wait
     * @param forgetAfter how long after its last failure a count is forgotten
     */
    public record Limits(
            int freePerPair,
            int freePerClient,
            int freePerAccount,
            Duration longest,
            Duration forgetAfter) {

        /** 3 per pair, 20 per client, 10 per account; at most 15 minutes; forgotten after 1 h. */
        public static final Limits DEFAULT =
                new Limits(3, 20, 10, Duration.ofMinutes(15), Duration.ofHours(1));

        public Limits {
            Objects.requireNonNull(longest, "longest");
            Objects.requireNonNull(forgetAfter, "forgetAfter");
        }
    }

    /** Failures of one key and when the last one happened. */
    private record Count(int failures, Instant last) {}

    private final Clock clock;
    private final Limits limits;
    private final ConcurrentMap<String, Count> counts = new ConcurrentHashMap<>();

    public LoginGuard(Clock clock) {
        this(clock, Limits.DEFAULT);
    }

    public LoginGuard(Clock clock, Limits limits) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * How long this client must wait before its next attempt on this account; empty when it may try
     * now.
     */
    public Optional<Duration> wait(String account, String client) {
        Instant now = clock.instant();
        Duration longest =
                longer(
                        wait(pairKey(account, client), limits.freePerPair(), now),
                        wait(clientKey(client), limits.freePerClient(), now));
        if (hasFailed(account, client, now)) {
            longest = longer(longest, wait(accountKey(account), limits.freePerAccount(), now));
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    private static Duration longer(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

    /**
     * Refuses the attempt when the client must wait.
     *
     * @throws AppException {@link Problem#TOO_MANY_REQUESTS} saying how long to wait
     */
    public void check(String account, String client) {
        Optional<Duration> wait = wait(account, client);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            String when = seconds < 120 ? seconds + " seconds" : ((seconds + 59) / 60) + " minutes";
            throw new AppException(
                    Problem.TOO_MANY_REQUESTS,
                    "Too many failed attempts: wait " + when + " before trying to sign in again");
        }
    }

    public void failed(String account, String client) {
        if (counts.size() > MAX_TRACKED) {
            counts.clear(); // a flood of made-up addresses must not exhaust memory
        }
        Instant now = clock.instant();
        for (String key :
                new String[] {pairKey(account, client), clientKey(client), accountKey(account)}) {
            counts.merge(
                    key,
                    new Count(1, now),
                    (old, one) -> forgotten(old, now) ? one : new Count(old.failures() + 1, now));
        }
    }

    public void succeeded(String account, String client) {
        counts.remove(pairKey(account, client));
        counts.remove(accountKey(account));
    }

    private Duration wait(String key, int free, Instant now) {
        Count count = counts.get(key);
        if (count == null || forgotten(count, now) || count.failures() < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count.failures() - free, 30);
        Duration backoff = Duration.ofSeconds(1L << doublings);
        if (backoff.compareTo(limits.longest()) > 0) {
            backoff = limits.longest();
        }
        Duration left = Duration.between(now, count.last().plus(backoff));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private boolean hasFailed(String account, String client, Instant now) {
        Count count = counts.get(pairKey(account, client));
        return count != null && !forgotten(count, now);
    }

    private boolean forgotten(Count count, Instant now) {
        return !count.last().plus(limits.forgetAfter()).isAfter(now);
    }

    private static String pairKey(String account, String client) {
        return "pair\n" + account + "\n" + client;
    }

    private static String clientKey(String client) {
        return "client\n" + client;
    }

    private static String accountKey(String account) {
        return "account\n" + account;
    }
}
