package io.pricewar.scraper.run;

import io.pricewar.scraper.diff.SafetyRules;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds {@code pricewar.scraper.safety} to {@link SafetyRules} here, so that the diff package
 * stays free of Spring.
 */
@Configuration(proxyBeanMethods = false)
class SafetyConfiguration {

    @Bean
    SafetyRules safetyRules(Environment environment) {
        return Binder.get(environment).bind("pricewar.scraper.safety", SafetyRules.class).orElse(SafetyRules.DEFAULTS);
    }
}
