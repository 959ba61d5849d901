package io.pricewar.alert.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How webhooks are called and retried.
 *
 * @param connectTimeout   how long to wait for a receiver to accept a connection
 * @param responseTimeout  how long to wait for its answer
 * @param attemptTimeout   the most one attempt may take in all, reading the answer included
 * @param maxResponseBytes how much of an answer's body is read (for the failure reason); the
 *                         rest is never read, so a receiver cannot make the service buffer much
 * @param maxAttempts      attempts before a delivery is dead-lettered
 * @param firstBackoff     the wait after the first failed attempt; it doubles on each retry
 * @param maxBackoff       the longest wait between two attempts
 * @param maxRetryAfter    the longest Retry-After honoured; a receiver asking more gets this
 * @param lease            how long a sender owns a delivery it is attempting before the sweeper
 *                         may take it over; must outlast one attempt
 * @param sweepInterval    how often the sweeper takes due retries and orphaned deliveries
 * @param sweepBatch       how many of those one sweep takes
 * @param maxInFlight      how many webhook calls run at once
 * @param stopTimeout      how long a stopping service lets attempts in flight finish and be
 *                         recorded; any still going then is left to the lease and the sweeper.
 *                         Within Boot's 30 s per shutdown phase and the pod's 45 s grace period
 * @param guard            which destinations may be called
 */
@ConfigurationProperties("pricewar.alert.delivery")
public record DeliveryProperties(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration responseTimeout,
        @DefaultValue("10s") Duration attemptTimeout,
        @DefaultValue("4096") int maxResponseBytes,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("1s") Duration firstBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("6h") Duration maxRetryAfter,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("200") int sweepBatch,
        @DefaultValue("256") int maxInFlight,
        @DefaultValue("20s") Duration stopTimeout,
        @DefaultValue Guard guard) {

    /**
     * @param allowPlainHttp  allow http:// webhooks; for local use only
     * @param allowedNetworks CIDR blocks callable although refused by default, e.g. 127.0.0.0/8
     *                        for a local run
     */
    public record Guard(@DefaultValue("false") boolean allowPlainHttp, @DefaultValue List<String> allowedNetworks) {
    }

    public DeliveryProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("pricewar.alert.delivery.max-attempts must be at least 1");
        }
        if (lease.compareTo(attemptTimeout) <= 0) {
            throw new IllegalArgumentException("pricewar.alert.delivery.lease (" + lease
                    + ") must outlast one attempt (attempt-timeout " + attemptTimeout + ")");
        }
    }

    Backoff backoff() {
        return new Backoff(firstBackoff, maxBackoff, maxRetryAfter);
    }
}
