package io.pricewar.alert.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How webhooks are called and retried.
 *
 * @param connectTimeout  how long to wait for a receiver to accept a connection
 * @param responseTimeout how long to wait for its answer
 * @param maxRetries      retries after the first attempt before a delivery is FAILED
 * @param firstBackoff    the wait before the first retry; it doubles on each retry
 * @param maxBackoff      the longest wait between two retries
 * @param lease           how long a sender owns a pending delivery before the sweeper may
 *                        re-send it; must outlast a whole round of attempts, or a slow
 *                        receiver would be sent the same notification twice
 * @param sweepInterval   how often the sweeper looks for pending deliveries whose lease ran out
 * @param sweepBatch      how many of those one sweep takes
 */
@ConfigurationProperties("pricewar.alert.delivery")
public record DeliveryProperties(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration responseTimeout,
        @DefaultValue("3") int maxRetries,
        @DefaultValue("500ms") Duration firstBackoff,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("100") int sweepBatch) {

    public DeliveryProperties {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("pricewar.alert.delivery.max-retries cannot be negative");
        }
        Duration longestRound = connectTimeout.plus(responseTimeout).multipliedBy(maxRetries + 1L)
                .plus(maxBackoff.multipliedBy(maxRetries));
        if (lease.compareTo(longestRound) <= 0) {
            throw new IllegalArgumentException("pricewar.alert.delivery.lease (" + lease
                    + ") must outlast a whole round of attempts (" + longestRound + ")");
        }
    }
}
