package io.pricewar.events;

import java.time.Instant;
import java.util.Objects;

/** One reading of a point on a page: when, from which fetch, and from when the price applies. */
public record Observation(Instant observedAt, Instant effectiveFrom, Evidence evidence) {

    public Observation {
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(evidence, "evidence");
    }

    public static Observation now(Instant observedAt, Evidence evidence) {
        return new Observation(observedAt, null, evidence);
    }
}
