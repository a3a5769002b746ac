package org.credence.core.jsonld;

import com.apicatalog.rdf.canon.RdfCanonTicker;

/**
 * A deterministic limit on RDF canonicalization work, counted in the canonicalizer's own steps
 * (not wall-clock time), so that a poison graph fails fast and the same way on every machine.
 *
 * <p>Realistic credentials, even a CLR transcript with a hundred nested credentials, need well
 * under a tenth of the default budget.
 */
public record WorkBudget(long limit) {

    /** Enough for any credential seen in practice; poison graphs exceed it within milliseconds. */
    public static final WorkBudget DEFAULT = new WorkBudget(200_000);

    public WorkBudget {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    RdfCanonTicker newTicker() {
        return new CountingTicker(limit);
    }

    /** Thrown from inside the canonicalizer to stop it; never escapes {@link Canonicalizer}. */
    static final class ExceededException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ExceededException() {
            super("work budget exceeded");
        }
    }

    private static final class CountingTicker implements RdfCanonTicker {
        private final long limit;
        private long ticks;

        CountingTicker(long limit) {
            this.limit = limit;
        }

        @Override
        public void tick() {
            if (++ticks > limit) {
                throw new ExceededException();
            }
        }
    }
}
