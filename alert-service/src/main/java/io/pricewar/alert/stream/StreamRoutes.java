package io.pricewar.alert.stream;

import io.pricewar.alert.owner.ApiKeyFilter;
import io.pricewar.alert.owner.Owners;
import io.pricewar.alert.web.ApiPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class StreamRoutes {

    @Bean
    RouterFunction<ServerResponse> streamRouter(NotificationStreams streams, ApiKeyFilter apiKeys) {
        return RouterFunctions.route()
                .GET(ApiPaths.STREAM, request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_EVENT_STREAM)
                        .body(BodyInserters.fromServerSentEvents(streams.of(Owners.of(request).id()))))
                .filter(apiKeys)
                .build();
    }
}
