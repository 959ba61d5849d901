package io.pricewar.alert.matching;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.alert.delivery.Deliveries;
import io.pricewar.alert.delivery.Notification;
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

/**
 * Consumes {@link Topics#PRICE_EVENTS}. The listener returns only once what a record triggers is
 * recorded (the point's price in the view, the deliveries in the outbox, a blended check if one
 * is needed), and the container commits the offset after that ({@code ack-mode: record}), so a
 * crash re-reads the record and every write turns the second reading into a no-op. Sending
 * happens after, off the consumer thread.
 */
@Component
class PriceEventListener {

    static final String CONSUMER_GROUP = "alert-service";

    /** Cooldown claims in flight for one event; a price-war event can match thousands. */
    private static final int CLAIM_CONCURRENCY = 32;

    static final String UNREADABLE_COUNTER = "alert.events.unreadable";

    private static final Logger log = LoggerFactory.getLogger(PriceEventListener.class);

    private final LiveSubscriptions subscriptions;
    private final PointPrices prices;
    private final ModelChecks checks;
    private final Cooldowns cooldowns;
    private final Deliveries deliveries;
    private final MatchingProperties properties;
    private final RulesProperties rules;
    private final FxRates fx;
    private final Counter unreadable;
    private final Clock clock = Clock.systemUTC();

    PriceEventListener(LiveSubscriptions subscriptions, PointPrices prices, ModelChecks checks, Cooldowns cooldowns,
                       Deliveries deliveries, MatchingProperties properties, RulesProperties rules, FxRates fx,
                       MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.prices = prices;
        this.checks = checks;
        this.cooldowns = cooldowns;
        this.deliveries = deliveries;
        this.properties = properties;
        this.rules = rules;
        this.fx = fx;
        this.unreadable = Counter.builder(UNREADABLE_COUNTER)
                .description("records on price-events this service could not read and skipped")
                .register(meters);
    }

    @KafkaListener(topics = Topics.PRICE_EVENTS, groupId = "${pricewar.alert.matching.consumer-group:" + CONSUMER_GROUP + "}")
    void onRecord(ConsumerRecord<String, byte[]> record) {
        PriceEvent event = readOrNull(record);
        if (event == null) {
            return;
        }
        Instant appendedAt = Instant.ofEpochMilli(record.timestamp());
        SubscriptionMatcher.Outcome outcome = SubscriptionMatcher.judge(event, appendedAt,
                subscriptions.indexFor(appendedAt), fx);
        prices.record(event)
                .then(scheduleModelCheck(event, appendedAt, outcome))
                .then(recordDeliveries(event, appendedAt, outcome))
                .block(properties.recordTimeout());
    }

    private Mono<Void> scheduleModelCheck(PriceEvent event, Instant appendedAt, SubscriptionMatcher.Outcome outcome) {
        if (!outcome.needsModelCheck() || !(event instanceof PriceChanged)) {
            return Mono.empty();
        }
        ModelCheck check = new ModelCheck(event.vendor(), event.model(), event.tier(), event.observedAt(), appendedAt);
        return checks.schedule(check, clock.instant().plus(rules.blendedSettle()));
    }

    /** Claims each firing's cooldown window, then records the survivors' deliveries in one batch. */
    private Mono<Long> recordDeliveries(PriceEvent event, Instant appendedAt, SubscriptionMatcher.Outcome outcome) {
        return Flux.fromIterable(outcome.fired())
                .concatMapIterable(fired -> fired.subscriptions().stream()
                        .map(s -> new SubscriptionMatcher.Match(s, fired.firing())).toList())
                .flatMap(match -> cooldowns.claim(match.subscription().id() + "|" + event.pointId(), event.eventId(),
                                appendedAt, match.subscription().cooldown())
                        .filter(claimed -> claimed)
                        .map(claimed -> new Deliveries.Pending(match.subscription(),
                                Notification.of(match.subscription(), event, match.firing()))), CLAIM_CONCURRENCY)
                .collectList()
                .flatMap(deliveries::recordAllAndSend);
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
