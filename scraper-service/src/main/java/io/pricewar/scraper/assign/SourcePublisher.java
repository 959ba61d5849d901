package io.pricewar.scraper.assign;

import io.pricewar.events.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Writes source records to {@code scraper-sources}, keyed by source id, so every replica sees them. */
@Component
public class SourcePublisher {

    private final KafkaTemplate<String, byte[]> kafka;

    public SourcePublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    public Mono<SourceRecord> publish(SourceRecord record) {
        return Mono.fromFuture(() -> kafka.send(Topics.SCRAPER_SOURCES, record.source().id(), SourceCodec.write(record)))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(record);
    }
}
