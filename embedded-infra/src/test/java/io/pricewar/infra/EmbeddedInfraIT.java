package io.pricewar.infra;

import com.mongodb.reactivestreams.client.MongoClients;
import io.pricewar.events.Topics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedInfraIT {

    @Test
    void brokerStartsWithEveryPriceWarTopicPartitionedAsDeclared() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                    List.of(Topics.PRICE_EVENTS, Topics.PRICE_EVENTS_DLT, Topics.SCRAPE_HEALTH, Topics.PAGE_SNAPSHOTS))
                    .allTopicNames().get();

            assertThat(topics.get(Topics.PRICE_EVENTS).partitions()).hasSize(Topics.PRICE_EVENTS_PARTITIONS);
            assertThat(topics).hasSize(4);
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
