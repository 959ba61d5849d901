package io.pricewar.ledger.projection.kafka;

import io.pricewar.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Sends records the ledger cannot use to {@link Topics#PRICE_EVENTS_DLT}, byte for byte, with
 * their original headers, the reason, and where they came from (in spring-kafka's header names
 * and encodings, so its tools can read them).
 */
class DeadLetters implements DisposableBean {

    /** Why the ledger could not use the record, as UTF-8 text. */
    static final String REASON_HEADER = Topics.DLT_REASON_HEADER;

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;

    DeadLetters(DefaultKafkaProducerFactory<String, byte[]> producers) {
        this.producers = producers;
        this.template = new KafkaTemplate<>(producers);
    }

    CompletableFuture<?> send(ConsumerRecord<String, byte[]> record, String reason) {
        return template.send(new ProducerRecord<>(Topics.PRICE_EVENTS_DLT, null, record.key(), record.value(),
                headers(record, reason)));
    }

    private static Headers headers(ConsumerRecord<String, byte[]> record, String reason) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        return headers;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
