package io.pricewar.alert.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param recordTimeout    how long recording the deliveries of one batch of records may take
 *                         before the batch is retried; keep it well under the consumer's
 *                         max.poll.interval
 * @param maxBatchSize     the most records the listener takes at once (the consumer's
 *                         max.poll.records): a batch is matched against one refresh of the
 *                         subscriptions and its deliveries inserted together
 * @param consumerGroup    the Kafka consumer group replicas share the work of {@code price-events} in
 * @param maxRetryInterval the longest wait between retries of a record whose deliveries could
 *                         not be recorded (MongoDB down); such a record is retried, never skipped
 * @param refreshInterval  how often a replica polls MongoDB for subscriptions changed elsewhere
 * @param refreshOverlap   how far before the start of the previous poll each poll looks again:
 *                         covers writers' clock skew and writes still in flight when a poll ran
 * @param freshnessMargin  an event appended at T is matched only against subscriptions polled at
 *                         T plus this or later, so one created just before T on another replica
 *                         is not missed. Zero by default: the listener is sequential, and every
 *                         millisecond here is paid by every live batch in turn (50 ms per record
 *                         capped a live stream at about 20 events/s in EndToEndLatency); raise it to cover
 *                         the time from a subscription's creation instant to its write, and
 *                         clock skew between broker and replicas, where that matters more
 */
@ConfigurationProperties("pricewar.alert.matching")
public record MatchingProperties(
        @DefaultValue("30s") Duration recordTimeout,
        @DefaultValue("alert-service") String consumerGroup,
        @DefaultValue("30s") Duration maxRetryInterval,
        @DefaultValue("1s") Duration refreshInterval,
        @DefaultValue("5s") Duration refreshOverlap,
        @DefaultValue("0ms") Duration freshnessMargin,
        @DefaultValue("100") int maxBatchSize) {
}
