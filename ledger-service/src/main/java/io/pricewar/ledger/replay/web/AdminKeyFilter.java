package io.pricewar.ledger.replay.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Guards {@code /api/v1/admin/**}: the admin key, compared in constant time, or a 401 problem. */
class AdminKeyFilter implements WebFilter {

    static final String HEADER = "X-Admin-Key";
    static final String ADMIN_PATHS = "/api/v1/admin/";

    private final byte[] key;

    AdminKeyFilter(AdminProperties properties) {
        this.key = properties.key() == null || properties.key().isBlank() ? null
                : properties.key().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(ADMIN_PATHS)) {
            return chain.filter(exchange);
        }
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (key != null && given != null && MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
            return chain.filter(exchange);
        }
        return unauthorized(exchange, key == null ? "admin endpoints are disabled: ledger.admin.key is not set"
                : "a valid " + HEADER + " header is required");
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setTitle("Admin key required");
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String json = "{\"type\":\"about:blank\",\"title\":\"" + problem.getTitle() + "\",\"status\":401,\"detail\":\""
                + detail + "\",\"instance\":\"" + exchange.getRequest().getPath().value() + "\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8))));
    }
}
