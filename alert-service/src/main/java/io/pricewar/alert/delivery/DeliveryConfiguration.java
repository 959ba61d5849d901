package io.pricewar.alert.delivery;

import io.pricewar.alert.delivery.guard.AddressPolicy;
import io.pricewar.alert.delivery.guard.DestinationGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    /** One guard for the whole service: subscriptions are checked with the rules calls are made by. */
    @Bean
    DestinationGuard destinationGuard(DeliveryProperties properties) {
        return new DestinationGuard(properties.guard().allowPlainHttp(),
                new AddressPolicy(properties.guard().allowedNetworks()));
    }
}
