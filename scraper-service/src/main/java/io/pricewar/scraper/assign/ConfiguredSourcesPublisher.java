package io.pricewar.scraper.assign;

import io.pricewar.scraper.source.Source;
import io.pricewar.scraper.source.SourceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;

/**
 * At start-up, puts the sources of configuration and catalog on {@code scraper-sources}, where
 * every replica reads them. Idempotent: a source the topic already holds as configured is not
 * written again, and one changed through the admin API keeps its admin definition (an operator's
 * runtime decision outlives a restart; disabling or changing it again goes through the API).
 */
@Component
class ConfiguredSourcesPublisher implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredSourcesPublisher.class);
    private static final Duration LIMIT = Duration.ofMinutes(2);

    private final SourceCatalog catalog;
    private final SourceDirectory directory;
    private final SourcePublisher publisher;

    ConfiguredSourcesPublisher(SourceCatalog catalog, SourceDirectory directory, SourcePublisher publisher) {
        this.catalog = catalog;
        this.directory = directory;
        this.publisher = publisher;
    }

    @Override
    public void run(ApplicationArguments args) {
        directory.caughtUp().block(LIMIT);
        List<Source> changed = catalog.all().stream().filter(this::needsPublishing).toList();
        Flux.fromIterable(changed)
                .concatMap(source -> publisher.publish(new SourceRecord(source, SourceRecord.CONFIG, null)))
                .then().block(LIMIT);
        log.info("Sources from configuration: {} known, {} published to scraper-sources", catalog.all().size(), changed.size());
    }

    private boolean needsPublishing(Source source) {
        return directory.find(source.id())
                .map(SourceDirectory.Entry::record)
                .map(known -> SourceRecord.CONFIG.equals(known.origin()) && !known.source().equals(source))
                .orElse(true);
    }
}
