package io.pricewar.alert.subscription;

import io.pricewar.alert.delivery.guard.DestinationGuard;
import io.pricewar.alert.owner.Owner;
import io.pricewar.alert.owner.Owners;
import io.pricewar.alert.rules.FxRates;
import io.pricewar.alert.web.ApiPaths;
import io.pricewar.alert.web.FieldProblem;
import io.pricewar.alert.web.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.codec.DecodingException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * HTTP adapter for an owner's subscriptions: create, read, replace (PUT), change (PATCH), delete.
 * Every write is also announced in-process as a {@link SubscriptionChange}, so this replica's
 * matching sees it at once; the others poll for it.
 */
@Component
class SubscriptionHandler {

    private final SubscriptionRepository repository;
    private final Owners owners;
    private final DestinationGuard guard;
    private final FxRates fx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubscriptionHandler(SubscriptionRepository repository, Owners owners, DestinationGuard guard, FxRates fx,
                        ApplicationEventPublisher events) {
        this.repository = repository;
        this.owners = owners;
        this.guard = guard;
        this.fx = fx;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    Mono<ServerResponse> create(ServerRequest request) {
        Owner owner = Owners.of(request);
        return withBody(request, body -> createValid(owner, body));
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return ServerResponse.ok().body(repository.findAllOwned(Owners.of(request).id()).map(SubscriptionView::of),
                SubscriptionView.class);
    }

    Mono<ServerResponse> get(ServerRequest request) {
        String id = request.pathVariable("id");
        return repository.findOwned(Owners.of(request).id(), id)
                .flatMap(subscription -> ServerResponse.ok().bodyValue(SubscriptionView.of(subscription)))
                .switchIfEmpty(Mono.defer(() -> Problems.unknownSubscription(id)));
    }

    /** PUT: the body is the whole subscription, as for a creation. */
    Mono<ServerResponse> replace(ServerRequest request) {
        return change(request, (body, existing) -> body);
    }

    /** PATCH: what the body leaves out stays as it was. */
    Mono<ServerResponse> patch(ServerRequest request) {
        return change(request, SubscriptionRequest::over);
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        String id = request.pathVariable("id");
        String ownerId = Owners.of(request).id();
        return repository.deleteOwned(ownerId, id)
                .flatMap(deleted -> deleted
                        ? owners.releaseSubscription(ownerId).then(announceDeleted(ownerId, id))
                                .then(ServerResponse.noContent().build())
                        : Problems.unknownSubscription(id));
    }

    private Mono<ServerResponse> change(ServerRequest request,
                                        BiFunction<SubscriptionRequest, Subscription, SubscriptionRequest> complete) {
        String id = request.pathVariable("id");
        Owner owner = Owners.of(request);
        return repository.findOwned(owner.id(), id)
                .flatMap(existing -> withBody(request, body -> changeValid(owner, existing, complete.apply(body, existing))))
                .switchIfEmpty(Mono.defer(() -> Problems.unknownSubscription(id)));
    }

    private Mono<ServerResponse> changeValid(Owner owner, Subscription existing, SubscriptionRequest body) {
        List<FieldProblem> problems = body.problems(guard, fx);
        if (!problems.isEmpty()) {
            return Problems.invalidBody(problems);
        }
        Subscription changed = body.applyTo(existing);
        return withinEndpointQuota(owner, changed.webhookUrl().toString(), existing.webhookUrl().toString())
                .flatMap(fits -> !fits ? endpointQuotaExceeded(owner) : repository.replaceOwned(owner.id(), changed)
                        .flatMap(written -> written
                                ? announce(changed).then(ServerResponse.ok().bodyValue(SubscriptionView.of(changed)))
                                : Problems.conflict("subscription " + changed.id()
                                        + " was changed or deleted meanwhile; read it again and retry")));
    }

    private Mono<ServerResponse> withBody(ServerRequest request, Function<SubscriptionRequest, Mono<ServerResponse>> then) {
        return request.bodyToMono(SubscriptionRequest.class)
                .flatMap(then)
                .switchIfEmpty(Mono.defer(() -> Problems.invalidBody(
                        List.of(new FieldProblem("body", "is required")))))
                .onErrorResume(SubscriptionHandler::isUnreadableBody,
                        error -> Problems.invalidBody(List.of(Problems.unreadable(error))));
    }

    private Mono<ServerResponse> createValid(Owner owner, SubscriptionRequest body) {
        List<FieldProblem> problems = body.problems(guard, fx);
        if (!problems.isEmpty()) {
            return Problems.invalidBody(problems);
        }
        Subscription subscription = body.toSubscription(owner.id(), clock.instant());
        return withinEndpointQuota(owner, subscription.webhookUrl().toString(), null)
                .flatMap(fits -> fits ? reserveAndInsert(owner, subscription) : endpointQuotaExceeded(owner));
    }

    /**
     * Counted from the subscriptions themselves rather than reserved: two concurrent creations
     * with two new endpoints can pass together, which overshoots by the requests in flight and
     * no more; the subscription quota, which bounds the work an owner can cause, is exact.
     */
    private Mono<Boolean> withinEndpointQuota(Owner owner, String endpoint, String replacing) {
        return repository.endpointsOf(owner.id()).map(endpoints -> endpoints.contains(endpoint)
                || endpoints.size() - (endpoints.contains(replacing) ? 1 : 0) < owner.maxEndpoints());
    }

    private static Mono<ServerResponse> endpointQuotaExceeded(Owner owner) {
        return Problems.quotaExceeded("this key may notify at most " + owner.maxEndpoints() + " distinct endpoints");
    }

    private Mono<ServerResponse> reserveAndInsert(Owner owner, Subscription subscription) {
        return owners.reserveSubscription(owner).flatMap(reserved -> reserved
                ? repository.insert(subscription)
                        .onErrorResume(error -> owners.releaseSubscription(owner.id()).then(Mono.error(error)))
                        .flatMap(this::announce)
                        .flatMap(saved -> ServerResponse.created(locationOf(saved)).bodyValue(SubscriptionView.created(saved)))
                : Problems.quotaExceeded("this key may have at most " + owner.maxSubscriptions() + " subscriptions"));
    }

    private Mono<Subscription> announce(Subscription subscription) {
        return Mono.fromRunnable(() -> events.publishEvent(
                new SubscriptionChange(subscription, false, clock.instant()))).thenReturn(subscription);
    }

    /** Only the id matters to a deletion; the tombstone's other fields are never read. */
    private Mono<Void> announceDeleted(String ownerId, String id) {
        return repository.findDeleted(ownerId, id)
                .doOnNext(gone -> events.publishEvent(new SubscriptionChange(gone, true, clock.instant())))
                .then();
    }

    private static URI locationOf(Subscription subscription) {
        return URI.create(ApiPaths.SUBSCRIPTIONS + "/" + subscription.id());
    }

    private static boolean isUnreadableBody(Throwable error) {
        return error instanceof ServerWebInputException || error instanceof DecodingException;
    }
}
