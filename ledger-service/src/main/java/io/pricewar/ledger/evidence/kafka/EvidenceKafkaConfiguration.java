package io.pricewar.ledger.evidence.kafka;

import com.mongodb.reactivestreams.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.ledger.evidence.EvidenceStore;
import io.pricewar.ledger.evidence.mongo.MongoEvidenceStore;
import io.pricewar.ledger.projection.kafka.ProjectionProperties;
import io.pricewar.ledger.startup.StoragePrerequisite;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.HashMap;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
class EvidenceKafkaConfiguration {

    static final String LISTENER_FACTORY = "pageSnapshotsListenerFactory";
    /** Its own group, so evidence and prices are consumed and committed independently. */
    static final String GROUP_ID = "ledger-evidence";

    @Bean
    MongoEvidenceStore evidenceStore(MongoClient client, MongoProperties mongo) {
        return new MongoEvidenceStore(client.getDatabase(mongo.getMongoClientDatabase()));
    }

    /** Its indexes before any snapshot is consumed; not at start-up, which must not wait for MongoDB. */
    @Bean
    StoragePrerequisite evidenceStorage(MongoEvidenceStore store) {
        return new StoragePrerequisite(SnapshotListener.LISTENER_ID, store::ensureIndexes);
    }

    /** Records one at a time (bodies are large), committed after each is stored, retried without end. */
    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> pageSnapshotsListenerFactory(
            ConsumerFactory<?, ?> bootConsumers, ProjectionProperties projection, MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(bootConsumers.getConfigurationProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        var consumers = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumers.addListener(new MicrometerConsumerListener<>(registry));
        factory.setConsumerFactory(consumers);
        factory.getContainerProperties().setAckMode(AckMode.RECORD);
        // Started by StorageStartup once MongoDB has the evidence indexes.
        factory.setAutoStartup(false);
        var backOff = new ExponentialBackOff(projection.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(projection.retryMaxInterval().toMillis());
        backOff.setMaxAttempts(Long.MAX_VALUE);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }

    @Bean
    SnapshotListener snapshotListener(EvidenceStore store, ProjectionProperties projection, MeterRegistry registry) {
        return new SnapshotListener(store, projection.writeTimeout(), registry);
    }
}
