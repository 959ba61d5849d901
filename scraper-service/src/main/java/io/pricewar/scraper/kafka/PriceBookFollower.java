package io.pricewar.scraper.kafka;

import io.pricewar.events.PriceEventJson;
import io.pricewar.events.Topics;
import io.pricewar.scraper.diff.PriceBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Keeps the {@link PriceBook} folded from {@code price-events}: rebuilt from the first offset at
 * start-up, then following the log, so the events another replica publishes reach this one's
 * book too and a source taken over continues its chains. The log is the scraper's only memory.
 */
@Component
public class PriceBookFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PriceBookFollower.class);

    private final PriceBook book = new PriceBook();
    private final LogFollower follower;

    public PriceBookFollower(ConsumerFactory<String, byte[]> consumers) {
        this.follower = new LogFollower(consumers, Topics.PRICE_EVENTS, "price-book",
                record -> book.apply(PriceEventJson.read(record.value())));
    }

    public PriceBook book() {
        return book;
    }

    /** Completes when the book holds every event the log held when called. */
    public Mono<PriceBook> caughtUp() {
        return follower.caughtUp().thenReturn(book);
    }

    /** For start-up: waits until the book is current, logging how much it holds. */
    public PriceBook awaitCaughtUp(Duration limit) {
        PriceBook current = caughtUp().block(limit);
        log.info("Price book rebuilt from the log: {} points", book.size());
        return current;
    }

    @Override
    public void close() {
        follower.close();
    }
}
