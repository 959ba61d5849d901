package io.pricewar.ledger.projection.kafka;

import io.pricewar.ledger.projection.ProjectionStore;
import io.pricewar.ledger.projection.Projector;
import io.pricewar.ledger.projection.SourcePosition;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link Projector} per consumer thread: each of the container's consumers owns its own
 * partitions, hence its own points, and calls the listener and the rebalance callbacks on its
 * own thread. A projector belongs to one generation; after a replay switched, what it held for
 * the old one is dropped (the new generation has its own checkpoints).
 */
final class ConsumerProjectors {

    private static final Logger log = LoggerFactory.getLogger(ConsumerProjectors.class);

    private final ThreadLocal<Projector> projectors = new ThreadLocal<>();
    private final ProjectionProperties properties;
    private final java.util.function.Consumer<Projector.Projected> onWritten;

    /** @param onWritten told of each batch once its history is written (metrics, gap logging) */
    ConsumerProjectors(ProjectionProperties properties, java.util.function.Consumer<Projector.Projected> onWritten) {
        this.properties = properties;
        this.onWritten = onWritten;
    }

    Projector forThisThread(ProjectionStore store) {
        Projector projector = projectors.get();
        if (projector == null || projector.store().generation() != store.generation()) {
            projector = new Projector(store, properties.flushInterval(), properties.flushMaxPoints(), onWritten);
            projectors.set(projector);
        }
        return projector;
    }

    /**
     * Writes what this thread's projector holds and commits those offsets to Kafka (a hint for
     * tools; MongoDB's checkpoints decide where consumption resumes), then forgets what it knew,
     * e.g. before its partitions are revoked. If MongoDB cannot take it, it is dropped: the
     * checkpoint was not written, so whoever consumes those partitions next reads them again.
     */
    void flushAndForget(Consumer<?, ?> consumer) {
        Projector projector = projectors.get();
        if (projector == null) {
            return;
        }
        try {
            if (projector.hasHeld()) {
                commit(consumer, projector.flush().block(properties.writeTimeout()));
            }
        } catch (RuntimeException e) {
            log.warn("Could not write the held current prices and checkpoints ({}); they will be projected again",
                    e.toString());
        } finally {
            projector.forget();
        }
    }

    /** Drops what this thread's projector holds and knows; used when its writes failed or its partitions were lost. */
    void forget() {
        Projector projector = projectors.get();
        if (projector != null) {
            projector.forget();
        }
    }

    static void commit(Consumer<?, ?> consumer, List<SourcePosition> checkpoints) {
        if (checkpoints == null || checkpoints.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        checkpoints.forEach(position -> offsets.put(new TopicPartition(position.topic(), position.partition()),
                new OffsetAndMetadata(position.offset() + 1)));
        try {
            consumer.commitSync(offsets, Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.debug("Kafka commit after a flush failed ({}); MongoDB's checkpoints are what counts", e.toString());
        }
    }
}
