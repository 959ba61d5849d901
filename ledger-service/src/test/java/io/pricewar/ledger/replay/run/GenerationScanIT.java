package io.pricewar.ledger.replay.run;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.pricewar.events.PriceEvent;
import io.pricewar.infra.EmbeddedMongo;
import io.pricewar.ledger.SampleEvents;
import io.pricewar.ledger.projection.HistoryEntry;
import io.pricewar.ledger.projection.ProjectionChecksum;
import io.pricewar.ledger.projection.ProjectionFold;
import io.pricewar.ledger.projection.SourcedEvent;
import io.pricewar.ledger.projection.mongo.LedgerCollections;
import io.pricewar.ledger.projection.mongo.LedgerDocuments;
import io.pricewar.ledger.projection.mongo.MongoProjectionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay's single verification pass, against a Mongo-wire server. */
class GenerationScanIT {

    static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    static final MongoClient CLIENT = MongoClients.create(MONGO.uri("scan-it"));
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final List<PriceEvent> LOG = SampleEvents.series(3, 3);
    static final Map<Integer, Long> EVERYTHING = Map.of(0, Long.MAX_VALUE);

    LedgerCollections collections;

    @BeforeEach
    void freshDatabase() {
        var database = CLIENT.getDatabase("scan-it");
        Mono.from(database.drop()).block(TIMEOUT);
        collections = new LedgerCollections(database);
        collections.ensureIndexes().block(TIMEOUT);
    }

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.close();
    }

    @Test
    void countsEntriesFindsNoBrokenChainAndDigestsTheOverlap() {
        store(sourced(LOG));

        var scan = GenerationScan.of(collections, "price-events", EVERYTHING).block(TIMEOUT);

        assertThat(scan.entries()).isEqualTo(LOG.size());
        assertThat(scan.brokenChains()).isZero();
        assertThat(scan.overlapChecksum()).isEqualTo(SampleEvents.checksumOf(LOG).history());
        assertThat(GenerationScan.of(collections, "price-events", Map.of(0, 2L)).block(TIMEOUT).overlapChecksum())
                .as("only offsets 0..2 in the overlap").isEqualTo(historyChecksum(sourced(LOG).subList(0, 3)));
    }

    @Test
    void entriesStoredOutOfSeqOrderAreCheckedInOrderAndHold() {
        List<SourcedEvent> all = sourced(LOG);
        store(all.subList(3, all.size()));
        store(all.subList(0, 3));

        assertThat(GenerationScan.of(collections, "price-events", EVERYTHING).block(TIMEOUT).brokenChains()).isZero();
    }

    @Test
    void aTamperedEntryBreaksItsPointsChain() {
        store(sourced(LOG));
        PriceEvent victim = LOG.get(4);
        Mono.from(collections.history().updateOne(
                Filters.and(Filters.eq(LedgerDocuments.POINT_ID, victim.pointId().toString()),
                        Filters.eq(LedgerDocuments.SEQ, victim.seq())),
                Updates.set(LedgerDocuments.EVENT_ID, "forged"))).block(TIMEOUT);

        assertThat(GenerationScan.of(collections, "price-events", EVERYTHING).block(TIMEOUT).brokenChains()).isEqualTo(1);
    }

    private void store(List<SourcedEvent> events) {
        new MongoProjectionStore(collections).storeHistory(ProjectionFold.plan(events, Map.of())).block(TIMEOUT);
    }

    private static List<SourcedEvent> sourced(List<PriceEvent> log) {
        List<SourcedEvent> sourced = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            sourced.add(SampleEvents.at(log.get(i), 0, i));
        }
        return sourced;
    }

    private static String historyChecksum(List<SourcedEvent> events) {
        ProjectionChecksum checksum = new ProjectionChecksum();
        events.forEach(event -> checksum.addHistory(HistoryEntry.of(event)));
        return checksum.result().history();
    }
}
