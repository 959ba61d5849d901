package io.pricewar.ledger.replay.run;

import io.pricewar.events.PriceEventJson;
import io.pricewar.events.PricePointId;
import io.pricewar.events.Topics;
import io.pricewar.ledger.projection.Projector;
import io.pricewar.ledger.projection.SourcePosition;
import io.pricewar.ledger.projection.SourcedEvent;
import io.pricewar.ledger.projection.StorableAmounts;
import io.pricewar.ledger.projection.mongo.LedgerCollections;
import io.pricewar.ledger.projection.mongo.LedgerGenerations;
import io.pricewar.ledger.projection.mongo.MongoProjectionStore;
import io.pricewar.ledger.replay.ReplayStatus;
import io.pricewar.ledger.replay.ReplayStatus.State;
import io.pricewar.ledger.replay.Verification;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs one replay at a time on its own thread: reads {@code price-events} from offset 0 to the
 * end it had when the replay began, projects it into a new generation with the same fold and
 * store as the live consumer, verifies, and switches the generation pointer.
 */
public final class ReplayRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplayRunner.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration HOLD_AT_MOST = Duration.ofMinutes(10);
    private static final int HELD_POINTS = 50_000;

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final LedgerGenerations generations;
    private final Duration writeTimeout;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "ledger-replay"));
    private final AtomicReference<ReplayStatus> status = new AtomicReference<>();

    /** @param consumers group-less consumers (no {@code group.id}), so a replay can commit nothing */
    public ReplayRunner(Supplier<Consumer<String, byte[]>> consumers, LedgerGenerations generations,
                        Duration writeTimeout) {
        this.consumers = consumers;
        this.generations = generations;
        this.writeTimeout = writeTimeout;
    }

    public ReplayStatus status() {
        return status.get();
    }

    /** Starts a replay unless one is running; returns the status of the one that runs. */
    public synchronized ReplayStatus start(boolean acceptChecksumDifference) {
        ReplayStatus current = status.get();
        if (current != null && current.active()) {
            return current;
        }
        long live = generations.refresh().block(writeTimeout).generation();
        long next = generations.existing().reduce(live, Math::max).block(writeTimeout) + 1;
        ReplayStatus started = new ReplayStatus(UUID.randomUUID().toString(), State.RUNNING, next, live,
                Instant.now(), null, 0, 0, 0, null, null);
        status.set(started);
        thread.execute(() -> run(started, acceptChecksumDifference));
        return started;
    }

    private void run(ReplayStatus started, boolean acceptChecksumDifference) {
        LedgerCollections target = generations.generation(started.generation());
        try {
            target.drop().then(target.ensureIndexes()).block(writeTimeout);
            long start = System.nanoTime();
            Replayed replayed = replayInto(target);
            long projected = System.nanoTime();
            update(State.VERIFYING, replayed, null, "verifying", null);
            Verification verification = verify(target, generations.live(), replayed);
            log.info("Replay into generation {}: {} records projected in {} s, verified in {} s", started.generation(),
                    replayed.consumed, (projected - start) / 1_000_000_000, (System.nanoTime() - projected) / 1_000_000_000);
            List<String> problems = verification.problems(acceptChecksumDifference);
            if (!problems.isEmpty()) {
                update(State.REJECTED, replayed, verification, String.join("; ", problems), Instant.now());
                log.warn("Replay into generation {} rejected: {}", started.generation(), problems);
                return;
            }
            generations.switchTo(started.generation()).block(writeTimeout);
            dropAllBut(started.generation(), started.liveGeneration());
            update(State.SWITCHED, replayed, verification, "generation " + started.generation() + " is live",
                    Instant.now());
            log.info("Replay switched the ledger to generation {}", started.generation());
        } catch (RuntimeException e) {
            log.error("Replay into generation {} failed", started.generation(), e);
            ReplayStatus now = status.get();
            status.set(now.with(State.FAILED, now.consumed(), now.unreadable(), now.verification(), e.toString(),
                    Instant.now()));
        }
    }

    private Replayed replayInto(LedgerCollections target) {
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PRICE_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            status.set(status.get().withTarget(total));
            Replayed replayed = new Replayed(end);
            // Nobody reads the new generation before the switch, and a failed replay is started over,
            // not resumed: current prices can be held until the end, bounded only by memory.
            Projector projector = new Projector(new MongoProjectionStore(target), HOLD_AT_MOST, HELD_POINTS,
                    projected -> replayed.stored += projected.stored().added());
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                polled.forEach(record -> {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record);
                    }
                });
                project(projector, batch, replayed);
                if (projector.flushDue(false)) {
                    projector.startFlush(writeTimeout);
                }
                update(State.RUNNING, replayed, null, null, null);
            }
            projector.flush().block(writeTimeout);
            return replayed;
        }
    }

    private void project(Projector projector, List<ConsumerRecord<String, byte[]>> batch, Replayed replayed) {
        if (batch.isEmpty()) {
            return;
        }
        List<SourcedEvent> events = new ArrayList<>(batch.size());
        Map<Integer, SourcePosition> last = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            SourcePosition position = new SourcePosition(record.topic(), record.partition(), record.offset());
            last.put(record.partition(), position);
            try {
                var event = PriceEventJson.read(record.value());
                if (StorableAmounts.whyNotStorable(event).isPresent()) {
                    replayed.unreadable++;
                    continue;
                }
                events.add(new SourcedEvent(event, position));
                replayed.points.add(event.pointId());
            } catch (PriceEventJson.UnreadableEventException e) {
                replayed.unreadable++;
            }
        }
        // Decoding the next batch overlaps this one's history write.
        projector.startProjecting(events, List.copyOf(last.values()), writeTimeout);
        replayed.consumed += batch.size();
    }

    private Verification verify(LedgerCollections fresh, LedgerCollections live, Replayed replayed) {
        Map<Integer, Long> liveCheckpoints = new MongoProjectionStore(live).checkpoints(Topics.PRICE_EVENTS)
                .block(writeTimeout);
        Map<Integer, Long> overlap = new HashMap<>();
        replayed.end.forEach((partition, end) -> overlap.put(partition.partition(),
                Math.min(end - 1, liveCheckpoints.getOrDefault(partition.partition(), -1L))));
        Duration slow = writeTimeout.multipliedBy(20);
        GenerationScan.Result fromFresh = GenerationScan.of(fresh, Topics.PRICE_EVENTS, overlap).block(slow);
        GenerationScan.Result fromLive = GenerationScan.of(live, Topics.PRICE_EVENTS, overlap).block(slow);
        return new Verification(
                fromFresh.entries(),
                replayed.stored,
                Mono.from(fresh.current().countDocuments()).block(slow),
                replayed.points.size(),
                fromFresh.brokenChains(),
                fromLive.brokenChains(),
                fromFresh.overlapChecksum(),
                fromLive.overlapChecksum());
    }

    /** Keeps the new generation and the one it replaced (to fall back to by hand); drops the rest. */
    private void dropAllBut(long live, long previous) {
        generations.existing()
                .filter(generation -> generation != live && generation != previous)
                .concatMap(generation -> generations.generation(generation).drop())
                .then()
                .block(writeTimeout);
    }

    private void update(State state, Replayed replayed, Verification verification, String message, Instant finished) {
        status.updateAndGet(now -> now.with(state, replayed.consumed, replayed.unreadable, verification, message,
                finished));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** Running totals, touched only by the replay thread. */
    private static final class Replayed {
        final Map<TopicPartition, Long> end;
        final Set<PricePointId> points = new HashSet<>();
        long consumed;
        long stored;
        long unreadable;

        Replayed(Map<TopicPartition, Long> end) {
            this.end = end;
        }
    }
}
