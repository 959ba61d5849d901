package io.pricewar.support;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Liveness that follows the Kafka and MongoDB connections, with a grace period: DOWN only once a
 * connection has failed every check for longer than {@code grace}, UP again at its first success.
 *
 * <p>A brief outage takes a replica out of the Service (readiness) but never restarts it: a restart
 * does not bring a broker back, and restarting every replica at once makes an outage worse. A
 * replica whose client stays wedged past the grace, though, is restarted, which a readiness probe
 * alone never does.
 *
 * <p>It judges on the outcomes the readiness checks remember ({@link WatchedConnection}), so the
 * broker and the database are not asked twice; only when no check has run for {@code staleAfter}
 * (nothing probes readiness) does it run one itself, so that it never judges on old news.
 */
public class ConnectionLivenessIndicator implements ReactiveHealthIndicator {

    private final List<WatchedConnection> connections;
    private final Duration grace;
    private final Duration staleAfter;
    private final Clock clock;

    public ConnectionLivenessIndicator(List<WatchedConnection> connections, Duration grace, Duration staleAfter,
                                       Clock clock) {
        this.connections = List.copyOf(connections);
        this.grace = grace;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    @Override
    public Mono<Health> health() {
        return Flux.fromIterable(connections)
                .concatMap(this::refreshIfStale)
                .then(Mono.fromSupplier(this::judge));
    }

    private Mono<Health> refreshIfStale(WatchedConnection connection) {
        Instant now = clock.instant();
        boolean fresh = connection.lastOutcome()
                .map(outcome -> outcome.checkedAt().plus(staleAfter).isAfter(now))
                .orElse(false);
        return fresh ? Mono.empty() : connection.health();
    }

    private Health judge() {
        Instant now = clock.instant();
        Map<String, Object> downFor = new LinkedHashMap<>();
        boolean pastGrace = false;
        for (WatchedConnection connection : connections) {
            Duration down = connection.downFor(now);
            downFor.put(connection.name(), down.isZero() ? "reachable" : "unreachable for " + down.toSeconds() + " s");
            pastGrace |= down.compareTo(grace) > 0;
        }
        Health.Builder builder = pastGrace ? Health.down() : Health.up();
        return builder.withDetails(downFor).withDetail("grace", grace.toSeconds() + " s").build();
    }
}
