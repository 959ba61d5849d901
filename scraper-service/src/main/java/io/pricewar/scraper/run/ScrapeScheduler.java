package io.pricewar.scraper.run;

import io.pricewar.scraper.kafka.PriceBookFollower;
import io.pricewar.scraper.source.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Starts a run of each source this replica is assigned when it is due: its interval has passed
 * since its last start, a held change is due for confirmation, or a scrape was requested. One
 * run per source at a time. Nothing is scraped until the price book has caught up with the log,
 * since a diff against an empty book would re-list every point, nor until the last runs have,
 * since the safeguards carry on from them.
 *
 * <p>On stop it starts no further run and waits (up to {@link ShutdownProperties#timeout()}) for
 * those in flight to publish. It stops in the first phase, before the web client's resources
 * (phase 0) and the Kafka producer (the last phase) go, which a run still needs.
 */
@Component
public class ScrapeScheduler implements ApplicationRunner, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScrapeScheduler.class);
    private static final Duration BOOK_LIMIT = Duration.ofMinutes(5);

    private final AssignedSources sources;
    private final ScrapeRunner runner;
    private final PriceBookFollower book;
    private final LastRuns lastRuns;
    private final Clock clock;
    private final Duration stopTimeout;
    private final RunsInFlight inFlight = new RunsInFlight();
    private final Map<String, Instant> lastStarted = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile boolean ready;
    private volatile boolean stopped = true;

    public ScrapeScheduler(AssignedSources sources, ScrapeRunner runner, PriceBookFollower book, LastRuns lastRuns,
                           Clock clock, ShutdownProperties shutdown) {
        this.sources = sources;
        this.runner = runner;
        this.book = book;
        this.lastRuns = lastRuns;
        this.clock = clock;
        this.stopTimeout = shutdown.timeout();
    }

    @Override
    public void run(ApplicationArguments args) {
        book.awaitCaughtUp(BOOK_LIMIT);
        lastRuns.caughtUp().block(BOOK_LIMIT);
        ready = true;
    }

    @Override
    public void start() {
        stopped = false;
    }

    @Override
    public void stop() {
        runsEnded().join();
    }

    /** Asynchronous, so the rest of this phase stops meanwhile; Boot waits for the callback. */
    @Override
    public void stop(Runnable callback) {
        runsEnded().thenRun(callback);
    }

    /** Locked with {@link #tick()}, so no run starts after the runs to wait for are taken. */
    private synchronized CompletableFuture<Void> runsEnded() {
        stopped = true;
        return inFlight.ended(stopTimeout);
    }

    @Override
    public boolean isRunning() {
        return !stopped;
    }

    @Scheduled(fixedDelayString = "${pricewar.scraper.tick:1s}")
    synchronized void tick() {
        if (!ready || stopped) {
            return;
        }
        Instant now = clock.instant();
        List<AssignedSources.Assigned> assignedNow = sources.current();
        runner.keepOnly(assignedNow.stream().map(a -> a.source().id()).collect(Collectors.toSet()));
        for (AssignedSources.Assigned assigned : assignedNow) {
            Source source = assigned.source();
            if (isDue(assigned, now) && running.add(source.id())) {
                lastStarted.put(source.id(), now);
                inFlight.start(runner.run(source).doFinally(signal -> running.remove(source.id())));
            }
        }
    }

    /** The next start after the last: by cron (in UTC) when the source has one, else by its interval. */
    static Instant nextAfter(Source source, Instant last) {
        if (source.cron() == null) {
            return last.plus(source.interval());
        }
        ZonedDateTime next = CronExpression.parse(source.cron()).next(last.atZone(ZoneOffset.UTC));
        return next == null ? Instant.MAX : next.toInstant();
    }

    private boolean isDue(AssignedSources.Assigned assigned, Instant now) {
        Source source = assigned.source();
        Instant last = lastStarted.get(source.id());
        if (last == null || !now.isBefore(nextAfter(source, last))) {
            return true;
        }
        boolean requested = assigned.scrapeRequestedAt() != null && assigned.scrapeRequestedAt().isAfter(last);
        boolean confirming = runner.confirmationDue(source.id()).filter(due -> !now.isBefore(due) && due.isAfter(last)).isPresent();
        if (requested || confirming) {
            log.debug("Source {}: run {}", source.id(), requested ? "requested" : "to confirm a held change");
        }
        return requested || confirming;
    }
}
