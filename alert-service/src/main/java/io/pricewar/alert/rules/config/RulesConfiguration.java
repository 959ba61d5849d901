package io.pricewar.alert.rules.config;

import io.pricewar.alert.rules.FxRates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    @Bean
    FxRates fxRates(RulesProperties properties) {
        return properties.fxRates();
    }
}
