package io.pricewar.scraper.kafka;

import io.pricewar.events.PriceEventJson;
import io.pricewar.events.Topics;
import io.pricewar.scraper.diff.PriceBook;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the {@link PriceBook} by reading {@code price-events} from the first offset to the
 * end as it stood at start-up. The log is the scraper's only memory: it keeps no database of
 * its own, so its chains always continue from what was really published.
 */
@Component
public class PriceBookLoader {

    private static final Logger log = LoggerFactory.getLogger(PriceBookLoader.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final ConsumerFactory<String, byte[]> consumers;

    public PriceBookLoader(ConsumerFactory<String, byte[]> consumers) {
        this.consumers = consumers;
    }

    public PriceBook load() {
        PriceBook book = new PriceBook();
        // No group: the loader reads every partition itself and commits nothing.
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(null, "price-book-loader")) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PRICE_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long read = 0;
            while (!reachedEnd(consumer, end)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    read += apply(book, record);
                }
            }
            log.info("Price book rebuilt from {} events: {} points", read, book.size());
        }
        return book;
    }

    private static int apply(PriceBook book, ConsumerRecord<String, byte[]> record) {
        try {
            book.apply(PriceEventJson.read(record.value()));
            return 1;
        } catch (PriceEventJson.UnreadableEventException e) {
            log.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return 0;
        }
    }

    private static boolean reachedEnd(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
