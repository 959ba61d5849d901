package io.pricewar.ledger.projection;

import io.pricewar.events.PricePointId;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Projects batches into one store, writing current prices and checkpoints behind the history.
 *
 * <p>Each batch costs one write: its history and gaps. The newest state of each point it touched
 * and its last offsets are held here until {@link #flush()}, which writes the current prices of
 * every held batch at once (a point changed in ten held batches is written once) and then the
 * checkpoints. Until then MongoDB's checkpoint is behind the held batches, so a crash loses
 * nothing: the batches are read again from the checkpoint, their history is already there (the
 * unique index turns it away) and the fold, starting from the current prices MongoDB has, comes
 * to the same result. Gaps are written with the history, before a point moves on, because once
 * it has moved on a replay would not see them again.
 *
 * <p>The seq each point stands at is remembered once read or written, so a batch reads from
 * MongoDB only the points this projector has not met yet. That is right only while nothing else
 * writes the same points: the caller must {@link #forget()} when its partitions change or a
 * write fails, and a compare-and-set that misses makes the projector forget on its own.
 *
 * <p>Not thread-safe: one projector per consumer thread. (Only the callbacks of a write in flight
 * run elsewhere, and the caller waits for them before it goes on.)
 */
public final class Projector {

    /** Points whose seq is remembered; past this the memory is dropped after a flush and rebuilt by reads. */
    static final int MAX_REMEMBERED_POINTS = 200_000;

    private final ProjectionStore store;
    private final Duration maxDelay;
    private final int maxHeldPoints;
    /** The seq each known point stands at after every batch projected, held ones included. */
    private final Map<PricePointId, Long> heads = new HashMap<>();
    /** The seq each known point has in the store: what a flush compares and sets from. */
    private final Map<PricePointId, Long> stored = new HashMap<>();
    private final Map<PricePointId, CurrentPrice> held = new LinkedHashMap<>();
    private final Map<String, SourcePosition> heldCheckpoints = new LinkedHashMap<>();
    private final java.util.function.Consumer<Projected> onWritten;
    private long heldSince;
    /** The history write {@link #startProjecting} began and nobody has waited for yet. */
    private CompletableFuture<Projected> writing;

    /** A projector that writes every batch through: {@link #flushDue} is always true. */
    public Projector(ProjectionStore store) {
        this(store, Duration.ZERO, 0, projected -> { });
    }

    /**
     * @param maxDelay      how long a batch's current prices and checkpoint may be held
     * @param maxHeldPoints how many points' current prices may be held
     * @param onWritten     told of each batch once its history write is acknowledged
     */
    public Projector(ProjectionStore store, Duration maxDelay, int maxHeldPoints,
                     java.util.function.Consumer<Projected> onWritten) {
        this.store = store;
        this.maxDelay = maxDelay;
        this.maxHeldPoints = maxHeldPoints;
        this.onWritten = onWritten;
    }

    public ProjectionStore store() {
        return store;
    }

    /**
     * Folds the batch over the seqs its points stand at and stores its history and gaps; its
     * current prices and checkpoints are held until {@link #flush()}.
     *
     * @param checkpoints the last offset handled per partition, dead-lettered records included
     */
    public Mono<Projected> project(List<SourcedEvent> events, List<SourcePosition> checkpoints) {
        return written().then(plan(events))
                .flatMap(plan -> store.storeHistory(plan).map(stored -> {
                    hold(plan, checkpoints);
                    Projected projected = new Projected(plan, stored);
                    onWritten.accept(projected);
                    return projected;
                }));
    }

    /**
     * Like {@link #project}, but returns once the batch is folded and its history write has
     * begun, so that the caller can read and decode the next batch meanwhile (the store and this
     * JVM work at the same time). The batch is held at once; {@link #flush()} waits for its write
     * before writing anything behind it, and so does the next call, so one write at most is in
     * flight. A write that failed fails that wait: the caller must then {@link #forget()}.
     */
    public void startProjecting(List<SourcedEvent> events, List<SourcePosition> checkpoints, Duration timeout) {
        written().block(timeout);
        ProjectionPlan plan = plan(events).block(timeout);
        hold(plan, checkpoints);
        writing = store.storeHistory(plan).map(stored -> new Projected(plan, stored)).toFuture();
    }

    /** Completes when the history write in flight, if any, is acknowledged (and reported). */
    private Mono<Void> written() {
        return Mono.defer(() -> {
            CompletableFuture<Projected> write = writing;
            if (write == null) {
                return Mono.empty();
            }
            return Mono.fromFuture(write).doOnNext(projected -> {
                writing = null;
                onWritten.accept(projected);
            }).then();
        });
    }

    private Mono<ProjectionPlan> plan(List<SourcedEvent> events) {
        Set<PricePointId> points = new HashSet<>();
        events.forEach(sourced -> points.add(sourced.event().pointId()));
        Set<PricePointId> unknown = new HashSet<>(points);
        unknown.removeAll(heads.keySet());
        return store.storedSeqs(unknown).map(read -> {
            unknown.forEach(point -> remember(point, read.getOrDefault(point, 0L)));
            Map<PricePointId, Long> from = new HashMap<>();
            points.forEach(point -> from.put(point, heads.get(point)));
            return ProjectionFold.plan(events, from);
        });
    }

    /**
     * Whether the held state should be written now: always when {@code caughtUp} (nothing more
     * is waiting in the log, so readers should see it), else once enough is held or it is old.
     */
    public boolean flushDue(boolean caughtUp) {
        if (!hasHeld()) {
            return false;
        }
        return caughtUp || held.size() >= maxHeldPoints || System.nanoTime() - heldSince >= maxDelay.toNanos();
    }

    public boolean hasHeld() {
        return !held.isEmpty() || !heldCheckpoints.isEmpty() || writing != null;
    }

    /**
     * Writes the held current prices, then the held checkpoints, and returns those checkpoints.
     * A failure keeps them held.
     */
    public Mono<List<SourcePosition>> flush() {
        return written().then(Mono.defer(this::advanceHeld));
    }

    private Mono<List<SourcePosition>> advanceHeld() {
        if (!hasHeld()) {
            return Mono.just(List.of());
        }
        List<CurrentPrice> current = List.copyOf(held.values());
        Map<PricePointId, Long> from = new HashMap<>();
        current.forEach(price -> from.put(price.pointId(), stored.getOrDefault(price.pointId(), 0L)));
        List<SourcePosition> checkpoints = List.copyOf(heldCheckpoints.values());
        return store.advance(current, from, checkpoints)
                .doOnNext(allWhereRead -> {
                    held.clear();
                    heldCheckpoints.clear();
                    if (allWhereRead && heads.size() <= MAX_REMEMBERED_POINTS) {
                        current.forEach(price -> stored.put(price.pointId(), price.seq()));
                    } else {
                        forget();
                    }
                })
                .thenReturn(checkpoints);
    }

    /**
     * Drops everything held and remembered. What was held is not lost: its checkpoint was not
     * written, so it is read from the log again.
     */
    public void forget() {
        writing = null;
        heads.clear();
        stored.clear();
        held.clear();
        heldCheckpoints.clear();
    }

    private void remember(PricePointId point, long seq) {
        heads.put(point, seq);
        stored.put(point, seq);
    }

    private void hold(ProjectionPlan plan, List<SourcePosition> checkpoints) {
        if (!hasHeld()) {
            heldSince = System.nanoTime();
        }
        plan.current().forEach(price -> {
            held.put(price.pointId(), price);
            heads.put(price.pointId(), price.seq());
        });
        checkpoints.forEach(position -> heldCheckpoints.merge(position.topic() + "-" + position.partition(),
                position, (a, b) -> b.offset() > a.offset() ? b : a));
    }

    /** A stored batch: what the fold decided and what the store did with its history. */
    public record Projected(ProjectionPlan plan, ProjectionStore.Stored stored) {
    }
}
