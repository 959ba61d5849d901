package io.pricewar.alert.subscription;

import io.pricewar.alert.delivery.guard.DestinationGuard;
import io.pricewar.alert.owner.Owner;
import io.pricewar.alert.owner.Owners;
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

/** HTTP adapter for an owner's subscriptions: create, read, delete. */
@Component
class SubscriptionHandler {

    private final SubscriptionRepository repository;
    private final Owners owners;
    private final DestinationGuard guard;
    private final Clock clock;

    SubscriptionHandler(SubscriptionRepository repository, Owners owners, DestinationGuard guard) {
        this.repository = repository;
        this.owners = owners;
        this.guard = guard;
        this.clock = Clock.systemUTC();
    }

    Mono<ServerResponse> create(ServerRequest request) {
        Owner owner = Owners.of(request);
        return request.bodyToMono(SubscriptionRequest.class)
                .flatMap(body -> createValid(owner, body))
                .switchIfEmpty(Mono.defer(() -> Problems.invalidBody(
                        List.of(new FieldProblem("body", "is required")))))
                .onErrorResume(SubscriptionHandler::isUnreadableBody,
                        error -> Problems.invalidBody(List.of(Problems.unreadable(error))));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        String id = request.pathVariable("id");
        return repository.findOwned(Owners.of(request).id(), id)
                .flatMap(subscription -> ServerResponse.ok().bodyValue(SubscriptionView.of(subscription)))
                .switchIfEmpty(Mono.defer(() -> Problems.unknownSubscription(id)));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        String id = request.pathVariable("id");
        String ownerId = Owners.of(request).id();
        return repository.deleteOwned(ownerId, id)
                .flatMap(deleted -> deleted
                        ? owners.releaseSubscription(ownerId).then(ServerResponse.noContent().build())
                        : Problems.unknownSubscription(id));
    }

    private Mono<ServerResponse> createValid(Owner owner, SubscriptionRequest body) {
        List<FieldProblem> problems = body.problems(guard);
        if (!problems.isEmpty()) {
            return Problems.invalidBody(problems);
        }
        Subscription subscription = body.toSubscription(owner.id(), clock.instant());
        return withinEndpointQuota(owner, subscription)
                .flatMap(fits -> fits ? reserveAndInsert(owner, subscription) : Problems.quotaExceeded(
                        "this key may notify at most " + owner.maxEndpoints() + " distinct endpoints"));
    }

    /**
     * Counted from the subscriptions themselves rather than reserved: two concurrent creations
     * with two new endpoints can pass together, which overshoots by the requests in flight and
     * no more; the subscription quota, which bounds the work an owner can cause, is exact.
     */
    private Mono<Boolean> withinEndpointQuota(Owner owner, Subscription subscription) {
        return repository.endpointsOf(owner.id()).map(endpoints ->
                endpoints.contains(subscription.webhookUrl().toString()) || endpoints.size() < owner.maxEndpoints());
    }

    private Mono<ServerResponse> reserveAndInsert(Owner owner, Subscription subscription) {
        return owners.reserveSubscription(owner).flatMap(reserved -> reserved
                ? repository.insert(subscription)
                        .onErrorResume(error -> owners.releaseSubscription(owner.id()).then(Mono.error(error)))
                        .flatMap(saved -> ServerResponse.created(locationOf(saved)).bodyValue(SubscriptionView.created(saved)))
                : Problems.quotaExceeded("this key may have at most " + owner.maxSubscriptions() + " subscriptions"));
    }

    private static URI locationOf(Subscription subscription) {
        return URI.create(ApiPaths.SUBSCRIPTIONS + "/" + subscription.id());
    }

    private static boolean isUnreadableBody(Throwable error) {
        return error instanceof ServerWebInputException || error instanceof DecodingException;
    }
}
