package io.pricewar.scraper.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.ArrayList;

/**
 * Reads every partition of a topic from the first offset and keeps following it, on a thread
 * of its own, handing each record to a handler. No consumer group and no commits: each replica
 * folds the whole topic itself. {@link #caughtUp()} completes once everything that was in the
 * topic when it was called has been handled, which is how a replica knows its view is current
 * before it acts on it.
 */
public final class LogFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LogFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private record CatchUp(CompletableFuture<Void> done, Map<TopicPartition, Long> target) {
    }

    private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
    private final String topic;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final Queue<CompletableFuture<Void>> requested = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    public LogFollower(ConsumerFactory<String, byte[]> consumers, String topic, String clientSuffix,
                Consumer<ConsumerRecord<String, byte[]>> handler) {
        this.consumer = consumers.createConsumer(null, "follow-" + topic, clientSuffix);
        this.topic = topic;
        this.handler = handler;
        this.thread = Thread.ofPlatform().daemon().name("follow-" + topic).unstarted(this::loop);
        thread.start();
    }

    public Mono<Void> caughtUp() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        requested.add(done);
        return Mono.fromFuture(done);
    }

    private void loop() {
        try (consumer) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<CatchUp> pending = new ArrayList<>();
            while (running) {
                for (CompletableFuture<Void> next; (next = requested.poll()) != null; ) {
                    pending.add(new CatchUp(next, consumer.endOffsets(partitions)));
                }
                pending.removeIf(this::reached);
                consumer.poll(POLL).forEach(this::handle);
            }
        } catch (WakeupException e) {
            log.debug("Stopped following {}", topic);
        } catch (RuntimeException e) {
            log.error("Following {} failed; this replica's view of it is frozen", topic, e);
        }
    }

    private boolean reached(CatchUp catchUp) {
        boolean reached = catchUp.target().entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        if (reached) {
            catchUp.done().complete(null);
        }
        return reached;
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        try {
            handler.accept(record);
        } catch (RuntimeException e) {
            log.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
