package io.pricewar.bench.alert;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import com.standardwebhooks.Webhook;
import io.pricewar.alert.MongoCollections;
import io.pricewar.alert.subscription.PointTarget;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.alert.subscription.SubscriptionRepository;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PricePointId;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * One price-war event that 10,000 webhook subscriptions want: how fast the service records and
 * delivers them all, signed, to a local receiver. The clock runs from the event's publication
 * until the outbox records every delivery DELIVERED (the rate the target is about), and the time
 * until the receiver has every request is printed beside it. Afterwards every request's
 * signature is verified with its subscription's secret.
 *
 * <pre>bin/bench main io.pricewar.bench.alert.DeliveryThroughput [subscriptions, default 10000]</pre>
 */
public final class DeliveryThroughput {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        PricePointId point = new PricePointId("volcengine", "doubao-pro-32k", "input", "standard");
        try (AlertStack stack = new AlertStack(); LocalReceiver receiver = new LocalReceiver()) {
            stack.startAlertService();
            SubscriptionRepository repository = stack.app.getBean(SubscriptionRepository.class);
            List<Subscription> subscriptions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                subscriptions.add(AlertFixtures.subscription(new PointTarget("volcengine", "doubao-pro-*", "input", null),
                        URI.create(receiver.url("hook-" + i))));
            }
            for (int i = 0; i < count; i += 5_000) {
                repository.insertAll(subscriptions.subList(i, Math.min(i + 5_000, count))).block();
            }
            LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
            // A first event warms the path (JIT, connections) and is not counted.
            PricePointId warm = new PricePointId("volcengine", "doubao-pro-warm", "input", "standard");
            stack.publish(AlertFixtures.drop(warm, "0.0050", "0.0008", Instant.now()));
            awaitReceived(receiver, count, Duration.ofMinutes(5));
            receiver.clear();

            PriceChanged drop = AlertFixtures.drop(point, "0.0050", "0.0008", Instant.now());
            long start = System.nanoTime();
            stack.publish(drop);
            awaitReceived(receiver, count, Duration.ofMinutes(5));
            long received = System.nanoTime() - start;
            long delivered = awaitDeliveredInOutbox(stack, drop.eventId(), count);
            long recorded = System.nanoTime() - start;

            int verified = verifySignatures(receiver, subscriptions, drop.eventId());
            System.out.printf("%none event matching %,d webhook subscriptions (%d cores):%n"
                            + "  all received in %d ms = %,.0f deliveries/s%n"
                            + "  all received and recorded DELIVERED in the outbox in %d ms = %,.0f deliveries/s"
                            + "   (the figure for the target: at least 2,000/s, all signed and recorded)%n"
                            + "  requests received %,d; signatures verified %,d; outbox DELIVERED %,d%n",
                    count, Runtime.getRuntime().availableProcessors(),
                    Duration.ofNanos(received).toMillis(), count / (received / 1e9),
                    Duration.ofNanos(recorded).toMillis(), delivered / (recorded / 1e9),
                    receiver.received.size(), verified, delivered);
        }
        System.exit(0);
    }

    private static void awaitReceived(LocalReceiver receiver, int count, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (receiver.count() < count && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    private static int verifySignatures(LocalReceiver receiver, List<Subscription> subscriptions, String eventId) {
        Map<String, String> secrets = new HashMap<>();
        subscriptions.forEach(s -> secrets.put(s.id(), s.signingSecret()));
        JsonMapper json = JsonMapper.builder().build();
        Set<String> seen = new HashSet<>();
        int verified = 0;
        for (LocalReceiver.Received r : receiver.received) {
            var body = json.readTree(r.body());
            String subscriptionId = body.get("subscriptionId").asString();
            if (!body.get("eventId").asString().equals(eventId) || !seen.add(subscriptionId)) {
                continue;
            }
            try {
                new Webhook(secrets.get(subscriptionId)).verify(r.body(), Map.of(
                        "webhook-id", List.of(r.header("webhook-id")),
                        "webhook-timestamp", List.of(r.header("webhook-timestamp")),
                        "webhook-signature", List.of(r.header("webhook-signature"))));
                verified++;
            } catch (Exception e) {
                System.out.println("signature failed for " + subscriptionId + ": " + e.getMessage());
            }
        }
        return verified;
    }

    /**
     * Waits until the outbox records {@code count} deliveries of the event DELIVERED: the receiver
     * may have answered before the service wrote the outcome, and a delivery counts once recorded.
     */
    private static long awaitDeliveredInOutbox(AlertStack stack, String eventId, int count) {
        MongoDatabase database = stack.app.getBean(MongoDatabase.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long delivered = 0;
        while (System.nanoTime() < deadline) {
            delivered = Mono.from(database.getCollection(MongoCollections.DELIVERIES).countDocuments(Filters.and(
                    Filters.eq("eventId", eventId), Filters.eq("status", "DELIVERED")))).block();
            if (delivered >= count) {
                break;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return delivered;
    }
}
