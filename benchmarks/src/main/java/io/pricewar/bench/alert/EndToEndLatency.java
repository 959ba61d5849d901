package io.pricewar.bench.alert;

import io.pricewar.alert.subscription.PointTarget;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.alert.subscription.SubscriptionRepository;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PricePointId;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Time from publishing a price drop to {@code price-events} to its webhook arriving at a local
 * receiver, one event at a time (a gap between events, so this is latency, not queueing), with
 * the service matching against 100k other subscriptions besides the one that fires.
 *
 * <p>The other subscriptions are the broad fixture with its "everything" targets moved onto a
 * vendor, so that none of them covers the measured points: left as they were, a thousand of them
 * fired on every event towards hosts that do not resolve, and the figure measured a retry storm
 * (50,000 doomed deliveries a second) instead of one event's way through. Their webhooks point at
 * the local receiver, so anything that did fire would be seen, and is reported.
 *
 * <pre>bin/bench main io.pricewar.bench.alert.EndToEndLatency [events, default 300] [other subscriptions, default 100000]</pre>
 */
public final class EndToEndLatency {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int others = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int warmup = 50;
        JsonMapper json = JsonMapper.builder().build();
        try (AlertStack stack = new AlertStack(); LocalReceiver receiver = new LocalReceiver()) {
            stack.startAlertService();
            SubscriptionRepository repository = stack.app.getBean(SubscriptionRepository.class);
            List<Subscription> background = AlertFixtures.subscriptions(others, 42).stream()
                    .map(s -> AlertFixtures.subscription(s.target().equals(PointTarget.ANY)
                            ? new PointTarget(AlertFixtures.VENDORS.get(Math.floorMod(s.id().hashCode(), 10)), null, null, null)
                            : s.target(), URI.create(receiver.url("background"))))
                    .toList();
            for (int i = 0; i < background.size(); i += 5_000) {
                repository.insertAll(background.subList(i, Math.min(i + 5_000, background.size()))).block();
            }
            PointTarget e2e = new PointTarget("bench", null, null, null);
            repository.insertAll(List.of(AlertFixtures.subscription(e2e, URI.create(receiver.url("e2e"))))).block();
            // Past the refresh overlap (5 s), so polls are back to reading only what changed: a bulk
            // load of 100k is re-read by every poll within its overlap window, which is not what is measured here.
            LockSupport.parkNanos(Duration.ofSeconds(10).toNanos());

            Map<String, Long> publishedAt = new HashMap<>();
            for (int i = 0; i < warmup + events; i++) {
                PriceChanged drop = AlertFixtures.drop(new PricePointId("bench", "model-" + i, "input", "standard"),
                        "0.0050", "0.0008", Instant.now());
                publishedAt.put(drop.eventId(), System.nanoTime());
                stack.publish(drop);
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (receiver.receivedAt("/e2e") < warmup + events && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            List<Long> latencies = new ArrayList<>();
            int index = 0;
            int backgroundReceived = 0;
            for (LocalReceiver.Received r : receiver.received) {
                String eventId = json.readTree(r.body()).get("eventId").asString();
                if (!r.path().equals("/e2e")) {
                    backgroundReceived++;
                } else if (index++ >= warmup) {
                    latencies.add(r.arrivedNanos() - publishedAt.get(eventId));
                }
            }
            latencies.sort(Long::compare);
            if (latencies.isEmpty()) {
                System.out.printf("%nend to end: nothing arrived past the warm-up (%d of %d)%n", receiver.receivedAt("/e2e"),
                        warmup + events);
                System.exit(1);
            }
            System.out.printf("%nend to end, price-events -> webhook received (%d events after %d warm-up, "
                            + "%,d subscriptions): p50 %d ms, p99 %d ms, max %d ms; %d of %d arrived; "
                            + "%d background webhooks fired%n",
                    latencies.size(), warmup, others + 1, AlertFixtures.percentile(latencies, 0.50).toMillis(),
                    AlertFixtures.percentile(latencies, 0.99).toMillis(),
                    AlertFixtures.percentile(latencies, 1.0).toMillis(), receiver.receivedAt("/e2e"), warmup + events,
                    backgroundReceived);
        }
        System.exit(0);
    }
}
