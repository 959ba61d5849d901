package io.pricewar.alert.delivery;

import io.pricewar.alert.owner.ApiKeyFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class DeliveryRoutes {

    @Bean
    RouterFunction<ServerResponse> deliveryRouter(DeliveryHandler handler, ApiKeyFilter apiKeys) {
        return RouterFunctions.route()
                .GET(DeliveryHandler.DELIVERIES_PATH, handler::list)
                .POST(DeliveryHandler.TEST_PATH, handler::test)
                .filter(apiKeys)
                .build();
    }
}
