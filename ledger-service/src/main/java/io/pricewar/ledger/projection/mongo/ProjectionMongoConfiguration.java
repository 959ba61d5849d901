package io.pricewar.ledger.projection.mongo;

import com.mongodb.reactivestreams.client.MongoClient;
import io.pricewar.ledger.projection.ProjectionStore;
import io.pricewar.ledger.projection.Projector;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class ProjectionMongoConfiguration {

    /** Long enough for a replica set to elect a primary; a ledger without its indexes must not start. */
    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The indexes are created before any bean can write, because the Kafka listener starts
     * during context refresh and its idempotence rests on the unique history index.
     */
    @Bean
    LedgerCollections ledgerCollections(MongoClient client, MongoProperties mongo) {
        LedgerCollections collections = new LedgerCollections(client.getDatabase(mongo.getMongoClientDatabase()));
        collections.ensureIndexes().block(INDEX_TIMEOUT);
        return collections;
    }

    @Bean
    ProjectionStore projectionStore(LedgerCollections collections) {
        return new MongoProjectionStore(collections);
    }

    @Bean
    Projector projector(ProjectionStore store) {
        return new Projector(store);
    }
}
