package io.pricewar.ledger.projection.kafka;

import io.pricewar.ledger.projection.ProjectionStore;
import io.pricewar.ledger.projection.ProjectionStores;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps consumption aligned with the checkpoints in MongoDB, which are the truth about what is
 * projected; Kafka's committed offsets are only a hint. Each partition's next offset is learned
 * from the live generation's checkpoint (on assignment, or lazily if MongoDB could not be read
 * then, or after a replay switched generations), and every batch is checked against it:
 * records at or below the checkpoint are already stored and are skipped; a batch that starts
 * past the next offset means the consumer is ahead of the data (a restored database, a new
 * generation) and the partition is sought back.
 */
final class CheckpointAlignment implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(CheckpointAlignment.class);

    private final Map<TopicPartition, Next> next = new ConcurrentHashMap<>();
    private final ProjectionStores stores;
    private final Duration readTimeout;
    private final ConsumerProjectors projectors;

    CheckpointAlignment(ProjectionStores stores, Duration readTimeout, ConsumerProjectors projectors) {
        this.stores = stores;
        this.readTimeout = readTimeout;
        this.projectors = projectors;
    }

    /**
     * Seeks each assigned partition to its checkpoint + 1. If MongoDB cannot be read now, the
     * partitions stay where Kafka put them and the first batch of each aligns them instead, so
     * that an unreachable database delays consumption without failing the rebalance.
     */
    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        projectors.flushAndForget(consumer);
        forget(partitions);
        try {
            resumeOffsets(partitions, stores.live(), consumer).forEach(consumer::seek);
        } catch (RuntimeException e) {
            forget(partitions);
            log.warn("Could not read checkpoints on assignment of {} ({}); the first batch will align them",
                    partitions, e.toString());
        }
    }

    /** Writes what the projector holds while the partitions are still this consumer's (a stop ends here too). */
    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        projectors.flushAndForget(consumer);
    }

    @Override
    public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        projectors.forget();
        forget(partitions);
    }

    /** Where each partition should resume: its checkpoint + 1, or the log's start when it has none. */
    Map<TopicPartition, Long> resumeOffsets(Collection<TopicPartition> partitions, ProjectionStore store,
                                            Consumer<?, ?> consumer) {
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
        Map<String, Map<Integer, Long>> checkpoints = new HashMap<>();
        Map<TopicPartition, Long> resume = new LinkedHashMap<>();
        for (TopicPartition partition : partitions) {
            Long checkpoint = checkpoints.computeIfAbsent(partition.topic(),
                    topic -> store.checkpoints(topic).block(readTimeout)).get(partition.partition());
            long offset = checkpoint == null ? beginnings.getOrDefault(partition, 0L) : checkpoint + 1;
            resume.put(partition, offset);
            next.put(partition, new Next(store.generation(), offset, false));
        }
        return resume;
    }

    /**
     * Seeks back the partitions whose next offset was learned in another generation than the
     * live one. After a replay switched generations, what the live consumer projected while it
     * ran is in the old generation only; a batch would align the partition, but on a quiet log
     * none comes, and the new generation would serve older prices until one did.
     */
    void realignSwitched(ProjectionStore store, Consumer<?, ?> consumer) {
        List<TopicPartition> switched = consumer.assignment().stream()
                .filter(partition -> next.containsKey(partition)
                        && next.get(partition).generation() != store.generation())
                .toList();
        if (!switched.isEmpty()) {
            resumeOffsets(switched, store, consumer).forEach(consumer::seek);
        }
    }

    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(next::remove);
    }

    /** Relearns every partition's next offset from MongoDB, e.g. after held batches were dropped. */
    void forgetAll() {
        next.clear();
    }

    /**
     * The records of the batch that still need projecting. Partitions the consumer is ahead on
     * are sought back and left out; {@link Aligned#sought()} says so, and the batch must then not
     * be committed, so that Kafka's commit never runs ahead of MongoDB.
     */
    <K, V> Aligned<K, V> align(List<ConsumerRecord<K, V>> records, ProjectionStore store, Consumer<?, ?> consumer) {
        Map<TopicPartition, List<ConsumerRecord<K, V>>> byPartition = new LinkedHashMap<>();
        records.forEach(r -> byPartition.computeIfAbsent(new TopicPartition(r.topic(), r.partition()),
                p -> new ArrayList<>()).add(r));
        List<ConsumerRecord<K, V>> keep = new ArrayList<>(records.size());
        int alreadyStored = 0;
        boolean sought = false;
        for (var entry : byPartition.entrySet()) {
            TopicPartition partition = entry.getKey();
            Next expected = expected(partition, store, consumer);
            List<ConsumerRecord<K, V>> batch = entry.getValue();
            if (batch.getFirst().offset() > expected.offset() && !expected.soughtBack()) {
                consumer.seek(partition, expected.offset());
                next.put(partition, expected.afterSeek());
                sought = true;
                continue;
            }
            for (ConsumerRecord<K, V> record : batch) {
                if (record.offset() < expected.offset()) {
                    alreadyStored++;
                } else {
                    keep.add(record);
                }
            }
        }
        return new Aligned<>(keep, alreadyStored, sought);
    }

    /** After a batch is stored: each partition resumes after the batch's last record. */
    void stored(List<? extends ConsumerRecord<?, ?>> records, long generation) {
        records.forEach(r -> next.merge(new TopicPartition(r.topic(), r.partition()),
                new Next(generation, r.offset() + 1, false),
                (old, now) -> now.offset() > old.offset() || old.generation() != generation ? now : old));
    }

    private Next expected(TopicPartition partition, ProjectionStore store, Consumer<?, ?> consumer) {
        Next known = next.get(partition);
        if (known != null && known.generation() == store.generation()) {
            return known;
        }
        resumeOffsets(List.of(partition), store, consumer);
        return next.get(partition);
    }

    /**
     * @param soughtBack the consumer was already sent back here once; if the log still starts
     *                   later (offsets can have holes, e.g. transaction markers), accept that
     */
    private record Next(long generation, long offset, boolean soughtBack) {
        Next afterSeek() {
            return new Next(generation, offset, true);
        }
    }

    record Aligned<K, V>(List<ConsumerRecord<K, V>> records, int alreadyStored, boolean sought) {
    }
}
