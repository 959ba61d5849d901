package io.pricewar.ledger.projection;

import io.pricewar.events.PricePointId;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Projects one batch: reads the heads of its points, folds the events over them, stores the plan. */
public final class Projector {

    private final ProjectionStore store;

    public Projector(ProjectionStore store) {
        this.store = store;
    }

    /** @param checkpoints the last offset handled per partition, dead-lettered records included */
    public Mono<Projected> project(List<SourcedEvent> events, List<SourcePosition> checkpoints) {
        return store.storedSeqs(pointsOf(events))
                .map(storedSeqs -> ProjectionFold.plan(events, storedSeqs))
                .flatMap(plan -> store.store(plan, checkpoints)
                        .map(stored -> new Projected(plan, stored)));
    }

    private static Set<PricePointId> pointsOf(List<SourcedEvent> events) {
        return events.stream().map(sourced -> sourced.event().pointId()).collect(Collectors.toSet());
    }

    /** A stored batch: what the fold decided and what the store did. */
    public record Projected(ProjectionPlan plan, ProjectionStore.Stored stored) {
    }
}
