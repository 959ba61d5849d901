package io.pricewar.support;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionLivenessIndicatorTest {

    static final Duration GRACE = Duration.ofMinutes(3);
    static final Duration STALE_AFTER = Duration.ofSeconds(15);

    final MutableClock clock = new MutableClock();
    final ScriptedCheck kafkaCheck = new ScriptedCheck();
    final ScriptedCheck mongoCheck = new ScriptedCheck();
    final WatchedConnection kafka = new WatchedConnection("kafka", kafkaCheck, clock);
    final WatchedConnection mongo = new WatchedConnection("mongo", mongoCheck, clock);
    final ConnectionLivenessIndicator liveness = new ConnectionLivenessIndicator(List.of(kafka, mongo), GRACE,
            STALE_AFTER, clock);

    @Test
    void staysUpThroughAnOutageShorterThanTheGrace() {
        readinessProbe();
        kafkaCheck.status = Status.DOWN;
        readinessProbe();

        clock.advance(GRACE.minusSeconds(5));
        readinessProbe();

        assertThat(liveness()).isEqualTo(Status.UP);
    }

    @Test
    void goesDownWhenAConnectionFailedEveryCheckForLongerThanTheGrace() {
        mongoCheck.status = Status.DOWN;
        readinessProbe();

        clock.advance(GRACE.plusSeconds(1));
        readinessProbe();

        Health health = liveness.health().block();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("mongo", "unreachable for 181 s").containsEntry("kafka", "reachable");
    }

    @Test
    void aSingleSuccessInTheMiddleStartsTheGraceAgain() {
        kafkaCheck.status = Status.DOWN;
        readinessProbe();
        clock.advance(GRACE.minusSeconds(10));
        kafkaCheck.status = Status.UP;
        readinessProbe();
        kafkaCheck.status = Status.DOWN;
        readinessProbe();

        clock.advance(Duration.ofSeconds(11));
        readinessProbe();

        assertThat(liveness()).isEqualTo(Status.UP);
    }

    @Test
    void comesBackUpAtTheFirstSuccessAfterTheGrace() {
        kafkaCheck.status = Status.DOWN;
        readinessProbe();
        clock.advance(GRACE.plusSeconds(10));
        readinessProbe();
        assertThat(liveness()).isEqualTo(Status.DOWN);

        kafkaCheck.status = Status.UP;
        readinessProbe();

        assertThat(liveness()).isEqualTo(Status.UP);
    }

    @Test
    void judgesOnTheReadinessChecksOutcomesWithoutAskingAgain() {
        readinessProbe();
        clock.advance(STALE_AFTER.minusSeconds(1));

        liveness();

        assertThat(kafkaCheck.calls.get()).isEqualTo(1);
        assertThat(mongoCheck.calls.get()).isEqualTo(1);
    }

    @Test
    void checksItselfWhenNothingElseHasForAWhile() {
        kafkaCheck.status = Status.DOWN;
        liveness();
        clock.advance(GRACE.plusSeconds(1));

        assertThat(liveness()).as("no readiness probe ran, yet the outage is seen").isEqualTo(Status.DOWN);
        assertThat(kafkaCheck.calls.get()).isEqualTo(2);
    }

    @Test
    void anErrorFromTheCheckCountsAsDown() {
        kafkaCheck.error = true;
        readinessProbe();
        clock.advance(GRACE.plusSeconds(1));
        readinessProbe();

        assertThat(liveness()).isEqualTo(Status.DOWN);
    }

    /** What the readiness probe does: runs each connection's check. */
    private void readinessProbe() {
        kafka.health().block();
        mongo.health().block();
    }

    private Status liveness() {
        return liveness.health().block().getStatus();
    }

    static final class ScriptedCheck implements ReactiveHealthIndicator {
        volatile Status status = Status.UP;
        volatile boolean error;
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Mono<Health> health() {
            calls.incrementAndGet();
            return error ? Mono.error(new IllegalStateException("wedged")) : Mono.just(Health.status(status).build());
        }
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
