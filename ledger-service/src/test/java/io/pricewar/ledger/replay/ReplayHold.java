package io.pricewar.ledger.replay;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the replay mid-way, with no hook in the code under test: a consumer interceptor that,
 * in a consumer without a group (only the replay's has none), stops the second non-empty poll
 * until released. The first batch is projected and counted by then, so progress is part-way.
 */
public final class ReplayHold implements ConsumerInterceptor<String, byte[]> {

    static final CountDownLatch HELD = new CountDownLatch(1);
    static final CountDownLatch RELEASED = new CountDownLatch(1);

    private boolean replay;
    private int batches;

    @Override
    public void configure(Map<String, ?> configs) {
        replay = !configs.containsKey(ConsumerConfig.GROUP_ID_CONFIG);
    }

    @Override
    public ConsumerRecords<String, byte[]> onConsume(ConsumerRecords<String, byte[]> records) {
        if (replay && ++batches == 2) {
            HELD.countDown();
            try {
                // Bounded, so a failed test cannot leave the replay thread stuck.
                RELEASED.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }
}
