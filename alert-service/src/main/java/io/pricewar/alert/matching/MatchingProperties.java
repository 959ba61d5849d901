package io.pricewar.alert.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param recordTimeout    how long recording the deliveries of one record may take before the
 *                         record is retried; keep it well under the consumer's max.poll.interval
 * @param consumerGroup    the Kafka consumer group replicas share the work of {@code price-events} in
 * @param maxRetryInterval the longest wait between retries of a record whose deliveries could
 *                         not be recorded (MongoDB down); such a record is retried, never skipped
 */
@ConfigurationProperties("pricewar.alert.matching")
public record MatchingProperties(
        @DefaultValue("30s") Duration recordTimeout,
        @DefaultValue("alert-service") String consumerGroup,
        @DefaultValue("30s") Duration maxRetryInterval) {
}
