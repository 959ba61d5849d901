package io.pricewar.alert.matching;

import io.pricewar.alert.subscription.SubscriptionChange;
import io.pricewar.alert.subscription.SubscriptionRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This replica's copy of every subscription, as a {@link SubscriptionIndex}. Loaded whole at
 * start, then kept current by polling MongoDB for documents whose {@code changedAt} is recent
 * (deletions are tombstones, so they show up too), applied by {@code version} so that a repeat or
 * a late older copy changes nothing. Changes made through this replica apply at once.
 *
 * <p>Why polling and not a compacted topic of subscription changes: the API writes MongoDB, and
 * also publishing to Kafka would be a dual write without a transaction to tie the two; a poll of
 * an indexed field costs one small query a second per replica and cannot disagree with the
 * database. Change streams would be the push alternative on a real replica set, but the in-JVM
 * server used for tests and the local run has none.
 *
 * <p>An event must be matched against every subscription acknowledged before it was appended.
 * Scanning for that before each batch is what a scan costs (on the in-JVM server, every document:
 * 150-300 ms at 100k subscriptions), so each scan first reads the change marker
 * ({@link SubscriptionRepository#changeMarker}), which every subscription write raises after it is
 * acknowledged and before its caller hears of it. A write acknowledged before the event's append
 * has therefore raised the marker before the append, and a marker read after the append (any read
 * while matching the event) sees the raise. So when that read equals the value the last completed
 * scan read before scanning, no write was acknowledged since that scan began and the index is
 * fresh; otherwise the batch waits for a scan as before. The periodic poll still scans regardless:
 * it picks up a write whose writer stopped between the write and the raise.
 */
@Component
class LiveSubscriptions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveSubscriptions.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
    static final String SCANS_COUNTER = "alert.subscriptions.scans";
    static final String SKIPPED_COUNTER = "alert.subscriptions.scans.skipped";

    private final SubscriptionRepository repository;
    private final MatchingProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, SubscriptionChange> latest = new HashMap<>();
    private volatile Instant freshAsOf = Instant.EPOCH;
    private volatile SubscriptionIndex index = SubscriptionIndex.EMPTY;
    private boolean dirty;
    private volatile Disposable polling;
    /** The change marker the last completed scan read before it scanned; none yet at first. */
    private volatile long scannedMarker = -1;
    /** One scan at a time, without holding the index's monitor while the query runs. */
    private final ReentrantLock scanning = new ReentrantLock();
    private final Counter freshnessScans;
    private final Counter periodicScans;
    private final Counter skippedScans;

    LiveSubscriptions(SubscriptionRepository repository, MatchingProperties properties, MeterRegistry meters) {
        this.repository = repository;
        this.properties = properties;
        this.freshnessScans = scans(meters, "freshness");
        this.periodicScans = scans(meters, "periodic");
        this.skippedScans = Counter.builder(SKIPPED_COUNTER)
                .description("batches matched without a scan because the change marker had not moved")
                .register(meters);
    }

    private static Counter scans(MeterRegistry meters, String trigger) {
        return Counter.builder(SCANS_COUNTER).tag("trigger", trigger)
                .description("polls of the subscriptions collection for changes").register(meters);
    }

    /**
     * The index to match an event appended at {@code appendedAt} against: one that has seen every
     * subscription written before then (and the margin). Under live traffic this may wait for
     * the margin to pass and one read of the change marker, and for a scan only when the marker
     * moved since the last scan; events from the past are matched at once.
     */
    SubscriptionIndex indexFor(Instant appendedAt) {
        Instant needed = appendedAt.plus(properties.freshnessMargin());
        if (freshAsOf.isBefore(needed)) {
            long wait = Duration.between(clock.instant(), needed).toNanos();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (readMarker() == scannedMarker) {
                skippedScans.increment();
            } else {
                refresh(needed, freshnessScans);
            }
        }
        return current();
    }

    /** The index as it is now, whatever its freshness. */
    synchronized SubscriptionIndex current() {
        if (dirty) {
            index = SubscriptionIndex.build(latest.values().stream()
                    .filter(change -> !change.deleted()).map(SubscriptionChange::subscription).toList());
            dirty = false;
        }
        return index;
    }

    @EventListener
    void onLocalChange(SubscriptionChange change) {
        apply(List.of(change));
    }

    @Override
    public void start() {
        refresh(Instant.MAX, periodicScans);
        log.info("matching against {} subscriptions", current().size());
        polling = Flux.interval(properties.refreshInterval())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromRunnable(this::refreshUnlessRecent)
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                        .onErrorResume(error -> {
                            log.warn("could not poll subscription changes; matching on the last known", error);
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = polling;
        if (running != null) {
            running.dispose();
        }
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }

    /** Starts before the Kafka listener containers, so no event is matched against an empty index. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /**
     * The periodic poll, skipped when another scan started within the last half interval (a
     * freshness scan after the marker moved), as a scan of a large collection is not free (on the
     * in-JVM server it reads every document). Half, so that a tick's own poll of the tick before
     * never counts as recent. It does not trust the marker: it is what finds a write whose marker
     * raise never happened.
     */
    private void refreshUnlessRecent() {
        refresh(clock.instant().minus(properties.refreshInterval().dividedBy(2)), periodicScans);
    }

    /**
     * Scans unless a scan started at or after {@code neededAsOf} already ran; one scan at a time.
     * Reads the change marker before it scans and records it once the scan is applied.
     */
    private void refresh(Instant neededAsOf, Counter trigger) {
        scanning.lock();
        try {
            if (!neededAsOf.equals(Instant.MAX) && !freshAsOf.isBefore(neededAsOf)) {
                return;
            }
            scan(trigger);
        } finally {
            scanning.unlock();
        }
    }

    private void scan(Counter trigger) {
        trigger.increment();
        Instant started = clock.instant();
        long marker = readMarker();
        // Back from when the last poll started, not from the newest change it saw: after a bulk
        // load followed by quiet, the latter kept every poll re-reading the whole load (100k
        // documents a poll in EndToEndLatency), for as long as nothing newer was written.
        Instant since = freshAsOf.equals(Instant.EPOCH) ? Instant.EPOCH : freshAsOf.minus(properties.refreshOverlap());
        List<SubscriptionChange> changes = repository.changedSince(since).collectList().block(LOAD_TIMEOUT);
        apply(changes == null ? List.of() : changes);
        freshAsOf = started;
        scannedMarker = marker;
    }

    private long readMarker() {
        Long marker = repository.changeMarker().block(LOAD_TIMEOUT);
        return marker == null ? 0 : marker;
    }

    private synchronized void apply(List<SubscriptionChange> changes) {
        for (SubscriptionChange change : changes) {
            SubscriptionChange known = latest.get(change.subscription().id());
            if (known == null || change.subscription().version() > known.subscription().version()
                    || (change.deleted() && !known.deleted())) {
                latest.put(change.subscription().id(), change);
                dirty = true;
            }
        }
    }
}
