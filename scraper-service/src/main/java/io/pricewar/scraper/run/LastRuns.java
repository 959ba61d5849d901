package io.pricewar.scraper.run;

import io.pricewar.events.ScrapeHealth;
import io.pricewar.events.ScrapeHealthJson;
import io.pricewar.events.Topics;
import io.pricewar.scraper.kafka.LogFollower;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last run of every source, whichever replica ran it, folded from {@code scrape-health};
 * and the last healthy one, so a failing source shows since when it has been failing. The last
 * run also says what the source's safeguard was waiting on, which is where a replica that
 * starts or takes a source over carries on from.
 */
@Component
public class LastRuns implements AutoCloseable {

    public record Runs(ScrapeHealth last, ScrapeHealth lastSucceeded) {
    }

    private final Map<String, Runs> bySource = new ConcurrentHashMap<>();
    private final LogFollower follower;

    public LastRuns(ConsumerFactory<String, byte[]> consumers) {
        this.follower = new LogFollower(consumers, Topics.SCRAPE_HEALTH, "last-runs",
                record -> apply(ScrapeHealthJson.read(record.value())));
    }

    private void apply(ScrapeHealth run) {
        bySource.merge(run.sourceId(), new Runs(run, succeeded(run)), (known, next) -> new Runs(run,
                next.lastSucceeded() != null ? next.lastSucceeded() : known.lastSucceeded()));
    }

    private static ScrapeHealth succeeded(ScrapeHealth run) {
        return run.outcome() == ScrapeHealth.Outcome.SUCCEEDED ? run : null;
    }

    public Optional<Runs> of(String sourceId) {
        return Optional.ofNullable(bySource.get(sourceId));
    }

    /** Completes when every run the topic held when called has been folded in. */
    public Mono<Void> caughtUp() {
        return follower.caughtUp();
    }

    @Override
    public void close() {
        follower.close();
    }
}
