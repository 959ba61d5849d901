package io.pricewar.alert.matching;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.Properties;

@Configuration(proxyBeanMethods = false)
class MatchingKafkaConfiguration {

    static final String BATCH_LISTENER_FACTORY = "priceEventBatchListenerFactory";

    /**
     * Unreadable records never reach this handler (the listener skips them), so a failure here
     * means the outbox could not be written. Skipping the record would lose its notifications;
     * retrying it until MongoDB is back does not.
     */
    @Bean
    CommonErrorHandler retryUntilRecorded(MatchingProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(properties.maxRetryInterval().toMillis());
        return new DefaultErrorHandler(backOff);
    }

    /**
     * Boot's listener settings (and the error handler above), but a batch listener whose offsets
     * are committed once the whole batch is recorded: the price-events listener then pays for one
     * subscription refresh and one outbox write per poll instead of per record. Other listeners
     * keep Boot's record-at-a-time factory.
     */
    @Bean(BATCH_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> priceEventBatchListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            MatchingProperties properties) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        Properties batch = new Properties();
        batch.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(properties.maxBatchSize()));
        factory.getContainerProperties().setKafkaConsumerProperties(batch);
        return factory;
    }
}
