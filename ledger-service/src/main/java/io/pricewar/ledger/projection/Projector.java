package io.pricewar.ledger.projection;

import io.pricewar.events.PricePointId;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

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
 * <p>A flush can also be started without waiting for it ({@link #startFlush}), so that writing the
 * current prices overlaps the next batches' history writes (different collections). It takes what
 * is held at that instant and leaves the maps empty for the batches after it. Two rules keep that
 * as safe as a flush that is waited for: a flush starts only once every history write of the
 * batches it covers is acknowledged, and only once the flush before it has finished (so two
 * flushes of one point never overtake each other, and each compares and sets from the seq the
 * previous one wrote). Its checkpoints are written by the store after its current prices, and
 * cover only the batches held when it started. What the caller may commit to Kafka is handed out
 * only once the flush is acknowledged ({@link #takeFlushed}).
 *
 * <p>Not thread-safe: one projector per consumer thread. (Only the callbacks of a write in flight
 * run elsewhere, and the caller waits for them before it goes on; what a finished write means for
 * this projector's maps is applied on the caller's thread.)
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
    /** The flush {@link #startFlush} began and whose outcome is not applied yet. */
    private Flush flushing;
    /** Checkpoints of finished flushes that the caller has not taken yet (to commit to Kafka). */
    private final List<SourcePosition> flushed = new ArrayList<>();
    /**
     * Why a flush started earlier was lost, if one was. Until {@link #forget()} nothing more is
     * projected or flushed: a later flush would write a checkpoint past the lost one's data.
     */
    private RuntimeException lost;

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
        return notLost().then(written()).then(plan(events))
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
        throwIfLost();
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
        if (caughtUp) {
            return true;
        }
        return holding() && (held.size() >= maxHeldPoints || System.nanoTime() - heldSince >= maxDelay.toNanos());
    }

    /** Whether anything is held, being written or written but not yet taken: the caller must not commit past it. */
    public boolean hasHeld() {
        return holding() || writing != null || flushing != null
                || !flushed.isEmpty();
    }

    /**
     * Writes the held current prices, then the held checkpoints, and returns those checkpoints
     * together with those of any earlier flush not yet taken ({@link #takeFlushed}). It waits for
     * the history write and the flush in flight first. A failure of the flush in flight drops
     * what it carried; the caller must then {@link #forget()} (its checkpoints were not written,
     * so those batches are read again). A failure of this flush keeps what it carried held.
     */
    public Mono<List<SourcePosition>> flush() {
        return notLost().then(written()).then(finished()).then(Mono.defer(this::advanceHeld)).map(checkpoints -> {
            flushed.addAll(checkpoints);
            return takeFlushed();
        });
    }

    /**
     * Starts writing what is held and returns without waiting for it; the next batches are held
     * afresh meanwhile. It first waits (up to {@code timeout} each) for the history write in
     * flight, so that no checkpoint is written before the history it covers, and for the flush
     * before it, so that one flush at most is in flight. If that flush failed, this throws and the
     * caller must {@link #forget()}.
     */
    public void startFlush(Duration timeout) {
        throwIfLost();
        written().block(timeout);
        awaitFlushing(timeout);
        if (!holding()) {
            return;
        }
        List<CurrentPrice> current = List.copyOf(held.values());
        Map<PricePointId, Long> from = readSeqs(current);
        List<SourcePosition> checkpoints = List.copyOf(heldCheckpoints.values());
        held.clear();
        heldCheckpoints.clear();
        flushing = new Flush(current, checkpoints, store.advance(current, from, checkpoints).toFuture());
    }

    /**
     * The checkpoints of every flush acknowledged since the last call, for the caller to commit to
     * Kafka. Does not wait: a flush still in flight is left for a later call. If it failed, this
     * throws, and the caller must {@link #forget()}.
     */
    public List<SourcePosition> takeFlushed() {
        throwIfLost();
        Flush flush = flushing;
        if (flush != null && flush.done().isDone()) {
            settle(flush, outcome(flush, flush.done()::join));
        }
        List<SourcePosition> taken = List.copyOf(flushed);
        flushed.clear();
        return taken;
    }

    /** Completes once the flush in flight, if any, is acknowledged and its outcome applied. */
    private Mono<Void> finished() {
        return Mono.defer(() -> {
            Flush flush = flushing;
            if (flush == null) {
                return Mono.empty();
            }
            return Mono.fromFuture(flush.done())
                    .doOnError(failure -> lose(flush, failure))
                    .doOnNext(allWhereRead -> settle(flush, allWhereRead))
                    .then();
        });
    }

    private void awaitFlushing(Duration timeout) {
        Flush flush = flushing;
        if (flush == null) {
            return;
        }
        settle(flush, outcome(flush, () -> {
            try {
                return flush.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a flush", e);
            } catch (ExecutionException e) {
                throw new CompletionException(e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("a flush took longer than " + timeout, e);
            }
        }));
    }

    /** The flush's outcome; if it failed, it is lost (see {@link #lost}) and its failure is thrown as it was. */
    private boolean outcome(Flush flush, Supplier<Boolean> waitFor) {
        try {
            return waitFor.get();
        } catch (CompletionException e) {
            throw lose(flush, e.getCause() instanceof RuntimeException failure ? failure : e);
        } catch (RuntimeException e) {
            throw lose(flush, e);
        }
    }

    private RuntimeException lose(Flush flush, Throwable failure) {
        if (flush == flushing) {
            flushing = null;
        }
        lost = failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
        return lost;
    }

    private Mono<Void> notLost() {
        return Mono.defer(() -> lost == null ? Mono.empty() : Mono.error(lost));
    }

    private void throwIfLost() {
        if (lost != null) {
            throw lost;
        }
    }

    /**
     * Applies a finished flush on the caller's thread: the store now has its seqs. If another
     * writer had moved some of its points, what this projector knows is stale; with nothing held
     * it simply forgets, but batches held since the flush started were folded over stale seqs, so
     * it fails, and the caller forgets them and reads them again from the checkpoints.
     */
    private void settle(Flush flush, boolean allWhereRead) {
        flushing = null;
        flushed.addAll(flush.checkpoints());
        if (!allWhereRead) {
            if (holding() || writing != null) {
                throw lose(flush, new IllegalStateException("another writer moved points of a flush while later "
                        + "batches were held; they must be projected again from the checkpoints"));
            }
            List<SourcePosition> acknowledged = List.copyOf(flushed);
            forget();
            flushed.addAll(acknowledged);
            return;
        }
        flush.current().forEach(price -> stored.put(price.pointId(), price.seq()));
        if (heads.size() > MAX_REMEMBERED_POINTS) {
            // Keep only what the held batches need: the next flush compares and sets from it.
            heads.keySet().retainAll(held.keySet());
            stored.keySet().retainAll(held.keySet());
        }
    }

    private Map<PricePointId, Long> readSeqs(List<CurrentPrice> current) {
        Map<PricePointId, Long> from = new HashMap<>();
        current.forEach(price -> from.put(price.pointId(), stored.getOrDefault(price.pointId(), 0L)));
        return from;
    }

    private Mono<List<SourcePosition>> advanceHeld() {
        if (!holding()) {
            return Mono.just(List.of());
        }
        List<CurrentPrice> current = List.copyOf(held.values());
        Map<PricePointId, Long> from = readSeqs(current);
        List<SourcePosition> checkpoints = List.copyOf(heldCheckpoints.values());
        return store.advance(current, from, checkpoints)
                .doOnNext(allWhereRead -> {
                    held.clear();
                    heldCheckpoints.clear();
                    settle(new Flush(current, List.of(), null), allWhereRead);
                })
                .thenReturn(checkpoints);
    }

    /**
     * Drops everything held and remembered. What was held is not lost: its checkpoint was not
     * written, so it is read from the log again.
     */
    public void forget() {
        writing = null;
        flushing = null;
        lost = null;
        flushed.clear();
        heads.clear();
        stored.clear();
        held.clear();
        heldCheckpoints.clear();
    }

    private void remember(PricePointId point, long seq) {
        heads.put(point, seq);
        stored.put(point, seq);
    }

    /** Whether batches are held whose current prices or checkpoints no flush has taken yet. */
    private boolean holding() {
        return !held.isEmpty() || !heldCheckpoints.isEmpty();
    }

    private void hold(ProjectionPlan plan, List<SourcePosition> checkpoints) {
        if (!holding()) {
            heldSince = System.nanoTime();
        }
        plan.current().forEach(price -> {
            held.put(price.pointId(), price);
            heads.put(price.pointId(), price.seq());
        });
        checkpoints.forEach(position -> heldCheckpoints.merge(position.topic() + "-" + position.partition(),
                position, (a, b) -> b.offset() > a.offset() ? b : a));
    }

    /** A flush: the current prices and checkpoints it writes, and whether every point was where it read. */
    private record Flush(List<CurrentPrice> current, List<SourcePosition> checkpoints,
                         CompletableFuture<Boolean> done) {
    }

    /** A stored batch: what the fold decided and what the store did with its history. */
    public record Projected(ProjectionPlan plan, ProjectionStore.Stored stored) {
    }
}
