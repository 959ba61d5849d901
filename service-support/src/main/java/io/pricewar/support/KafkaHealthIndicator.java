package io.pricewar.support;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Kafka health: UP when the cluster answers a describe-cluster request with at least one broker
 * within the timeout.
 *
 * <p>After a failed check the admin client is replaced by a new one: a client whose brokers all
 * went away can stay stuck on nodes it no longer finds ("waiting for a node assignment") instead
 * of going back to the bootstrap addresses, so a restarted or moved broker would never be seen.
 */
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Object> adminConfig;
    private final AtomicReference<AdminClient> admin = new AtomicReference<>();

    public KafkaHealthIndicator(Map<String, Object> adminConfig) {
        super("Kafka cluster not reachable");
        this.adminConfig = Map.copyOf(adminConfig);
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        AdminClient client = admin.updateAndGet(current -> current != null ? current : AdminClient.create(adminConfig));
        var cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
        return Mono.fromCompletionStage(cluster.nodes().toCompletionStage())
                .timeout(TIMEOUT.plusSeconds(1))
                .doOnError(error -> discard(client))
                .map(nodes -> nodes.isEmpty()
                        ? builder.down().withDetail("brokers", 0).build()
                        : builder.up().withDetail("brokers", nodes.size()).build());
    }

    private void discard(AdminClient failed) {
        if (admin.compareAndSet(failed, null)) {
            failed.close(Duration.ZERO);
        }
    }

    @Override
    public void close() {
        AdminClient client = admin.getAndSet(null);
        if (client != null) {
            client.close(Duration.ofSeconds(2));
        }
    }
}
