package io.pricewar.alert.matching;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class MatchingKafkaConfiguration {

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
}
