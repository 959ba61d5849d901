package io.pricewar.ledger.projection.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pricewar.ledger.projection.Projector;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/** What the projection did with the records it consumed; every record lands in exactly one outcome. */
class ProjectionMetrics {

    static final String RECORDS = "ledger.projection.records";
    static final String GAPS = "ledger.projection.gaps";
    static final String OUTCOME = "outcome";
    static final String BATCH_FAILURES = "ledger.projection.batch.failures";
    static final String STEP = "ledger.projection.step";

    private final Counter stored;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Counter gaps;
    private final Counter batchFailures;
    private final Map<Step, Timer> steps = new EnumMap<>(Step.class);

    ProjectionMetrics(MeterRegistry registry) {
        this.stored = outcome(registry, "stored");
        this.duplicates = outcome(registry, "duplicate");
        this.deadLettered = outcome(registry, "dead-lettered");
        this.gaps = Counter.builder(GAPS).description("seq gaps found in the log").register(registry);
        this.batchFailures = Counter.builder(BATCH_FAILURES)
                .description("batch attempts that failed and will be retried, e.g. while MongoDB is unreachable")
                .register(registry);
        for (Step step : Step.values()) {
            steps.put(step, Timer.builder(STEP).tag("step", step.tag)
                    .description("time the projection's consumer thread spends in each step of a batch")
                    .register(registry));
        }
    }

    /** Where a batch's time goes on the consumer thread; the next poll waits for all of it. */
    enum Step {
        /** Reading the records' JSON (and dead-lettering unreadable ones). */
        DECODE("decode"),
        /** Waiting for the previous batch's history write, reading unknown points, folding, starting this write. */
        FOLD_AND_WRITE_HISTORY("history"),
        /**
         * Writing the held current prices, then the checkpoints; while behind, only starting that
         * write (and waiting for the previous one, if it is still in flight).
         */
        WRITE_CURRENT_AND_CHECKPOINT("current-and-checkpoint");

        final String tag;

        Step(String tag) {
            this.tag = tag;
        }
    }

    <T> T timed(Step step, Supplier<T> work) {
        return steps.get(step).record(work);
    }

    void projected(Projector.Projected projected) {
        stored.increment(projected.stored().added());
        duplicates.increment(projected.stored().duplicates());
        gaps.increment(projected.plan().gaps().size());
    }

    /** Redeliveries at or below the checkpoint: already stored, skipped without a write. */
    void alreadyStored(int records) {
        duplicates.increment(records);
    }

    void batchFailed() {
        batchFailures.increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder(RECORDS).tag(OUTCOME, outcome)
                .description("price-events records consumed, by what became of them")
                .register(registry);
    }
}
