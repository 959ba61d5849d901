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

    /** How soon a replica follows a generation switched by another one. */
    private static final Duration POINTER_REFRESH = Duration.ofSeconds(5);

    /**
     * Generation 0 until the pointer is read: the projection does not consume before that (and
     * the indexes its idempotence rests on) is done (see the projection's
     * {@link io.pricewar.ledger.startup.StoragePrerequisite}); queries are not routed here before,
     * since the ledger reports itself not ready until then.
     */
    @Bean
    LedgerGenerations ledgerGenerations(MongoClient client, MongoProperties mongo) {
        return new LedgerGenerations(client.getDatabase(mongo.getMongoClientDatabase()));
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
