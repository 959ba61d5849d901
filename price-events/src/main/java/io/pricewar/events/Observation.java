package io.pricewar.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One reading of a point on a page: when, from which fetch, and from when the price applies. */
public record Observation(Instant observedAt, Instant effectiveFrom, Evidence evidence) {

    /** Instants are kept to the millisecond, as {@link Evidence} explains. */
    public Observation {
        observedAt = Objects.requireNonNull(observedAt, "observedAt").truncatedTo(ChronoUnit.MILLIS);
        effectiveFrom = effectiveFrom == null ? null : effectiveFrom.truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(evidence, "evidence");
    }

    public static Observation now(Instant observedAt, Evidence evidence) {
        return new Observation(observedAt, null, evidence);
    }
}
