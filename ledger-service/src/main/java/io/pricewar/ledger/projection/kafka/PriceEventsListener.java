package io.pricewar.ledger.projection.kafka;

import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEventJson;
import io.pricewar.events.PriceEventJson.UnreadableEventException;
import io.pricewar.events.Topics;
import io.pricewar.ledger.projection.ProjectionStore;
import io.pricewar.ledger.projection.ProjectionStores;
import io.pricewar.ledger.projection.Projector;
import io.pricewar.ledger.projection.SeqGap;
import io.pricewar.ledger.projection.SourcePosition;
import io.pricewar.ledger.projection.SourcedEvent;
import io.pricewar.ledger.projection.StorableAmounts;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.support.Acknowledgment;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/**
 * Projects each polled batch into the live generation and acknowledges it only when every write
 * of it (dead letters included) is acknowledged. While the consumer is behind the log, current
 * prices and checkpoints are held behind the history for up to {@code flush-interval} and written
 * for many batches at once ({@link Projector}), without waiting for that write: it overlaps the
 * next batches' history. The Kafka commit follows the acknowledged checkpoint, never precedes it.
 * On assignment each partition is sought to its checkpoint in MongoDB + 1, so MongoDB, not Kafka's commit, decides where consumption resumes
 * (see {@link CheckpointAlignment}). Blocking is right here: this is the consumer's own thread, and
 * the next poll must wait for the store anyway. Any failure propagates, so that the container's
 * error handler retries the whole batch, which the idempotent store makes safe.
 */
class PriceEventsListener {

    static final String LISTENER_ID = "price-events-projection";

    private static final Logger log = LoggerFactory.getLogger(PriceEventsListener.class);

    private final ProjectionStores stores;
    private final DeadLetters deadLetters;
    private final ProjectionMetrics metrics;
    private final ProjectionProperties properties;
    private final CheckpointAlignment alignment;
    private final ConsumerProjectors projectors;

    PriceEventsListener(ProjectionStores stores, CheckpointAlignment alignment, ConsumerProjectors projectors,
                        DeadLetters deadLetters, ProjectionMetrics metrics, ProjectionProperties properties) {
        this.stores = stores;
        this.projectors = projectors;
        this.alignment = alignment;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.properties = properties;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.PRICE_EVENTS,
            containerFactory = ProjectionKafkaConfiguration.LISTENER_FACTORY)
    void onBatch(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack, Consumer<?, ?> consumer) {
        ProjectionStore store = stores.live();
        Projector projector = projectors.forThisThread(store);
        try {
            var aligned = alignment.align(records, store, consumer);
            metrics.alreadyStored(aligned.alreadyStored());
            if (!aligned.records().isEmpty()) {
                // Decoding this batch overlaps the previous batch's history write, still in flight.
                List<SourcedEvent> events = metrics.timed(ProjectionMetrics.Step.DECODE,
                        () -> readOrDeadLetter(aligned.records()));
                metrics.timed(ProjectionMetrics.Step.FOLD_AND_WRITE_HISTORY, () -> {
                    projector.startProjecting(events, lastOffsets(aligned.records()), properties.writeTimeout());
                    return null;
                });
            }
            alignment.stored(aligned.records(), store.generation());
            boolean caughtUp = caughtUp(consumer);
            if (projector.flushDue(caughtUp)) {
                metrics.timed(ProjectionMetrics.Step.WRITE_CURRENT_AND_CHECKPOINT, () -> {
                    if (caughtUp) {
                        // Readers should see it now; the acknowledgement below commits it.
                        projector.flush().block(properties.writeTimeout());
                    } else {
                        // Written while the next batches' history is: a later batch commits it.
                        projector.startFlush(properties.writeTimeout());
                    }
                    return null;
                });
            }
            if (!projector.hasHeld() && !aligned.sought()) {
                ack.acknowledge();
            } else {
                ConsumerProjectors.commit(consumer, projector.takeFlushed());
            }
        } catch (RuntimeException e) {
            metrics.batchFailed();
            // What was held is not checkpointed: drop it and realign on MongoDB, which re-reads it.
            projectors.forget();
            alignment.forgetAll();
            throw e;
        }
    }

    /**
     * Writes what is held once the log has gone quiet, and realigns on a generation a replay has
     * switched to, since no further batch may come to do either (the container publishes its
     * idle event on the consumer's own thread).
     */
    @EventListener(condition = "event.listenerId.startsWith('" + LISTENER_ID + "')")
    void onIdle(ListenerContainerIdleEvent event) {
        ProjectionStore store = stores.live();
        Projector projector = projectors.forThisThread(store);
        try {
            if (projector.hasHeld()) {
                ConsumerProjectors.commit(event.getConsumer(), projector.flush().block(properties.writeTimeout()));
            }
            alignment.realignSwitched(store, event.getConsumer());
        } catch (RuntimeException e) {
            metrics.batchFailed();
            log.warn("Could not write the held current prices and checkpoints, or read the checkpoints, while idle "
                    + "({}); they will be projected again", e.toString());
            projectors.forget();
            alignment.forgetAll();
        }
    }

    /** Whether nothing more is waiting in any assigned partition, as of the last fetch (no request made). */
    static boolean caughtUp(Consumer<?, ?> consumer) {
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag != null && lag.isPresent() && lag.getAsLong() > 0) {
                return false;
            }
        }
        return true;
    }

    private List<SourcedEvent> readOrDeadLetter(List<ConsumerRecord<String, byte[]>> records) {
        List<SourcedEvent> events = new ArrayList<>(records.size());
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(new SourcedEvent(read(record.value()), position(record)));
            } catch (UnreadableEventException e) {
                log.warn("Dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
                        record.key(), e.getMessage());
                sends.add(deadLetters.send(record, e.getMessage()));
            }
        }
        awaitDeadLetters(sends);
        return events;
    }

    private static PriceEvent read(byte[] value) {
        PriceEvent event = PriceEventJson.read(value);
        StorableAmounts.whyNotStorable(event).ifPresent(reason -> {
            throw new UnreadableEventException(reason);
        });
        return event;
    }

    /** A dead letter counts only once the broker has it; otherwise the batch is retried. */
    private void awaitDeadLetters(List<CompletableFuture<?>> sends) {
        if (sends.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + sends.size() + " records", e);
        }
        sends.forEach(send -> metrics.deadLettered());
    }

    /** What a batch did, once its history is written: counted, and its gaps logged. */
    static void report(Projector.Projected projected, ProjectionMetrics metrics) {
        logGaps(projected.plan().gaps());
        metrics.projected(projected);
    }

    private static void logGaps(List<SeqGap> gaps) {
        gaps.forEach(gap -> log.warn("Seq gap on {}: expected seq {} but found {} (event {} at {}-{}@{})",
                gap.pointId(), gap.expectedSeq(), gap.foundSeq(), gap.eventId(), gap.source().topic(),
                gap.source().partition(), gap.source().offset()));
    }

    private static SourcePosition position(ConsumerRecord<?, ?> record) {
        return new SourcePosition(record.topic(), record.partition(), record.offset());
    }

    /** The last offset of each partition in the batch, dead-lettered records included: all are handled. */
    static List<SourcePosition> lastOffsets(List<? extends ConsumerRecord<?, ?>> records) {
        BinaryOperator<SourcePosition> later = (a, b) -> a.offset() >= b.offset() ? a : b;
        return List.copyOf(records.stream()
                .map(PriceEventsListener::position)
                .collect(Collectors.toMap(p -> p.topic() + "-" + p.partition(), p -> p, later))
                .values());
    }
}
