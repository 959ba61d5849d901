package io.pricewar.support;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Registers {@link ConnectionLivenessIndicator} as the {@code connections} health contributor,
 * over whichever watched connections the service has (the scraper has no MongoDB);
 * {@link ProbeDefaults} puts it in the liveness group.
 */
@AutoConfiguration(after = {KafkaHealthAutoConfiguration.class, MongoPingHealthAutoConfiguration.class})
@ConditionalOnClass(org.springframework.boot.health.contributor.Health.class)
@EnableConfigurationProperties(HealthProperties.class)
public class ConnectionLivenessAutoConfiguration {

    @Bean(name = "connectionsHealthContributor")
    ConnectionLivenessIndicator connectionsHealthContributor(ObjectProvider<WatchedConnection> connections,
                                                             HealthProperties properties) {
        return new ConnectionLivenessIndicator(connections.orderedStream().toList(), properties.livenessGrace(),
                properties.staleAfter(), Clock.systemUTC());
    }
}
