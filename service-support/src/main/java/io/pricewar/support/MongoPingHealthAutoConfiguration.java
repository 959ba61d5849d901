package io.pricewar.support;

import com.mongodb.reactivestreams.client.MongoClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Registers {@link MongoPingHealthIndicator} under the bean name Boot's Mongo health
 * auto-configuration backs off from, so it replaces Boot's {@code hello}-based check; watched so
 * that liveness can judge on its outcomes.
 */
@AutoConfiguration(afterName = "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration")
@ConditionalOnClass({MongoClient.class, org.springframework.boot.health.contributor.Health.class})
public class MongoPingHealthAutoConfiguration {

    @Bean(name = "mongoHealthContributor")
    @ConditionalOnBean(MongoClient.class)
    WatchedConnection mongoHealthContributor(MongoClient client) {
        return new WatchedConnection("mongo", new MongoPingHealthIndicator(client), Clock.systemUTC());
    }
}
