package io.pricewar.scraper.assign;

import io.pricewar.events.Topics;
import io.pricewar.scraper.kafka.LogFollower;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every source on {@code scraper-sources}, with the partition it lives on, folded by following
 * the whole topic: each replica knows every source (for the admin API), and scrapes those whose
 * partition the consumer group assigned it. A tombstone removes a source.
 */
@Component
public class SourceDirectory implements AutoCloseable {

    /** A source and the partition of its record, which decides the replica that scrapes it. */
    public record Entry(SourceRecord record, int partition) {
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final LogFollower follower;

    public SourceDirectory(ConsumerFactory<String, byte[]> consumers) {
        this.follower = new LogFollower(consumers, Topics.SCRAPER_SOURCES, "sources", this::apply);
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            byId.remove(record.key());
        } else {
            byId.put(record.key(), new Entry(SourceCodec.read(record.value()), record.partition()));
        }
    }

    public Collection<Entry> all() {
        return byId.values();
    }

    public Optional<Entry> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Completes when every record the topic held when called has been folded in. */
    public Mono<Void> caughtUp() {
        return follower.caughtUp();
    }

    @Override
    public void close() {
        follower.close();
    }
}
