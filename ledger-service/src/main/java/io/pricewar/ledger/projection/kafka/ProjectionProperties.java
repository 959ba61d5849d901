package io.pricewar.ledger.projection.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the ledger consumes {@code price-events}.
 *
 * @param groupId              the consumer group; replicas with the same group share partitions
 * @param concurrency          consumers in this instance, at most the topic's partition count
 * @param maxBatchSize         records per poll, hence per bulk write
 * @param writeTimeout         how long one batch may take to store before it is retried
 * @param retryInitialInterval first pause after a failed batch
 * @param retryMaxInterval     longest pause between retries, which go on until the store recovers
 * @param flushInterval        while the consumer is behind the log, how long current prices and
 *                             checkpoints may be held behind the history (see
 *                             {@link io.pricewar.ledger.projection.Projector}); once it has caught
 *                             up they are written with every batch. 0 writes them with every batch.
 * @param flushMaxPoints       how many points' current prices may be held at most
 */
@ConfigurationProperties("ledger.projection")
public record ProjectionProperties(
        @DefaultValue("ledger-service") String groupId,
        @DefaultValue("1") int concurrency,
        @DefaultValue("2000") int maxBatchSize,
        @DefaultValue("30s") Duration writeTimeout,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("30s") Duration retryMaxInterval,
        @DefaultValue("5s") Duration flushInterval,
        @DefaultValue("20000") int flushMaxPoints) {
}
