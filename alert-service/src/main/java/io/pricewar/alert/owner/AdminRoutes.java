package io.pricewar.alert.owner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class AdminRoutes {

    @Bean
    RouterFunction<ServerResponse> adminRouter(AdminHandler handler) {
        return RouterFunctions.route()
                .POST(AdminHandler.API_KEYS_PATH, handler::issueKey)
                .filter(handler::requireAdmin)
                .build();
    }
}
