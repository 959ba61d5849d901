package io.pricewar.alert.digest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class DigestConfiguration {

    /** A bean, not {@code Clock.systemUTC()} in place, so that a test can move digest days forward. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
