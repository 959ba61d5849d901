package io.pricewar.ledger.replay.web;

import io.pricewar.ledger.projection.kafka.ProjectionProperties;
import io.pricewar.ledger.projection.mongo.LedgerGenerations;
import io.pricewar.ledger.replay.run.ReplayRunner;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

import java.util.HashMap;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
class ReplayConfiguration {

    /**
     * The replay's consumer has no group: it cannot commit, join or disturb the live group, and
     * it reads only what it is assigned.
     */
    @Bean(destroyMethod = "close")
    ReplayRunner replayRunner(ConsumerFactory<?, ?> bootConsumers, LedgerGenerations generations,
                              ProjectionProperties projection) {
        Map<String, Object> config = new HashMap<>(bootConsumers.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, projection.maxBatchSize());
        return new ReplayRunner(() -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
                generations, projection.writeTimeout());
    }

    @Bean
    AdminKeyFilter adminKeyFilter(AdminProperties properties) {
        return new AdminKeyFilter(properties);
    }
}
