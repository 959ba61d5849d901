package io.pricewar.alert.owner;

import io.pricewar.alert.web.FieldProblem;
import io.pricewar.alert.web.Problems;
import org.springframework.core.codec.DecodingException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** HTTP adapter for the admin: issuing API keys, behind the admin key. */
@Component
class AdminHandler {

    static final String API_KEYS_PATH = "/api/v1/admin/api-keys";

    /** The body of {@code POST /api/v1/admin/api-keys}; quotas left out take the configured defaults. */
    record KeyRequest(String owner, Integer maxSubscriptions, Integer maxEndpoints) {

        List<FieldProblem> problems() {
            List<FieldProblem> problems = new ArrayList<>();
            if (owner == null || owner.isBlank()) {
                problems.add(new FieldProblem("owner", "is required"));
            }
            if (maxSubscriptions != null && maxSubscriptions < 0) {
                problems.add(new FieldProblem("maxSubscriptions", "cannot be negative"));
            }
            if (maxEndpoints != null && maxEndpoints < 0) {
                problems.add(new FieldProblem("maxEndpoints", "cannot be negative"));
            }
            return problems;
        }
    }

    /** The key's text appears in this response and nowhere else, ever. */
    record IssuedKeyView(String ownerId, String owner, String apiKey, int maxSubscriptions, int maxEndpoints,
                         Instant createdAt) {
    }

    private final Owners owners;
    private final OwnerProperties properties;

    AdminHandler(Owners owners, OwnerProperties properties) {
        this.owners = owners;
        this.properties = properties;
    }

    Mono<ServerResponse> issueKey(ServerRequest request) {
        return request.bodyToMono(KeyRequest.class)
                .flatMap(this::issueValid)
                .switchIfEmpty(Mono.defer(() -> Problems.invalidBody(List.of(new FieldProblem("body", "is required")))))
                .onErrorResume(e -> e instanceof ServerWebInputException || e instanceof DecodingException,
                        error -> Problems.invalidBody(List.of(Problems.unreadable(error))));
    }

    /** Admin routes answer only the configured admin key; with none configured they do not exist. */
    Mono<ServerResponse> requireAdmin(ServerRequest request, HandlerFunction<ServerResponse> next) {
        if (!properties.adminEnabled()) {
            return Problems.notFound("the admin API is off: no pricewar.alert.owners.admin-key is configured");
        }
        if (!ApiKeys.sameSecret(properties.adminKey(), ApiKeyFilter.bearerToken(request))) {
            return Problems.unauthorized("the admin key is required: Authorization: Bearer <admin key>");
        }
        return next.handle(request);
    }

    private Mono<ServerResponse> issueValid(KeyRequest body) {
        List<FieldProblem> problems = body.problems();
        if (!problems.isEmpty()) {
            return Problems.invalidBody(problems);
        }
        return owners.issue(body.owner().strip(), body.maxSubscriptions(), body.maxEndpoints())
                .flatMap(issued -> ServerResponse.created(URI.create(API_KEYS_PATH + "/" + issued.owner().id()))
                        .bodyValue(view(issued)));
    }

    private static IssuedKeyView view(Owners.IssuedKey issued) {
        Owner o = issued.owner();
        return new IssuedKeyView(o.id(), o.name(), issued.apiKey(), o.maxSubscriptions(), o.maxEndpoints(),
                o.createdAt());
    }
}
