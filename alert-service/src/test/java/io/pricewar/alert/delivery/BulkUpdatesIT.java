package io.pricewar.alert.delivery;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.pricewar.infra.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BulkUpdatesIT {

    final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    final MongoClient client = MongoClients.create(mongo.uri("bulk-updates"));
    final MongoCollection<Document> collection = client.getDatabase("bulk-updates").getCollection("docs");

    @AfterEach
    void close() {
        client.close();
        mongo.close();
    }

    @Test
    void everyUpdateIssuedAtOnceFromManyThreadsIsWrittenBeforeItsCallerHearsSo() {
        int count = 2_000;
        // As the outbox has it: without an index on exactly the filter's fields the in-JVM server scans.
        Mono.from(collection.createIndex(Indexes.ascending("_id", "status"), new IndexOptions().unique(true))).block();
        Mono.from(collection.insertMany(IntStream.range(0, count)
                .mapToObj(i -> new Document("_id", "d" + i).append("status", "PENDING")).toList())).block();
        BulkUpdates updates = new BulkUpdates(collection, 100);

        List<String> seenOnceDone = Flux.range(0, count)
                .flatMap(i -> updates.updateOne(new Document("_id", "d" + i).append("status", "PENDING"),
                                Updates.set("status", "DELIVERED"))
                        .then(Mono.from(collection.find(Filters.eq("_id", "d" + i)).first()))
                        .map(d -> d.getString("status"))
                        .subscribeOn(Schedulers.parallel()), 256)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(seenOnceDone).hasSize(count).containsOnly("DELIVERED");
        assertThat(Mono.from(collection.countDocuments(Filters.eq("status", "DELIVERED"))).block()).isEqualTo(count);
    }

    @Test
    void anUpdateThatFindsNothingChangesNothingAndStillCompletes() {
        Mono.from(collection.insertOne(new Document("_id", "d").append("status", "DELIVERED"))).block();
        BulkUpdates updates = new BulkUpdates(collection, 100);

        updates.updateOne(new Document("_id", "d").append("status", "PENDING"), Updates.set("status", "DEAD_LETTERED"))
                .block(Duration.ofSeconds(10));

        assertThat(Mono.from(collection.find(Filters.eq("_id", "d")).first()).block().getString("status"))
                .isEqualTo("DELIVERED");
    }
}
