package org.credence.core.jsonld;

import org.credence.core.work.Deadline;

/**
 * A deterministic limit on RDF canonicalization work, counted in the canonicalizer's own steps (not
 * wall-clock time), so that a poison graph fails fast and the same way on every machine.
 *
 * <p>The first limit is rdf-canonize's: Hash N-Degree Quads may run at most {@code n ^
 * maxWorkFactor} times, where n counts the blank nodes that first-degree hashing could not tell
 * apart. The default factor of 1 (the reference's default) accepts exactly what rdf-canonize
 * accepts by default. The second is a hard cap of {@code stepBase + stepsPerQuad × quads} steps
 * (permutations tried and related blank nodes hashed), so that a node related to many
 * indistinguishable nodes stops fast whatever the first limit allows.
 *
 * @param maxWorkFactor 0 forbids Hash N-Degree Quads, 1 allows linear work, 2 quadratic...
 * @param stepBase steps allowed whatever the size
 * @param stepsPerQuad steps allowed per quad of the dataset
 */
public record WorkBudget(int maxWorkFactor, long stepBase, long stepsPerQuad) {

    public static final WorkBudget DEFAULT = new WorkBudget(1, 10_000, 100);

    public WorkBudget {
        if (maxWorkFactor < 0 || stepBase <= 0 || stepsPerQuad <= 0) {
            throw new IllegalArgumentException(
                    "maxWorkFactor must not be negative, steps must be positive");
        }
    }

    Meter newMeter() {
        return new Meter(this);
    }

    /** Thrown from inside the canonicalizer to stop it; never escapes {@link Canonicalizer}. */
    static final class ExceededException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        private final String limit;

        ExceededException(String limit) {
            super("work budget of " + limit + " exceeded");
            this.limit = limit;
        }

        /** The limit that was reached, e.g. "12 runs of Hash N-Degree Quads". */
        String limit() {
            return limit;
        }
    }

    /** Counts the work done. Not thread-safe: one per canonicalization. */
    static final class Meter {
        private final WorkBudget budget;
        private long maxDeepIterations;
        private long remainingDeepIterations;
        private long maxSteps;
        private long steps;

        private Meter(WorkBudget budget) {
            this.budget = budget;
        }

        /** Sets the limits once the dataset's size and its indistinguishable nodes are known. */
        void start(int quads, int nonUniqueBlankNodes) {
            double deep = Math.pow(nonUniqueBlankNodes, budget.maxWorkFactor);
            maxDeepIterations =
                    budget.maxWorkFactor == 0
                            ? 0
                            : deep >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) deep;
            remainingDeepIterations = maxDeepIterations;
            maxSteps = budget.stepBase + budget.stepsPerQuad * quads;
        }

        /** Counts one run of Hash N-Degree Quads. */
        void deepIteration() {
            if (remainingDeepIterations == 0) {
                throw new ExceededException(maxDeepIterations + " runs of Hash N-Degree Quads");
            }
            remainingDeepIterations--;
            step();
        }

        void step() {
            if (++steps > maxSteps) {
                throw new ExceededException(maxSteps + " steps");
            }
            if ((steps & Rdfc10.DEADLINE_EVERY) == 0) {
                Deadline.checkCurrent("canonicalizing");
            }
        }
    }
}
