package io.pricewar.alert.matching;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.alert.delivery.Deliveries;
import io.pricewar.alert.subscription.SubscriptionRepository;
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

import java.time.Instant;

/**
 * Consumes {@link Topics#PRICE_EVENTS}. The listener returns only once the deliveries a record
 * triggers are recorded in the outbox, and the container commits the offset after that
 * ({@code ack-mode: record}), so a crash re-reads the record and the outbox turns the second
 * reading into a no-op. Sending happens after, off the consumer thread.
 */
@Component
class PriceEventListener {

    static final String CONSUMER_GROUP = "alert-service";

    /** Outbox inserts in flight for one event; a price-war event can match thousands. */
    private static final int RECORD_CONCURRENCY = 32;

    static final String UNREADABLE_COUNTER = "alert.events.unreadable";

    private static final Logger log = LoggerFactory.getLogger(PriceEventListener.class);

    private final SubscriptionRepository subscriptions;
    private final Deliveries deliveries;
    private final MatchingProperties properties;
    private final Counter unreadable;

    PriceEventListener(SubscriptionRepository subscriptions, Deliveries deliveries, MatchingProperties properties,
                       MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.properties = properties;
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
        recordDeliveries(event, Instant.ofEpochMilli(record.timestamp())).block(properties.recordTimeout());
    }

    /** Records (and queues the first attempt of) one delivery per triggered subscription. */
    private Mono<Long> recordDeliveries(PriceEvent event, Instant appendedAt) {
        return subscriptions.findAll().collectList()
                .flatMapMany(all -> Flux.fromIterable(SubscriptionMatcher.triggeredBy(event, appendedAt, all)))
                .flatMap(subscription -> deliveries.recordAndSend(subscription, event), RECORD_CONCURRENCY)
                .count();
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
