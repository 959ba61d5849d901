package io.pricewar.alert.matching;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.alert.delivery.Deliveries;
import io.pricewar.alert.delivery.Notification;
import io.pricewar.alert.digest.DigestCollector;
import io.pricewar.alert.rules.FxRates;
import io.pricewar.alert.rules.config.RulesProperties;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEventJson;
import io.pricewar.events.PriceEventJson.UnreadableEventException;
import io.pricewar.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Consumes {@link Topics#PRICE_EVENTS} a poll at a time. The listener returns only once what the
 * records trigger is recorded (each point's price in the view, a blended check if one is needed,
 * the deliveries in the outbox), and the container commits the batch's offsets after that
 * ({@code AckMode.BATCH}), so a crash re-reads the batch and every write turns the second reading
 * into a no-op. The subscriptions are refreshed once per batch, for its newest record; the
 * notifications of digest subscriptions are held for their digest and the batch's other deliveries
 * are inserted together; sending happens after, off the consumer thread.
 */
@Component
class PriceEventListener {

    static final String CONSUMER_GROUP = "alert-service";

    /** Cooldown claims in flight for one event; a price-war event can match thousands. */
    private static final int CLAIM_CONCURRENCY = 32;

    static final String UNREADABLE_COUNTER = "alert.events.unreadable";

    private static final Logger log = LoggerFactory.getLogger(PriceEventListener.class);

    /** A readable record: its event and when the log appended it. */
    private record Appended(PriceEvent event, Instant at) {
    }

    private final LiveSubscriptions subscriptions;
    private final PointPrices prices;
    private final ModelChecks checks;
    private final Cooldowns cooldowns;
    private final Deliveries deliveries;
    private final DigestCollector digests;
    private final MatchingProperties properties;
    private final RulesProperties rules;
    private final FxRates fx;
    private final Counter unreadable;
    private final Clock clock = Clock.systemUTC();

    PriceEventListener(LiveSubscriptions subscriptions, PointPrices prices, ModelChecks checks, Cooldowns cooldowns,
                       Deliveries deliveries, DigestCollector digests, MatchingProperties properties,
                       RulesProperties rules, FxRates fx, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.prices = prices;
        this.checks = checks;
        this.cooldowns = cooldowns;
        this.deliveries = deliveries;
        this.digests = digests;
        this.properties = properties;
        this.rules = rules;
        this.fx = fx;
        this.unreadable = Counter.builder(UNREADABLE_COUNTER)
                .description("records on price-events this service could not read and skipped")
                .register(meters);
    }

    @KafkaListener(topics = Topics.PRICE_EVENTS, containerFactory = MatchingKafkaConfiguration.BATCH_LISTENER_FACTORY,
            groupId = "${pricewar.alert.matching.consumer-group:" + CONSUMER_GROUP + "}")
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        List<Appended> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            PriceEvent event = readOrNull(record);
            if (event != null) {
                events.add(new Appended(event, Instant.ofEpochMilli(record.timestamp())));
            }
        }
        if (events.isEmpty()) {
            return;
        }
        Instant newest = events.stream().map(Appended::at).max(Comparator.naturalOrder()).orElseThrow();
        SubscriptionIndex index = subscriptions.indexFor(newest);
        // In log order, one event after the other: cooldown windows are claimed as a replay would.
        Flux.fromIterable(events)
                .concatMap(appended -> record(appended, index))
                .collectList()
                .flatMap(pending -> digests.divert(pending.stream().flatMap(List::stream).toList()))
                .flatMap(deliveries::recordAllAndSend)
                .block(properties.recordTimeout());
    }

    /** Records the event's price and any blended check; emits the deliveries it triggers. */
    private Mono<List<Deliveries.Pending>> record(Appended appended, SubscriptionIndex index) {
        PriceEvent event = appended.event();
        SubscriptionMatcher.Outcome outcome = SubscriptionMatcher.judge(event, appended.at(), index, fx);
        return prices.record(event)
                .then(scheduleModelCheck(event, appended.at(), outcome))
                .then(claimCooldowns(event, appended.at(), outcome));
    }

    private Mono<Void> scheduleModelCheck(PriceEvent event, Instant appendedAt, SubscriptionMatcher.Outcome outcome) {
        if (!outcome.needsModelCheck() || !(event instanceof PriceChanged)) {
            return Mono.empty();
        }
        ModelCheck check = new ModelCheck(event.vendor(), event.model(), event.tier(), event.observedAt(), appendedAt);
        return checks.schedule(check, clock.instant().plus(rules.blendedSettle()));
    }

    /** Claims each firing's cooldown window; emits the survivors' deliveries, one notification each. */
    private Mono<List<Deliveries.Pending>> claimCooldowns(PriceEvent event, Instant appendedAt,
                                                          SubscriptionMatcher.Outcome outcome) {
        return Flux.fromIterable(outcome.fired())
                .concatMap(fired -> Flux.fromIterable(fired.subscriptions())
                        .flatMap(s -> cooldowns.claim(s.id() + "|" + event.pointId(), event.eventId(), appendedAt,
                                        s.cooldown())
                                .filter(claimed -> claimed)
                                .map(claimed -> new Deliveries.Pending(s, Notification.of(s, event, fired.firing()))),
                                CLAIM_CONCURRENCY))
                .collectList();
    }

    /** The ledger owns the dead-letter topic; here an unreadable record is counted and skipped. */
    private PriceEvent readOrNull(ConsumerRecord<String, byte[]> record) {
        try {
            return PriceEventJson.read(record.value());
        } catch (UnreadableEventException e) {
            unreadable.increment();
            log.warn("skipping unreadable record {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                    record.offset(), record.key(), e.getMessage());
            return null;
        }
    }
}
