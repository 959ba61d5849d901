package io.pricewar.alert.subscription;

import io.pricewar.alert.web.ApiPaths;
import io.pricewar.alert.web.FieldProblem;
import io.pricewar.alert.web.Problems;
import org.springframework.core.codec.DecodingException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/** HTTP adapter for subscriptions: create, read, delete. */
@Component
class SubscriptionHandler {

    private final SubscriptionRepository repository;
    private final Clock clock;

    SubscriptionHandler(SubscriptionRepository repository) {
        this.repository = repository;
        this.clock = Clock.systemUTC();
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return request.bodyToMono(SubscriptionRequest.class)
                .flatMap(this::createValid)
                .switchIfEmpty(Mono.defer(() -> Problems.invalidBody(
                        List.of(new FieldProblem("body", "is required")))))
                .onErrorResume(SubscriptionHandler::isUnreadableBody,
                        error -> Problems.invalidBody(List.of(Problems.unreadable(error))));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        String id = request.pathVariable("id");
        return repository.findById(id)
                .flatMap(subscription -> ServerResponse.ok().bodyValue(subscription))
                .switchIfEmpty(Mono.defer(() -> Problems.unknownSubscription(id)));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        String id = request.pathVariable("id");
        return repository.deleteById(id)
                .flatMap(deleted -> deleted ? ServerResponse.noContent().build() : Problems.unknownSubscription(id));
    }

    private Mono<ServerResponse> createValid(SubscriptionRequest body) {
        List<FieldProblem> problems = body.problems();
        if (!problems.isEmpty()) {
            return Problems.invalidBody(problems);
        }
        return repository.insert(body.toSubscription(clock.instant()))
                .flatMap(saved -> ServerResponse.created(locationOf(saved)).bodyValue(saved));
    }

    private static URI locationOf(Subscription subscription) {
        return URI.create(ApiPaths.SUBSCRIPTIONS + "/" + subscription.id());
    }

    private static boolean isUnreadableBody(Throwable error) {
        return error instanceof ServerWebInputException || error instanceof DecodingException;
    }
}
