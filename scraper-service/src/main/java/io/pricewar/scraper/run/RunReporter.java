package io.pricewar.scraper.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.ScrapeHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts and logs what runs did. Metrics: {@code pricewar.scraper.scrapes{source,outcome}},
 * {@code .events.published{source,type}}, {@code .cells.rejected{source}},
 * {@code .changes.held{source}} (changes held back for confirmation, per run),
 * {@code .layout.changes{source}}, {@code .pages.unchanged{source}}.
 *
 * <p>A failure is logged when it starts or changes, not on every run: a page that stays down
 * would otherwise fill the log every interval. The counters still count every run.
 */
final class RunReporter {

    private static final Logger log = LoggerFactory.getLogger(RunReporter.class);

    private final MeterRegistry metrics;
    private final Map<String, String> lastFailure = new ConcurrentHashMap<>();

    RunReporter(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void report(ScrapeHealth run) {
        String source = run.sourceId();
        metrics.counter("pricewar.scraper.scrapes", "source", source, "outcome", run.outcome().name()).increment();
        metrics.counter("pricewar.scraper.cells.rejected", "source", source).increment(run.cellsRejected());
        metrics.counter("pricewar.scraper.changes.held", "source", source).increment(run.changesHeld());
        if (run.pageUnchanged()) {
            metrics.counter("pricewar.scraper.pages.unchanged", "source", source).increment();
        }
        if (run.outcome() == ScrapeHealth.Outcome.LAYOUT_CHANGED) {
            metrics.counter("pricewar.scraper.layout.changes", "source", source).increment();
        }
        if (run.outcome() == ScrapeHealth.Outcome.SUCCEEDED) {
            succeeded(run);
        } else {
            failed(run);
        }
    }

    void published(String source, PriceEvent event) {
        metrics.counter("pricewar.scraper.events.published", "source", source,
                "type", event.getClass().getSimpleName()).increment();
    }

    void healthNotPublished(ScrapeHealth run, Throwable error) {
        log.warn("Source {}: could not publish its scrape health ({}): {}", run.sourceId(), run.outcome(), error.toString());
    }

    private void succeeded(ScrapeHealth run) {
        if (lastFailure.remove(run.sourceId()) != null) {
            log.info("Source {}: recovered", run.sourceId());
        }
        // Holds are repeated on every run until confirmed: they are in scrape-health and the
        // changes.held counter, and in the log only beside published events.
        if (run.eventsPublished() > 0) {
            log.info("Source {}: {} prices read, {} events published{}", run.sourceId(), run.pricesRead(),
                    run.eventsPublished(), run.detail().isEmpty() ? "" : "; " + run.detail());
        }
    }

    private void failed(ScrapeHealth run) {
        String message = run.outcome() + ": " + run.detail();
        if (!message.equals(lastFailure.put(run.sourceId(), message))) {
            log.warn("Source {}: {} (logged again when it recovers or changes)", run.sourceId(), message);
        }
    }
}
