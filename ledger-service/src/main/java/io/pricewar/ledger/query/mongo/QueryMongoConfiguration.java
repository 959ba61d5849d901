package io.pricewar.ledger.query.mongo;

import io.pricewar.ledger.projection.mongo.LedgerCollections;
import io.pricewar.ledger.query.PriceQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QueryMongoConfiguration {

    @Bean
    PriceQueries priceQueries(LedgerCollections collections) {
        return new MongoPriceQueries(collections);
    }
}
