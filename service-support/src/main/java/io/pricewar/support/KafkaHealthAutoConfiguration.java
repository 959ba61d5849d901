package io.pricewar.support;

import org.apache.kafka.clients.admin.AdminClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Clock;

/**
 * Registers {@link KafkaHealthIndicator} as the {@code kafka} health contributor, from Boot's
 * KafkaAdmin settings, watched so that liveness can judge on its outcomes.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({AdminClient.class, KafkaAdmin.class, org.springframework.boot.health.contributor.Health.class})
public class KafkaHealthAutoConfiguration {

    @Bean(name = "kafkaHealthContributor")
    @ConditionalOnBean(KafkaAdmin.class)
    WatchedConnection kafkaHealthContributor(KafkaAdmin kafkaAdmin) {
        return new WatchedConnection("kafka", new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties()),
                Clock.systemUTC());
    }
}
