package io.pricewar.scraper.admin;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Guards {@code /api/v1/sources/**}: no {@code X-Admin-Key} is a 401, a wrong one (or none
 * configured) a 403, both as problem details. Keys are compared as SHA-256 digests in constant time.
 */
@Component
class AdminKeyFilter implements WebFilter {

    static final String HEADER = "X-Admin-Key";
    static final String PATHS = "/api/v1/sources";

    private final byte[] expectedDigest;

    AdminKeyFilter(AdminProperties properties) {
        if (properties.keySha256() != null && !properties.keySha256().isBlank()) {
            expectedDigest = HexFormat.of().parseHex(properties.keySha256().strip().toLowerCase());
        } else if (properties.key() != null && !properties.key().isBlank()) {
            expectedDigest = sha256(properties.key());
        } else {
            expectedDigest = null;
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(PATHS)) {
            return chain.filter(exchange);
        }
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (given == null || given.isBlank()) {
            return refuse(exchange, HttpStatus.UNAUTHORIZED, "the " + HEADER + " header is required");
        }
        if (expectedDigest == null) {
            return refuse(exchange, HttpStatus.FORBIDDEN, "the admin API is disabled: pricewar.scraper.admin.key is not set");
        }
        if (!MessageDigest.isEqual(expectedDigest, sha256(given))) {
            return refuse(exchange, HttpStatus.FORBIDDEN, "the " + HEADER + " given is not the admin key");
        }
        return chain.filter(exchange);
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String json = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\",\"instance\":\"" + exchange.getRequest().getPath().value() + "\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8))));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
