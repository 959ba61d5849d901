package io.pricewar.ledger.projection.mongo;

import com.mongodb.reactivestreams.client.MongoClient;
import io.pricewar.ledger.projection.ProjectionStore;
import io.pricewar.ledger.projection.ProjectionStores;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class ProjectionMongoConfiguration {

    /** Long enough for a replica set to elect a primary; a ledger without its indexes must not start. */
    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(60);

    /** How soon a replica follows a generation switched by another one. */
    private static final Duration POINTER_REFRESH = Duration.ofSeconds(5);

    /**
     * The live generation and its indexes are settled before any bean can write, because the
     * Kafka listener starts during context refresh and its idempotence rests on the unique
     * history index.
     */
    @Bean
    LedgerGenerations ledgerGenerations(MongoClient client, MongoProperties mongo) {
        LedgerGenerations generations = new LedgerGenerations(client.getDatabase(mongo.getMongoClientDatabase()));
        generations.refresh().flatMap(LedgerCollections::ensureIndexes).block(INDEX_TIMEOUT);
        return generations;
    }

    /** Follows switches made elsewhere; a failed read keeps the generation it has and tries again. */
    @Bean(destroyMethod = "dispose")
    Disposable generationPointerRefresh(LedgerGenerations generations) {
        return Flux.interval(POINTER_REFRESH, POINTER_REFRESH)
                .concatMap(tick -> generations.refresh().onErrorComplete())
                .subscribe();
    }

    @Bean
    ProjectionStores projectionStores(LedgerGenerations generations, ObjectProvider<StoreFaults> faults) {
        StoreFaults seam = faults.getIfAvailable(() -> StoreFaults.NONE);
        return new ProjectionStores() {
            private volatile ProjectionStore store;

            @Override
            public ProjectionStore live() {
                LedgerCollections live = generations.live();
                ProjectionStore current = store;
                if (current == null || current.generation() != live.generation()) {
                    current = new MongoProjectionStore(live, seam);
                    store = current;
                }
                return current;
            }
        };
    }
}
