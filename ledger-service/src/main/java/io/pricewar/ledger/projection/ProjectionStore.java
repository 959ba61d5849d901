package io.pricewar.ledger.projection;

import io.pricewar.events.PricePointId;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where one generation of the projection is kept. Every write must be idempotent, so that a
 * replayed batch is harmless.
 */
public interface ProjectionStore {

    /** Which generation of the projection this store writes; a replay builds a new one. */
    long generation();

    /** The seq each of these points has reached; points the store has never seen are absent. */
    Mono<Map<PricePointId, Long>> storedSeqs(Set<PricePointId> points);

    /**
     * Stores the plan, then, only once its data is written, the checkpoints (the last offset
     * handled per partition). Completes only when every write is acknowledged.
     */
    Mono<Stored> store(ProjectionPlan plan, List<SourcePosition> checkpoints);

    /** The last offset stored, per partition of {@code topic}; partitions never stored are absent. */
    Mono<Map<Integer, Long>> checkpoints(String topic);

    /** What the store did: history entries added and those its unique index turned away. */
    record Stored(int added, int duplicates) {
    }
}
