package io.pricewar.scraper.assign;

import io.pricewar.events.Topics;
import io.pricewar.scraper.kafka.PriceBookFollower;
import io.pricewar.scraper.run.AssignedSources;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This replica's share of the sources, decided by Kafka: a consumer in the scrapers' group on
 * {@code scraper-sources}, whose assigned partitions are the sources this replica scrapes. When
 * a replica joins, leaves or dies (after the session timeout), the group rebalances and the
 * sources move; no lock of our own. The records themselves come from the {@link SourceDirectory};
 * this consumer is there for its assignment only.
 *
 * <p>Newly assigned sources are scraped only once the price book and the directory have caught
 * up with the log, so a source taken over continues the chains its former owner published.
 */
@Component
public class SourceAssignment implements AssignedSources, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SourceAssignment.class);

    private final SourceDirectory directory;
    private final PriceBookFollower book;
    private final KafkaMessageListenerContainer<String, byte[]> container;
    private final Set<Integer> assigned = ConcurrentHashMap.newKeySet();
    private final AtomicLong generation = new AtomicLong();
    private volatile long readyGeneration = -1;

    /**
     * @param sessionTimeout how long a replica that dies without leaving the group (killed, its
     *                       host lost) keeps its sources: Kafka's 45 s default plus the rebalance and
     *                       the next tick came close to the minute a takeover may take
     */
    public SourceAssignment(ConsumerFactory<String, byte[]> consumers, SourceDirectory directory, PriceBookFollower book,
                            @Value("${pricewar.scraper.group:pricewar-scraper}") String group,
                            @Value("${pricewar.scraper.session-timeout:20s}") Duration sessionTimeout) {
        this.directory = directory;
        this.book = book;
        ContainerProperties properties = new ContainerProperties(Topics.SCRAPER_SOURCES);
        properties.setGroupId(group);
        properties.setClientId("scraper-assignment");
        properties.getKafkaConsumerProperties().setProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                Long.toString(sessionTimeout.toMillis()));
        properties.setMessageListener((MessageListener<String, byte[]>) record -> {
        });
        properties.setConsumerRebalanceListener(new Listener());
        this.container = new KafkaMessageListenerContainer<>(consumers, properties);
    }

    @Override
    public List<Assigned> current() {
        if (readyGeneration != generation.get()) {
            return List.of();
        }
        return directory.all().stream()
                .filter(entry -> assigned.contains(entry.partition()))
                .map(SourceDirectory.Entry::record)
                .filter(record -> record.source().isEnabled())
                .map(record -> new Assigned(record.source(), record.scrapeRequestedAt()))
                .toList();
    }

    /** Partitions of {@code scraper-sources} this replica holds now, for the admin API. */
    public Set<Integer> partitions() {
        return Set.copyOf(assigned);
    }

    private final class Listener implements ConsumerAwareRebalanceListener {

        @Override
        public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            partitions.forEach(p -> assigned.remove(p.partition()));
            generation.incrementAndGet();
        }

        @Override
        public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            onPartitionsRevokedBeforeCommit(consumer, partitions);
        }

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            partitions.forEach(p -> assigned.add(p.partition()));
            long current = generation.incrementAndGet();
            log.info("Assigned scraper-sources partitions {}", assigned);
            Mono.when(book.caughtUp(), directory.caughtUp())
                    .subscribe(done -> { }, error -> log.warn("Catching up after an assignment failed", error),
                            () -> readyGeneration = current);
        }
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }
}
