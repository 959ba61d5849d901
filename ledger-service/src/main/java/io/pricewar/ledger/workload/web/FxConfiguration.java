package io.pricewar.ledger.workload.web;

import io.pricewar.ledger.workload.FxRates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One set of dated exchange rates for every answer that converts (workload ranking, converted history). */
@Configuration(proxyBeanMethods = false)
class FxConfiguration {

    @Bean
    FxRates fxRates(WorkloadProperties properties) {
        return properties.fxRates();
    }
}
