package io.pricewar.infra;

import io.pricewar.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * A single-node Apache Kafka broker in KRaft mode, in this JVM, with PriceWar's topics created
 * as production would have them (partition counts, compaction of {@code page-snapshots}).
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /** Starts a broker on a free loopback port and creates every PriceWar topic. */
    public static EmbeddedKafka start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Topics.PRICE_EVENTS_PARTITIONS);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        broker.addTopics(priceWarTopics());
        return new EmbeddedKafka(broker);
    }

    static NewTopic[] priceWarTopics() {
        return new NewTopic[] {
                new NewTopic(Topics.PRICE_EVENTS, Topics.PRICE_EVENTS_PARTITIONS, (short) 1)
                        .configs(Map.of("retention.ms", "-1")),
                new NewTopic(Topics.PRICE_EVENTS_DLT, 1, (short) 1).configs(Map.of("retention.ms", "-1")),
                new NewTopic(Topics.SCRAPE_HEALTH, 1, (short) 1),
                new NewTopic(Topics.PAGE_SNAPSHOTS, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
        };
    }

    /** The value for {@code spring.kafka.bootstrap-servers}. */
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
