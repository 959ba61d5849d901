package io.pricewar.infra;

import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A single-node Apache Kafka broker in KRaft mode, in this JVM, with {@link PriceWarTopics}
 * created: throw-away for tests, or kept in a folder for the devstack, so that the log (the
 * system of record) survives a restart together with the MongoDB projections built from it.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Map<String, String> BROKER_PROPERTIES = Map.of(
            "auto.create.topics.enable", "false",
            "group.initial.rebalance.delay.ms", "0",
            "offsets.topic.replication.factor", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1");

    /** A persistent cluster keeps its id; any fixed id works, this one names the project. */
    private static final String DEVSTACK_CLUSTER_ID = "UHJpY2VXYXJEZXZzdGFjaw";

    private final String bootstrapServers;
    private final KafkaClusterTestKit cluster;
    private final AutoCloseable broker;

    private EmbeddedKafka(String bootstrapServers, KafkaClusterTestKit cluster, AutoCloseable broker) {
        this.bootstrapServers = bootstrapServers;
        this.cluster = cluster;
        this.broker = broker;
    }

    /** Starts a throw-away broker on a free loopback port and creates every PriceWar topic. */
    public static EmbeddedKafka start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(BROKER_PROPERTIES);
        broker.afterPropertiesSet();
        broker.addTopics(PriceWarTopics.singleBroker().toArray(NewTopic[]::new));
        return new EmbeddedKafka(broker.getBrokersAsString(), broker.getCluster(), broker::destroy);
    }

    /**
     * Starts a broker whose log lives in {@code directory}: formatted and given PriceWar's topics
     * on first use, reopened as it was on every later start.
     */
    public static EmbeddedKafka persistentIn(Path directory) {
        try {
            boolean fresh = !Files.isDirectory(directory) || isEmpty(directory);
            Files.createDirectories(directory);
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setClusterId(DEVSTACK_CLUSTER_ID)
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(directory)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(false);
            BROKER_PROPERTIES.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            if (fresh) {
                cluster.format();
            }
            cluster.startup();
            cluster.waitForReadyBrokers();
            if (fresh) {
                PriceWarTopics.createOn(cluster.bootstrapServers());
            }
            return new EmbeddedKafka(cluster.bootstrapServers(), cluster, cluster);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a Kafka broker in " + directory, e);
        }
    }

    private static boolean isEmpty(Path directory) throws java.io.IOException {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    /** The value for {@code spring.kafka.bootstrap-servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Shuts the broker down, as in an outage; the controller and the log stay, and
     * {@link #startBroker()} brings the broker back on the same port, where clients reconnect.
     */
    public void stopBroker() {
        cluster.brokers().values().forEach(BrokerServer::shutdown);
    }

    public void startBroker() {
        cluster.brokers().values().forEach(BrokerServer::startup);
    }

    @Override
    public void close() {
        try {
            broker.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the Kafka broker failed", e);
        }
    }
}
