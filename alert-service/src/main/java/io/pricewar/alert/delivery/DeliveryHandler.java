package io.pricewar.alert.delivery;

import io.pricewar.alert.owner.Owners;
import io.pricewar.alert.subscription.SubscriptionRepository;
import io.pricewar.alert.web.ApiPaths;
import io.pricewar.alert.web.Problems;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** HTTP adapter for a subscription's delivery history. */
@Component
class DeliveryHandler {

    static final String DELIVERIES_PATH = ApiPaths.SUBSCRIPTION + "/deliveries";

    static final String TEST_PATH = ApiPaths.SUBSCRIPTION + "/test";

    /**
     * A delivery as its subscriber sees it: without the payload it already received; the id is
     * the {@code webhook-id} its calls carried; {@code nextAttemptAt} only while it is pending.
     */
    record DeliveryView(String id, String eventId, DeliveryStatus status, int attempts, Integer lastStatus,
                        Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, String failureReason) {

        static DeliveryView of(Delivery d) {
            Instant next = d.status() == DeliveryStatus.PENDING ? d.leaseUntil() : null;
            return new DeliveryView(d.id(), d.eventId(), d.status(), d.attempts(), d.lastStatus(), d.createdAt(),
                    next, d.deliveredAt(), d.failureReason());
        }
    }

    private final Deliveries deliveries;
    private final SubscriptionRepository subscriptions;

    DeliveryHandler(Deliveries deliveries, SubscriptionRepository subscriptions) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
    }

    /**
     * Sends a {@code TEST} notification through the outbox like any other, signed with the
     * subscription's secret and listed among its deliveries; answers 202 with where to follow it.
     */
    Mono<ServerResponse> test(ServerRequest request) {
        String id = request.pathVariable("id");
        return subscriptions.findOwned(Owners.of(request).id(), id)
                .flatMap(subscription -> deliveries.recordAndSend(subscription,
                        Notification.test(subscription, "test-" + UUID.randomUUID(), Instant.now())))
                .flatMap(delivery -> ServerResponse.accepted()
                        .location(URI.create(DELIVERIES_PATH.replace("{id}", id)))
                        .bodyValue(DeliveryView.of(delivery)))
                .switchIfEmpty(Mono.defer(() -> Problems.unknownSubscription(id)));
    }

    Mono<ServerResponse> list(ServerRequest request) {
        String id = request.pathVariable("id");
        return subscriptions.findOwned(Owners.of(request).id(), id)
                .flatMap(found -> ServerResponse.ok().body(
                        deliveries.ofSubscription(id).map(DeliveryView::of), DeliveryView.class))
                .switchIfEmpty(Mono.defer(() -> Problems.unknownSubscription(id)));
    }
}
