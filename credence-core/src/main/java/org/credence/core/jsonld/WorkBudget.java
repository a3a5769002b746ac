package org.credence.core.jsonld;

import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanonTicker;

/**
 * A deterministic limit on RDF canonicalization work, counted in the canonicalizer's own steps (not
 * wall-clock time), so that a poison graph fails fast and the same way on every machine.
 *
 * <p>The limit grows linearly with the dataset: {@code base + perQuad × quads}. This is the policy
 * of the reference implementation (rdf-canonize's default {@code maxWorkFactor} of 1: work linear
 * in the size of the input). Measured: realistic credentials and CLR transcripts need 0.05 to 2
 * steps per quad; the smallest poison graph in the vectors needs 100 per quad, larger ones grow
 * factorially.
 *
 * @param base steps allowed whatever the size
 * @param perQuad steps allowed per quad of the dataset
 */
public record WorkBudget(long base, long perQuad) {

    public static final WorkBudget DEFAULT = new WorkBudget(1_000, 20);

    public WorkBudget {
        if (base <= 0 || perQuad <= 0) {
            throw new IllegalArgumentException("budget must be positive");
        }
    }

    Meter newMeter() {
        return new Meter(this);
    }

    /** Thrown from inside the canonicalizer to stop it; never escapes {@link Canonicalizer}. */
    static final class ExceededException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ExceededException(long limit) {
            super("work budget of " + limit + " steps exceeded");
        }
    }

    /** Counts the quads going in and the steps taken. Not thread-safe: one per canonicalization. */
    static final class Meter implements RdfCanonTicker {
        private final WorkBudget budget;
        private long quads;
        private long ticks;

        private Meter(WorkBudget budget) {
            this.budget = budget;
        }

        RdfQuadConsumer counting(RdfQuadConsumer target) {
            return (subject, predicate, object, datatype, language, direction, graph) -> {
                quads++;
                return target.quad(
                        subject, predicate, object, datatype, language, direction, graph);
            };
        }

        long limit() {
            return budget.base + budget.perQuad * quads;
        }

        @Override
        public void tick() {
            if (++ticks > limit()) {
                throw new ExceededException(limit());
            }
        }
    }
}
