package io.pricewar.scraper.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.events.Evidence;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.ScrapeHealth;
import io.pricewar.events.ScrapeHealth.Outcome;
import io.pricewar.scraper.diff.PriceBook;
import io.pricewar.scraper.diff.SafetyRules;
import io.pricewar.scraper.diff.Safeguard;
import io.pricewar.scraper.extract.Extraction;
import io.pricewar.scraper.extract.Extractors;
import io.pricewar.scraper.extract.Vocabulary;
import io.pricewar.scraper.fetch.FetchException;
import io.pricewar.scraper.fetch.FetchResult;
import io.pricewar.scraper.fetch.FetchedPage;
import io.pricewar.scraper.fetch.PageFetcher;
import io.pricewar.scraper.kafka.HealthPublisher;
import io.pricewar.scraper.kafka.PriceBookFollower;
import io.pricewar.scraper.kafka.PriceEventPublisher;
import io.pricewar.scraper.kafka.SnapshotPublisher;
import io.pricewar.scraper.source.Source;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run of one source: fetch, extract (unless the page is unchanged), let the
 * {@link Safeguard} judge the diff, then put the page on {@code page-snapshots} and the events
 * on {@code price-events}, and finally the run's outcome on {@code scrape-health}. Each event is
 * applied to the book only once the broker has it, so a failed publish leaves the book where the
 * log is and the next run yields the same changes again.
 */
@Component
public class ScrapeRunner {

    private final PageFetcher fetcher;
    private final PriceEventPublisher publisher;
    private final SnapshotPublisher snapshots;
    private final HealthPublisher health;
    private final PriceBookFollower book;
    private final SafetyRules rules;
    private final LastRuns lastRuns;
    private final RunReporter reporter;
    private final Clock clock;
    private final PageMemory memory = new PageMemory();
    private final Map<String, Safeguard> safeguards = new ConcurrentHashMap<>();
    private final Map<String, Vocabulary> vocabularies = new ConcurrentHashMap<>();

    public ScrapeRunner(PageFetcher fetcher, PriceEventPublisher publisher, SnapshotPublisher snapshots,
                        HealthPublisher health, PriceBookFollower book, SafetyRules rules, LastRuns lastRuns,
                        MeterRegistry metrics, Clock clock) {
        this.fetcher = fetcher;
        this.publisher = publisher;
        this.snapshots = snapshots;
        this.health = health;
        this.book = book;
        this.rules = rules;
        this.lastRuns = lastRuns;
        this.reporter = new RunReporter(metrics);
        this.clock = clock;
    }

    public Mono<ScrapeHealth> run(Source source) {
        Instant started = clock.instant();
        return fetcher.fetch(source.url(), memory.validatorsFor(source))
                .flatMap(result -> reading(source, result))
                .flatMap(reading -> judgeAndPublish(source, reading, started))
                .onErrorResume(error -> Mono.just(failed(source, started, error)))
                .doOnNext(reporter::report)
                .flatMap(this::publishHealth);
    }

    /** When a held change of this source may be confirmed, so that it is re-scraped then. */
    public Optional<Instant> confirmationDue(String sourceId) {
        return Optional.ofNullable(safeguards.get(sourceId)).flatMap(Safeguard::confirmationDue);
    }

    /**
     * Drops the safeguards (and vocabularies) of sources this replica no longer scrapes. Another
     * replica carries them on from here; should the source come back, its safeguard starts again
     * from the last run on {@code scrape-health}, not from what this replica knew before it left.
     */
    public void keepOnly(Set<String> sourceIds) {
        safeguards.keySet().retainAll(sourceIds);
        vocabularies.keySet().retainAll(sourceIds);
    }

    /** The source's safeguard: this replica's own, or one carrying on from the source's last run. */
    private Safeguard safeguard(Source source) {
        return safeguards.computeIfAbsent(source.id(), id -> lastRuns.of(id)
                .map(runs -> new Safeguard(rules, runs.last().missing(), runs.last().held()))
                .orElseGet(() -> new Safeguard(rules)));
    }

    private Mono<Reading> reading(Source source, FetchResult result) {
        Optional<PageMemory.Remembered> last = memory.of(source);
        return switch (result) {
            case FetchResult.NotModified notModified -> last
                    .map(r -> Mono.just(new Reading(refetchedNow(r.page()), r.contentType(), r.extraction(), true)))
                    .orElseGet(() -> Mono.error(FetchException.permanent("304 for a page never read")));
            case FetchResult.Fetched fetched -> last
                    .filter(r -> r.page().sha256().equals(fetched.page().sha256()))
                    .map(r -> Mono.just(new Reading(fetched.page(), fetched.contentType(), r.extraction(), true)))
                    .orElseGet(() -> extract(source, fetched));
        };
    }

    private FetchedPage refetchedNow(FetchedPage page) {
        return new FetchedPage(page.url(), clock.instant(), page.body(), page.charset(), page.sha256());
    }

    private Mono<Reading> extract(Source source, FetchResult.Fetched fetched) {
        Vocabulary vocabulary = vocabularies.computeIfAbsent(source.id(), id -> new Vocabulary());
        return Mono.fromCallable(() -> Extractors.extract(source, fetched.page(), vocabulary))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(extraction -> memory.remember(new PageMemory.Remembered(source, fetched.page(),
                        fetched.contentType(), fetched.validators(), extraction)))
                .map(extraction -> new Reading(fetched.page(), fetched.contentType(), extraction, false));
    }

    private Mono<ScrapeHealth> judgeAndPublish(Source source, Reading reading, Instant started) {
        Extraction extraction = reading.extraction();
        Safeguard safeguard = safeguard(source);
        RunResult result = new RunResult(source, started, reading, safeguard);
        if (!extraction.isHealthy()) {
            return Mono.just(result.ended(clock.instant(), Outcome.LAYOUT_CHANGED, extraction.problem(), 0, List.of()));
        }
        PriceBook current = book.book();
        FetchedPage page = reading.page();
        Safeguard.Verdict verdict = safeguard.judge(current, extraction.prices(), extraction.unreadable(),
                new Evidence(page.url(), page.fetchedAt(), page.sha256(), ""));
        if (verdict.layoutChanged()) {
            return Mono.just(result.ended(clock.instant(), Outcome.LAYOUT_CHANGED, verdict.layoutProblem(), 0, List.of()));
        }
        return publish(source, reading, verdict.events(), current)
                .map(published -> result.ended(clock.instant(), Outcome.SUCCEEDED, "", published, verdict.held()))
                .onErrorResume(error -> Mono.just(result.ended(clock.instant(), Outcome.PUBLISH_FAILED,
                        "publishing failed, the next run publishes the same changes: " + error, 0, verdict.held())));
    }

    /** The page's snapshot first, then its events, each applied to the book once the broker has it. */
    private Mono<Integer> publish(Source source, Reading reading, List<PriceEvent> events, PriceBook current) {
        if (events.isEmpty()) {
            return Mono.just(0);
        }
        return snapshots.publish(reading.page(), reading.contentType())
                .thenMany(Flux.fromIterable(events).concatMap(publisher::publish))
                .doOnNext(current::apply)
                .doOnNext(event -> reporter.published(source.id(), event))
                .count()
                .map(Long::intValue);
    }

    private ScrapeHealth failed(Source source, Instant started, Throwable error) {
        Outcome outcome = error instanceof FetchException.Disallowed ? Outcome.DISALLOWED : Outcome.FETCH_FAILED;
        String detail = error instanceof FetchException ? error.getMessage() : "fetch of " + source.url() + " failed: " + error;
        return new RunResult(source, started, null, safeguard(source)).ended(clock.instant(), outcome, detail, 0, List.of());
    }

    private Mono<ScrapeHealth> publishHealth(ScrapeHealth outcome) {
        return health.publish(outcome).onErrorResume(error -> {
            reporter.healthNotPublished(outcome, error);
            return Mono.just(outcome);
        });
    }
}
