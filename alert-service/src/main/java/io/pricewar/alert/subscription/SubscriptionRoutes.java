package io.pricewar.alert.subscription;

import io.pricewar.alert.owner.ApiKeyFilter;
import io.pricewar.alert.web.ApiPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class SubscriptionRoutes {

    @Bean
    RouterFunction<ServerResponse> subscriptionRouter(SubscriptionHandler handler, ApiKeyFilter apiKeys) {
        return RouterFunctions.route()
                .POST(ApiPaths.SUBSCRIPTIONS, handler::create)
                .GET(ApiPaths.SUBSCRIPTIONS, handler::list)
                .GET(ApiPaths.SUBSCRIPTION, handler::get)
                .PUT(ApiPaths.SUBSCRIPTION, handler::replace)
                .PATCH(ApiPaths.SUBSCRIPTION, handler::patch)
                .DELETE(ApiPaths.SUBSCRIPTION, handler::delete)
                .filter(apiKeys)
                .build();
    }
}
