package io.pricewar.support;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A connection's health check (Kafka, MongoDB) that remembers its outcome: when it last ran, and
 * since when it has failed without a success in between. Readiness and the health endpoint call
 * it as before; {@link ConnectionLivenessIndicator} reads what it remembers instead of asking the
 * broker or the database a second time.
 */
public class WatchedConnection implements ReactiveHealthIndicator, AutoCloseable {

    /** The latest outcome: when the check last answered, and since when it has been failing (null while UP). */
    record Outcome(Instant checkedAt, Instant downSince) {
    }

    private final String name;
    private final ReactiveHealthIndicator check;
    private final Clock clock;
    private volatile Outcome outcome;

    public WatchedConnection(String name, ReactiveHealthIndicator check, Clock clock) {
        this.name = name;
        this.check = check;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    @Override
    public Mono<Health> health() {
        return check.health()
                .onErrorResume(error -> Mono.just(Health.down(error).build()))
                .doOnNext(health -> remember(health.getStatus()));
    }

    private synchronized void remember(Status status) {
        Instant now = clock.instant();
        Instant downSince = null;
        if (!Status.UP.equals(status)) {
            downSince = outcome != null && outcome.downSince() != null ? outcome.downSince() : now;
        }
        outcome = new Outcome(now, downSince);
    }

    /** The latest outcome, or empty before the first check. */
    Optional<Outcome> lastOutcome() {
        return Optional.ofNullable(outcome);
    }

    /** How long the connection has been failing at {@code now}; zero while it is UP or unchecked. */
    Duration downFor(Instant now) {
        Outcome last = outcome;
        return last == null || last.downSince() == null ? Duration.ZERO : Duration.between(last.downSince(), now);
    }

    @Override
    public void close() throws Exception {
        if (check instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
