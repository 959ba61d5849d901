package io.pricewar.scraper.run;

import io.pricewar.scraper.diff.PriceBook;
import io.pricewar.scraper.kafka.PriceBookLoader;
import io.pricewar.scraper.source.Source;
import io.pricewar.scraper.source.SourceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts each source's run when its interval has passed since its last start, one run per
 * source at a time. Nothing is scraped until the price book has been rebuilt from the log,
 * since a diff against an empty book would re-list every point.
 */
@Component
public class ScrapeScheduler implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScrapeScheduler.class);

    private final SourceProperties sources;
    private final ScrapeRunner runner;
    private final PriceBookLoader loader;
    private final Clock clock;
    private final Map<String, Instant> lastStarted = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile PriceBook book;

    public ScrapeScheduler(SourceProperties sources, ScrapeRunner runner, PriceBookLoader loader, Clock clock) {
        this.sources = sources;
        this.runner = runner;
        this.loader = loader;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        book = loader.load();
        log.info("Scraping {} sources: {}", sources.sources().size(),
                sources.sources().stream().map(Source::id).toList());
    }

    @Scheduled(fixedDelayString = "${pricewar.scraper.tick:1s}")
    void tick() {
        if (book == null) {
            return;
        }
        Instant now = clock.instant();
        for (Source source : sources.sources()) {
            if (isDue(source, now) && running.add(source.id())) {
                lastStarted.put(source.id(), now);
                runner.run(source, book).doFinally(signal -> running.remove(source.id())).subscribe();
            }
        }
    }

    private boolean isDue(Source source, Instant now) {
        Instant last = lastStarted.get(source.id());
        return last == null || !now.isBefore(last.plus(source.interval()));
    }
}
