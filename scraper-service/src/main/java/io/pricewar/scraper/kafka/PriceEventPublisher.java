package io.pricewar.scraper.kafka;

import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEventJson;
import io.pricewar.events.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes events keyed by point id, so every event of a point lands on one partition in
 * order. The producer is idempotent with acks=all (scraper.yml); the returned Mono completes
 * only when the broker has the event.
 *
 * <p>Sends start on a worker thread, never on the thread that completed the previous send: that
 * is the producer's network thread, and a send that must wait for a topic's metadata would
 * block the very thread that fetches it (until {@code max.block.ms}).
 */
@Component
public class PriceEventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;

    public PriceEventPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    public Mono<PriceEvent> publish(PriceEvent event) {
        return Mono.fromFuture(() -> kafka.send(Topics.PRICE_EVENTS, event.pointId().toString(), PriceEventJson.write(event)))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(event);
    }
}
