package io.pricewar.scraper.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.events.PriceEvent;
import io.pricewar.scraper.diff.PageDiff;
import io.pricewar.scraper.diff.PriceBook;
import io.pricewar.scraper.extract.Extraction;
import io.pricewar.scraper.extract.Extractors;
import io.pricewar.scraper.extract.RejectedCell;
import io.pricewar.scraper.fetch.FetchedPage;
import io.pricewar.scraper.fetch.PageFetcher;
import io.pricewar.scraper.kafka.PriceEventPublisher;
import io.pricewar.scraper.source.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run of one source: fetch, extract, diff against the book, publish. Each event is applied
 * to the book only once the broker has it, so a failed publish leaves the book where the log is
 * and the next run yields the same events again (same ids: duplicates, not new facts).
 */
@Component
public class ScrapeRunner {

    private static final Logger log = LoggerFactory.getLogger(ScrapeRunner.class);

    private final PageFetcher fetcher;
    private final PriceEventPublisher publisher;
    private final MeterRegistry metrics;
    private final Map<String, String> lastFailure = new ConcurrentHashMap<>();

    public ScrapeRunner(PageFetcher fetcher, PriceEventPublisher publisher, MeterRegistry metrics) {
        this.fetcher = fetcher;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    public Mono<ScrapeOutcome> run(Source source, PriceBook book) {
        return fetcher.fetch(source.url())
                .flatMap(page -> extractAndPublish(source, book, page))
                .onErrorResume(error -> Mono.just(fetchFailed(source, error)))
                .doOnNext(outcome -> count(source, outcome));
    }

    private Mono<ScrapeOutcome> extractAndPublish(Source source, PriceBook book, FetchedPage page) {
        return Mono.fromCallable(() -> Extractors.extract(source, page))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(extraction -> extraction.isHealthy()
                        ? publishChanges(source, book, page, extraction)
                        : Mono.just(layoutChanged(source, extraction)));
    }

    private Mono<ScrapeOutcome> publishChanges(Source source, PriceBook book, FetchedPage page, Extraction extraction) {
        reportRejected(source, extraction.rejected());
        List<PriceEvent> events = PageDiff.diff(book, extraction.prices(), page.url(), page.fetchedAt(), page.sha256());
        return Flux.fromIterable(events)
                .concatMap(publisher::publish)
                .doOnNext(book::apply)
                .doOnNext(event -> metrics.counter("pricewar.scraper.events.published",
                        "source", source.id(), "type", event.getClass().getSimpleName()).increment())
                .then(Mono.fromCallable(() -> succeeded(source, extraction, events)))
                .onErrorResume(error -> Mono.just(publishFailed(source, error)));
    }

    private void reportRejected(Source source, List<RejectedCell> rejected) {
        for (RejectedCell cell : rejected) {
            log.warn("Source {}: {} {} not read: {}", source.id(), cell.model(), cell.meter(), cell.reason());
        }
        metrics.counter("pricewar.scraper.cells.rejected", "source", source.id()).increment(rejected.size());
    }

    private static ScrapeOutcome succeeded(Source source, Extraction extraction, List<PriceEvent> events) {
        if (events.isEmpty()) {
            log.debug("Source {}: {} prices read, none changed", source.id(), extraction.prices().size());
        } else {
            log.info("Source {}: {} prices read, {} events published", source.id(), extraction.prices().size(), events.size());
        }
        return ScrapeOutcome.SUCCEEDED;
    }

    private ScrapeOutcome layoutChanged(Source source, Extraction extraction) {
        return failed(source, ScrapeOutcome.LAYOUT_CHANGED, "layout changed, nothing published: " + extraction.problem());
    }

    private ScrapeOutcome fetchFailed(Source source, Throwable error) {
        return failed(source, ScrapeOutcome.FETCH_FAILED, "fetch of " + source.url() + " failed: " + error.getMessage());
    }

    private ScrapeOutcome publishFailed(Source source, Throwable error) {
        return failed(source, ScrapeOutcome.PUBLISH_FAILED, "publishing failed, will retry next run: " + error);
    }

    /**
     * Logs a failure when it starts or changes, not on every run: a page that stays down would
     * otherwise fill the log every interval. The counter still counts every run.
     */
    private ScrapeOutcome failed(Source source, ScrapeOutcome outcome, String message) {
        String previous = lastFailure.put(source.id(), message);
        if (!message.equals(previous)) {
            log.warn("Source {}: {} (logged again when it recovers or changes)", source.id(), message);
        }
        return outcome;
    }

    private void count(Source source, ScrapeOutcome outcome) {
        if (outcome == ScrapeOutcome.SUCCEEDED && lastFailure.remove(source.id()) != null) {
            log.info("Source {}: recovered", source.id());
        }
        metrics.counter("pricewar.scraper.scrapes", "source", source.id(), "outcome", outcome.name()).increment();
    }
}
