package io.pricewar.ledger.projection.mongo;

/**
 * A test seam: called after each acknowledged step of storing a batch, so that a test can make
 * the ledger die exactly between two writes and prove that a restart repairs the projection.
 * Production uses {@link #NONE}.
 */
@FunctionalInterface
public interface StoreFaults {

    StoreFaults NONE = step -> {
    };

    void reached(Step step);

    enum Step {
        /** History and gaps are written; current prices and the checkpoint are not. */
        HISTORY_WRITTEN,
        /** Current prices are written; the checkpoint is not. */
        CURRENT_WRITTEN,
        /** The checkpoint is written; Kafka's offset commit is not. */
        CHECKPOINT_WRITTEN
    }
}
