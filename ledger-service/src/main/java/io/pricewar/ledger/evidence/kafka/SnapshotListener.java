package io.pricewar.ledger.evidence.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.events.Topics;
import io.pricewar.ledger.evidence.EvidenceStore;
import io.pricewar.ledger.evidence.Snapshot;
import io.pricewar.ledger.evidence.Snapshots;
import io.pricewar.ledger.evidence.Snapshots.UnusableSnapshotException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Stores each snapshot before its offset is committed (the container commits after the method
 * returns). A record that is not usable evidence is counted and logged and passed over: it can
 * never become usable, and the topic is compacted, so a later good copy of the page replaces it.
 * A failed write propagates, so the record is retried.
 */
class SnapshotListener {

    static final String LISTENER_ID = "page-snapshots-evidence";
    static final String RECORDS = "ledger.evidence.records";

    private static final Logger log = LoggerFactory.getLogger(SnapshotListener.class);

    private final EvidenceStore store;
    private final Duration writeTimeout;
    private final Counter stored;
    private final Counter unusable;

    SnapshotListener(EvidenceStore store, Duration writeTimeout, MeterRegistry registry) {
        this.store = store;
        this.writeTimeout = writeTimeout;
        this.stored = Counter.builder(RECORDS).tag("outcome", "stored").register(registry);
        this.unusable = Counter.builder(RECORDS).tag("outcome", "unusable").register(registry);
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.PAGE_SNAPSHOTS,
            containerFactory = EvidenceKafkaConfiguration.LISTENER_FACTORY)
    void onSnapshot(ConsumerRecord<String, byte[]> record) {
        Snapshot snapshot;
        try {
            snapshot = Snapshots.read(record.key(), record.value(), header(record, Topics.SNAPSHOT_URL_HEADER),
                    header(record, Topics.SNAPSHOT_FETCHED_AT_HEADER), header(record, Topics.SNAPSHOT_CONTENT_TYPE_HEADER),
                    header(record, Topics.SNAPSHOT_ENCODING_HEADER));
        } catch (UnusableSnapshotException e) {
            unusable.increment();
            log.warn("Not keeping {}-{}@{} (key {}) as evidence: {}", record.topic(), record.partition(),
                    record.offset(), record.key(), e.getMessage());
            return;
        }
        store.save(snapshot).block(writeTimeout);
        stored.increment();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
