package io.pricewar.alert.owner;

import io.pricewar.alert.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Lets a request through to an owner's routes only with a valid API key in
 * {@code Authorization: Bearer ...}, and tells the handler whose it is. Routers apply it with
 * {@code .filter(apiKeyFilter)}.
 */
@Component
public class ApiKeyFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final String BEARER = "Bearer ";

    private final Owners owners;

    ApiKeyFilter(Owners owners) {
        this.owners = owners;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        String key = bearerToken(request);
        if (key == null) {
            return Problems.unauthorized("an API key is required: Authorization: Bearer <key>");
        }
        return owners.authenticate(key)
                .flatMap(owner -> {
                    request.attributes().put(Owners.REQUEST_ATTRIBUTE, owner);
                    return next.handle(request);
                })
                .switchIfEmpty(Mono.defer(() -> Problems.unauthorized("the API key is not known")));
    }

    static String bearerToken(ServerRequest request) {
        String header = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
