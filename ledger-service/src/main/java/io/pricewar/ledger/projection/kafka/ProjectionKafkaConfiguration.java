package io.pricewar.ledger.projection.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.ledger.projection.ProjectionStores;
import io.pricewar.ledger.projection.mongo.LedgerCollections;
import io.pricewar.ledger.projection.mongo.LedgerGenerations;
import io.pricewar.ledger.startup.StoragePrerequisite;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.HashMap;
import java.util.Map;

/**
 * The projection's own consumer and producer. They start from Boot's Kafka settings (servers,
 * security, client tuning) and fix in code what the projection's correctness rests on, so
 * that no configuration file can turn it off.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionKafkaConfiguration {

    static final String LISTENER_FACTORY = "priceEventsListenerFactory";

    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> priceEventsListenerFactory(
            ConsumerFactory<?, ?> bootConsumers, ProjectionProperties properties, CheckpointAlignment alignment,
            MeterRegistry registry) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        var consumers = rawRecordConsumers(bootConsumers, properties);
        // Kafka's own client metrics (records-lag-max above all) for the operator, as Boot's factory would add.
        consumers.addListener(new MicrometerConsumerListener<>(registry));
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        // Started by StorageStartup once MongoDB has the indexes its idempotence rests on.
        factory.setAutoStartup(false);
        factory.setConcurrency(properties.concurrency());
        factory.getContainerProperties().setAckMode(AckMode.MANUAL_IMMEDIATE);
        factory.getContainerProperties().setConsumerRebalanceListener(alignment);
        // A quiet log brings no batch to write what is held; the idle event does it instead.
        if (properties.flushInterval().isPositive()) {
            factory.getContainerProperties().setIdleEventInterval(properties.flushInterval().toMillis());
        }
        factory.setCommonErrorHandler(retryUntilStored(properties));
        return factory;
    }

    /**
     * Values arrive as bytes and are read by the listener, so a malformed record reaches code
     * that can dead-letter it with its reason. Offsets are committed by the listener alone.
     */
    private static DefaultKafkaConsumerFactory<String, byte[]> rawRecordConsumers(ConsumerFactory<?, ?> bootConsumers,
                                                                      ProjectionProperties properties) {
        Map<String, Object> config = new HashMap<>(bootConsumers.getConfigurationProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxBatchSize());
        return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Every failure is retried, with growing pauses and without end: a batch that is given up
     * would be committed past and its events lost to the projection. Records that can never be
     * stored do not reach here; the listener dead-letters them.
     */
    private static DefaultErrorHandler retryUntilStored(ProjectionProperties properties) {
        var handler = new DefaultErrorHandler(endlessBackOff(properties));
        handler.setClassifications(Map.of(), true);
        return handler;
    }

    static ExponentialBackOff endlessBackOff(ProjectionProperties properties) {
        var backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    /** Idempotent and acks=all, so a dead letter is durable once the send completes. */
    @Bean
    DeadLetters deadLetters(ProducerFactory<?, ?> bootProducers) {
        Map<String, Object> config = new HashMap<>(bootProducers.getConfigurationProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new DeadLetters(new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
    }

    @Bean
    ProjectionMetrics projectionMetrics(MeterRegistry registry) {
        return new ProjectionMetrics(registry);
    }

    /** Before the projection consumes: the live generation read, and its unique indexes in place. */
    @Bean
    StoragePrerequisite projectionStorage(LedgerGenerations generations) {
        return new StoragePrerequisite(PriceEventsListener.LISTENER_ID,
                () -> generations.refresh().flatMap(LedgerCollections::ensureIndexes));
    }

    @Bean
    ConsumerProjectors consumerProjectors(ProjectionProperties properties, ProjectionMetrics metrics) {
        return new ConsumerProjectors(properties, projected -> PriceEventsListener.report(projected, metrics));
    }

    @Bean
    CheckpointAlignment checkpointAlignment(ProjectionStores stores, ProjectionProperties properties,
                                            ConsumerProjectors projectors) {
        return new CheckpointAlignment(stores, properties.writeTimeout(), projectors);
    }

    @Bean
    PriceEventsListener priceEventsListener(ProjectionStores stores, CheckpointAlignment alignment,
                                            ConsumerProjectors projectors, DeadLetters deadLetters,
                                            ProjectionMetrics metrics, ProjectionProperties properties) {
        return new PriceEventsListener(stores, alignment, projectors, deadLetters, metrics, properties);
    }
}
