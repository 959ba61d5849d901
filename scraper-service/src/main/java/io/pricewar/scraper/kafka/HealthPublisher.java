package io.pricewar.scraper.kafka;

import io.pricewar.events.ScrapeHealth;
import io.pricewar.events.ScrapeHealthJson;
import io.pricewar.events.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Publishes how each run ended to {@code scrape-health}, keyed by source id. */
@Component
public class HealthPublisher {

    private final KafkaTemplate<String, byte[]> kafka;

    public HealthPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    public Mono<ScrapeHealth> publish(ScrapeHealth health) {
        return Mono.fromFuture(() -> kafka.send(Topics.SCRAPE_HEALTH, health.sourceId(), ScrapeHealthJson.write(health)))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(health);
    }
}
