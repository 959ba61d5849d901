package io.pricewar.ledger.query.mongo;

import io.pricewar.ledger.projection.mongo.LedgerGenerations;
import io.pricewar.ledger.query.PriceQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QueryMongoConfiguration {

    @Bean
    PriceQueries priceQueries(LedgerGenerations generations) {
        return new MongoPriceQueries(generations);
    }
}
