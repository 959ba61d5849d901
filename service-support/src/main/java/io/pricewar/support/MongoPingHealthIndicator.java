package io.pricewar.support;

import com.mongodb.reactivestreams.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * MongoDB health by the {@code ping} command. Boot's own indicator asks {@code hello}, which the
 * in-JVM wire-protocol server used by the tests and the devstack does not answer, so it would
 * report DOWN there although the database works; {@code ping} is answered by every MongoDB.
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final MongoClient client;

    public MongoPingHealthIndicator(MongoClient client) {
        super("MongoDB ping failed");
        this.client = client;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.from(client.getDatabase("admin").runCommand(new Document("ping", 1)))
                .timeout(TIMEOUT)
                .map(reply -> builder.up().withDetail("ping", reply.get("ok")).build());
    }
}
