package io.pricewar.infra;

import com.mongodb.reactivestreams.client.MongoClients;
import io.pricewar.events.Topics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedInfraIT {

    @Test
    void brokerStartsWithEveryPriceWarTopicPartitionedAsDeclared() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                    List.of(Topics.PRICE_EVENTS, Topics.PRICE_EVENTS_DLT, Topics.SCRAPE_HEALTH, Topics.PAGE_SNAPSHOTS,
                            Topics.SCRAPER_SOURCES))
                    .allTopicNames().get();

            assertThat(topics.get(Topics.PRICE_EVENTS).partitions()).hasSize(Topics.PRICE_EVENTS_PARTITIONS);
            assertThat(topics.get(Topics.SCRAPER_SOURCES).partitions()).hasSize(Topics.SCRAPER_SOURCES_PARTITIONS);
            assertThat(topics).hasSize(5);
        }
    }

    @Test
    void persistentBrokerKeepsItsLogAcrossARestart(@TempDir Path dir) throws Exception {
        Map<String, Object> producer = Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (EmbeddedKafka kafka = EmbeddedKafka.persistentIn(dir.resolve("kafka"));
             KafkaProducer<String, String> send = new KafkaProducer<>(with(producer, kafka))) {
            send.send(new ProducerRecord<>(Topics.PRICE_EVENTS, "k", "kept")).get();
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.persistentIn(dir.resolve("kafka"));
             KafkaConsumer<String, String> read = new KafkaConsumer<>(with(Map.of(
                     ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                     ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class), kafka))) {
            List<TopicPartition> partitions = read.partitionsFor(Topics.PRICE_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            read.assign(partitions);
            read.seekToBeginning(partitions);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                read.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }

            assertThat(values).containsExactly("kept");
            assertThat(partitions).hasSize(Topics.PRICE_EVENTS_PARTITIONS);
        }
    }

    private static Map<String, Object> with(Map<String, Object> config, EmbeddedKafka kafka) {
        Map<String, Object> all = new HashMap<>(config);
        all.put("bootstrap.servers", kafka.bootstrapServers());
        return all;
    }

    @Test
    void aStoppedBrokerComesBackAtTheSameAddress() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            kafka.stopBroker();
            assertThatThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000)).nodes().get())
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);

            kafka.startBroker();

            assertThat(admin.describeCluster().nodes().get(30, java.util.concurrent.TimeUnit.SECONDS)).hasSize(1);
        }
    }

    @Test
    void fileBackedMongoKeepsDocumentsAcrossARestart(@TempDir Path dir) {
        Path file = dir.resolve("ledger.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.persistentIn(file);
             var client = MongoClients.create(mongo.uri("pricewar"))) {
            Mono.from(client.getDatabase("pricewar").getCollection("c").insertOne(new Document("_id", "kept")))
                    .block(Duration.ofSeconds(10));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.persistentIn(file);
             var client = MongoClients.create(mongo.uri("pricewar"))) {
            List<Document> docs = Flux.from(client.getDatabase("pricewar").getCollection("c").find())
                    .collectList().block(Duration.ofSeconds(10));

            assertThat(docs).extracting(d -> d.getString("_id")).containsExactly("kept");
        }
    }
}
