package io.pricewar.ledger.projection;

import io.pricewar.events.PricePointId;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where one generation of the projection is kept. Every write must be idempotent, so that a
 * replayed batch is harmless. A batch is stored in two steps that may lie apart (see
 * {@link Projector}): its history and gaps, then, later, the current prices and checkpoints of
 * any number of batches whose history is in.
 */
public interface ProjectionStore {

    /** Which generation of the projection this store writes; a replay builds a new one. */
    long generation();

    /** The seq each of these points has reached; points the store has never seen are absent. */
    Mono<Map<PricePointId, Long>> storedSeqs(Set<PricePointId> points);

    /** Stores the plan's history entries and gaps; completes when both are acknowledged. */
    Mono<Stored> storeHistory(ProjectionPlan plan);

    /**
     * Moves each point's current price on from the seq the store was known to hold ({@code readSeqs},
     * 0 for a point it did not have), then, only once that is written, the checkpoints (the last
     * offset handled per partition). Completes when every write is acknowledged, with whether
     * every point was where {@code readSeqs} said: false means another writer moved some point
     * meanwhile (the store then settled each at the higher seq), so what the caller knows about
     * the store's seqs is stale.
     */
    Mono<Boolean> advance(List<CurrentPrice> current, Map<PricePointId, Long> readSeqs,
                          List<SourcePosition> checkpoints);

    /** Both steps for one batch: its history and gaps, then its current prices, then the checkpoints. */
    default Mono<Stored> store(ProjectionPlan plan, List<SourcePosition> checkpoints) {
        return storeHistory(plan).flatMap(stored -> advance(plan.current(), plan.readSeqs(), checkpoints)
                .thenReturn(stored));
    }

    /** The last offset stored, per partition of {@code topic}; partitions never stored are absent. */
    Mono<Map<Integer, Long>> checkpoints(String topic);

    /** What the store did: history entries added and those its unique index turned away. */
    record Stored(int added, int duplicates) {
    }
}
