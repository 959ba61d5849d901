package io.pricewar.ledger.projection.mongo;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.pricewar.infra.EmbeddedMongo;
import io.pricewar.ledger.projection.ProjectionFold;
import io.pricewar.ledger.projection.ProjectionPlan;
import io.pricewar.ledger.projection.ProjectionStore.Stored;
import io.pricewar.ledger.projection.SourcePosition;
import io.pricewar.ledger.projection.SourcedEvent;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.pricewar.ledger.SampleEvents.QWEN_LONG_INPUT;
import static io.pricewar.ledger.SampleEvents.at;
import static io.pricewar.ledger.SampleEvents.qwenCut;
import static io.pricewar.ledger.SampleEvents.qwenDelisted;
import static io.pricewar.ledger.SampleEvents.qwenListed;
import static org.assertj.core.api.Assertions.assertThat;

/** The store against a Mongo-wire server: the idempotence the projection relies on. */
class MongoProjectionStoreIT {

    static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    static final MongoClient CLIENT = MongoClients.create(MONGO.uri("store-it"));
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    LedgerCollections collections;
    MongoProjectionStore store;

    @BeforeEach
    void freshDatabase() {
        var database = CLIENT.getDatabase("store-it");
        Mono.from(database.drop()).block(TIMEOUT);
        collections = new LedgerCollections(database);
        collections.ensureIndexes().block(TIMEOUT);
        store = new MongoProjectionStore(collections);
    }

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.close();
    }

    @Test
    void redeliveredBatchIsCountedAsDuplicatesAndChangesNothing() {
        var batch = List.of(at(qwenListed(), 0, 0), at(qwenCut(), 0, 1));
        project(batch);

        Stored again = project(batch);

        assertThat(again).isEqualTo(new Stored(0, 2));
        assertThat(all(collections.history())).hasSize(2);
        assertThat(store.storedSeqs(Set.of(QWEN_LONG_INPUT)).block(TIMEOUT))
                .isEqualTo(Map.of(QWEN_LONG_INPUT, 2L));
    }

    @Test
    void staleCurrentWriteIsIgnoredBecauseThePointIsAlreadyNewer() {
        project(List.of(at(qwenListed(), 0, 0), at(qwenCut(), 0, 1), at(qwenDelisted(), 0, 2)));
        ProjectionPlan stale = ProjectionFold.plan(List.of(at(qwenCut(), 0, 1)), Map.of());

        store.store(stale, List.of()).block(TIMEOUT);

        assertThat(all(collections.current())).singleElement()
                .satisfies(doc -> assertThat(doc).containsEntry("seq", 3L).containsEntry("status", "DELISTED"));
    }

    @Test
    void currentWriteFromAStaleReadNeverMovesAPointBack() {
        project(List.of(at(qwenListed(), 0, 0), at(qwenCut(), 0, 1), at(qwenDelisted(), 0, 2)));
        ProjectionPlan readAtOne = ProjectionFold.plan(List.of(at(qwenCut(), 0, 1)), Map.of(QWEN_LONG_INPUT, 1L));

        store.store(readAtOne, List.of()).block(TIMEOUT);

        assertThat(all(collections.current())).singleElement()
                .satisfies(doc -> assertThat(doc).containsEntry("seq", 3L).containsEntry("status", "DELISTED"));
    }

    @Test
    void currentWriteFromAnOlderReadStillMovesThePointOn() {
        project(List.of(at(qwenListed(), 0, 0), at(qwenCut(), 0, 1)));
        ProjectionPlan readAtOne = ProjectionFold.plan(List.of(at(qwenDelisted(), 0, 2)), Map.of(QWEN_LONG_INPUT, 1L));

        store.store(readAtOne, List.of()).block(TIMEOUT);

        assertThat(all(collections.current())).singleElement()
                .satisfies(doc -> assertThat(doc).containsEntry("seq", 3L).containsEntry("status", "DELISTED"));
    }

    @Test
    void gapIsRecordedOnceHoweverOftenItIsReplayed() {
        project(List.of(at(qwenListed(), 0, 0)));
        project(List.of(at(qwenDelisted(), 0, 5)));
        store.store(ProjectionFold.plan(List.of(at(qwenDelisted(), 0, 5)), Map.of(QWEN_LONG_INPUT, 1L)), List.of())
                .block(TIMEOUT);

        assertThat(all(collections.gaps())).singleElement()
                .satisfies(doc -> assertThat(doc).containsEntry("expectedSeq", 2L).containsEntry("foundSeq", 3L));
    }

    @Test
    void checkpointNeverMovesBack() {
        store.store(ProjectionFold.plan(List.of(), Map.of()), List.of(new SourcePosition("price-events", 1, 9)))
                .block(TIMEOUT);
        store.store(ProjectionFold.plan(List.of(), Map.of()), List.of(new SourcePosition("price-events", 1, 4)))
                .block(TIMEOUT);

        assertThat(all(collections.checkpoints())).singleElement().satisfies(doc -> assertThat(doc)
                .containsEntry("_id", "price-events-1").containsEntry("partition", 1).containsEntry("offset", 9L));
    }

    private Stored project(List<SourcedEvent> batch) {
        var seqs = store.storedSeqs(batch.stream().map(e -> e.event().pointId())
                .collect(Collectors.toSet())).block(TIMEOUT);
        return store.store(ProjectionFold.plan(batch, seqs), List.of(batch.getLast().position())).block(TIMEOUT);
    }

    private static List<Document> all(MongoCollection<Document> collection) {
        return Flux.from(collection.find()).collectList().block(TIMEOUT);
    }
}
