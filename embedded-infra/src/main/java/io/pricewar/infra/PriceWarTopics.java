package io.pricewar.infra;

import io.pricewar.events.Topics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * PriceWar's topics as a single-broker cluster has them: the partition counts of {@link Topics},
 * {@code price-events} kept forever, {@code page-snapshots} compacted and taking records up to {@link Topics#PAGE_SNAPSHOTS_MAX_BYTES}. Production creates its
 * topics with replication 3 (see the deployment files); tests and the devstack use this.
 */
public final class PriceWarTopics {

    private PriceWarTopics() {
    }

    public static List<NewTopic> singleBroker() {
        return List.of(
                new NewTopic(Topics.PRICE_EVENTS, Topics.PRICE_EVENTS_PARTITIONS, (short) 1)
                        .configs(Map.of("retention.ms", "-1")),
                new NewTopic(Topics.PRICE_EVENTS_DLT, 1, (short) 1).configs(Map.of("retention.ms", "-1")),
                new NewTopic(Topics.SCRAPE_HEALTH, 1, (short) 1),
                new NewTopic(Topics.PAGE_SNAPSHOTS, 1, (short) 1).configs(Map.of("cleanup.policy", "compact",
                        "max.message.bytes", Integer.toString(Topics.PAGE_SNAPSHOTS_MAX_BYTES))),
                new NewTopic(Topics.SCRAPER_SOURCES, Topics.SCRAPER_SOURCES_PARTITIONS, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact")));
    }

    /** Creates the topics on a running cluster, for tests against a broker started elsewhere. */
    public static void createOn(String bootstrapServers) {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(singleBroker()).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create PriceWar's topics on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
